import * as vscode from 'vscode';
import { openPanel, type TypedPanel } from './panel';
import { userDetailsToHost, type UserAction, type UserDetailsModel, type UserDetailsToHost, type UserDetailsToView } from './protocol/userDetails';

export type { UserDetailsModel } from './protocol/userDetails';

export interface UserDetailsHost {
  load(): Promise<UserDetailsModel>;
  run(action: UserAction): Promise<void>;
}

const open = new Map<string, TypedPanel<UserDetailsToView>>();

const strings = () => ({
  state: vscode.l10n.t('State'),
  mqttId: vscode.l10n.t('MQTT ID'),
  project: vscode.l10n.t('Project'),
  fields: vscode.l10n.t('Fields'),
  userData: vscode.l10n.t('user_data'),
  noUserData: vscode.l10n.t('No user_data.'),
  refresh: vscode.l10n.t('Refresh'),
  enable: vscode.l10n.t('Enable'),
  disable: vscode.l10n.t('Disable'),
  changePassword: vscode.l10n.t('Change Password…'),
  delete: vscode.l10n.t('Delete…'),
  copyLoginId: vscode.l10n.t('Copy Login ID'),
  copyMqttId: vscode.l10n.t('Copy MQTT ID'),
});

/** One details panel per user (`key`): opening it again reveals and reloads the existing one. */
export function openUserDetailsPanel(extensionUri: vscode.Uri, key: string, host: UserDetailsHost): vscode.WebviewPanel {
  const existing = open.get(key);
  if (existing) {
    existing.panel.reveal();
    void reload(existing, host);
    return existing.panel;
  }
  const view = openPanel<UserDetailsToHost, UserDetailsToView>({
    viewType: 'mediumOne.userDetails',
    title: vscode.l10n.t('{0} — details', key.slice(key.indexOf('/') + 1)),
    script: 'userDetails',
    extensionUri,
    inbound: userDetailsToHost,
    onMessage: async (message) => {
      if (message.type === 'action') {
        view.post({ type: 'busy', busy: true });
        try {
          await host.run(message.action);
        } finally {
          view.post({ type: 'busy', busy: false });
        }
      }
      await reload(view, host);
    },
  });
  open.set(key, view);
  view.panel.onDidDispose(() => open.delete(key));
  return view.panel;
}

async function reload(view: TypedPanel<UserDetailsToView>, host: UserDetailsHost): Promise<void> {
  const model = await host.load();
  view.panel.title = `${model.loginId} — ${model.projectName}`;
  view.post({ type: 'model', model, strings: strings() });
}
