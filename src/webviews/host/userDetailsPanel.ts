import { PanelType } from '../../contributes';
import * as vscode from 'vscode';
import { openPanel, type PanelGuard, type TypedPanel } from './panel';
import { userDetailsToHost, type UserAction, type UserDetailsModel, type UserDetailsStrings, type UserDetailsToHost, type UserDetailsToView } from '../protocol/userDetails';

export type { UserDetailsModel } from '../protocol/userDetails';

export interface UserDetailsHost {
  /** Logs what the page got wrong and redacts what is sent to it. */
  guard: PanelGuard;
  load(): Promise<UserDetailsModel>;
  run(action: UserDetailsModel['actions'][number]): Promise<void>;
}

/** The open panels by key (project + user), so a second Show reveals the first. */
const open = new Map<string, TypedPanel<UserDetailsToView>>();

const strings = (): UserDetailsStrings => ({
  project: vscode.l10n.t('Project'),
  state: vscode.l10n.t('State'),
  mqttId: vscode.l10n.t('MQTT ID'),
  fields: vscode.l10n.t('Fields'),
  userData: vscode.l10n.t('user_data'),
  noUserData: vscode.l10n.t('No user_data.'),
  loading: vscode.l10n.t('Loading…'),
  refresh: vscode.l10n.t('Refresh'),
  enable: vscode.l10n.t('Enable'),
  disable: vscode.l10n.t('Disable'),
  changePassword: vscode.l10n.t('Change Password…'),
  delete: vscode.l10n.t('Delete…'),
  copyLoginId: vscode.l10n.t('Copy Login ID'),
  copyMqttId: vscode.l10n.t('Copy MQTT ID'),
});

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** One details panel per user (`key`): opening it again reveals and reloads the existing one. */
export function openUserDetailsPanel(extensionUri: vscode.Uri, key: string, host: UserDetailsHost): vscode.WebviewPanel {
  const existing = open.get(key);
  if (existing) {
    existing.panel.reveal();
    void reload(existing, host);
    return existing.panel;
  }
  const view = openPanel<UserDetailsToHost, UserDetailsToView>({
    viewType: PanelType.userDetails,
    // Until the first load answers; then `<loginId> — <project>`.
    title: vscode.l10n.t('User Details'),
    script: 'userDetails',
    extensionUri,
    inbound: userDetailsToHost,
    guard: host.guard,
    onMessage: async (message): Promise<void> => {
      if (message.type === 'ready') {
        view.post({ type: 'strings', strings: strings() });
        return reload(view, host);
      }
      await runAction(view, host, message.action);
    },
  });
  open.set(key, view);
  view.panel.onDidDispose(() => open.delete(key));
  return view.panel;
}

async function runAction(view: TypedPanel<UserDetailsToView>, host: UserDetailsHost, action: UserAction): Promise<void> {
  view.post({ type: 'busy', busy: true });
  let failure: string | undefined;
  try {
    await host.run(action);
  } catch (e) {
    failure = messageOf(e);
  }
  // Whatever happened, show the server's current view of the user (the action may have half-worked).
  await reload(view, host);
  if (failure) view.post({ type: 'error', message: failure });
}

async function reload(view: TypedPanel<UserDetailsToView>, host: UserDetailsHost): Promise<void> {
  view.post({ type: 'busy', busy: true });
  try {
    const model = await host.load();
    if (!view.alive) return;
    view.panel.title = `${model.loginId} — ${model.projectName}`;
    view.post({ type: 'model', model });
  } catch (e) {
    view.post({ type: 'error', message: messageOf(e) });
  } finally {
    view.post({ type: 'busy', busy: false });
  }
}
