import * as vscode from 'vscode';
import { openPanel, type TypedPanel } from './panel';
import {
  editProjectToHost,
  type EditProjectToHost,
  type EditProjectToView,
  type ProjectFormInitial,
  type ProjectFormValues,
  type SaveError,
} from './protocol/editProject';

export type { ProjectFormValues } from './protocol/editProject';

export interface EditProjectHost {
  /** Never holds a secret: only whether each one is stored. */
  initial: ProjectFormInitial;
  /** Validate, test the sign-in unless skipped, save. Undefined = saved (the panel closes). */
  save(values: ProjectFormValues, options: { skipConnectionTest: boolean }): Promise<SaveError | undefined>;
}

const open = new Map<string, TypedPanel<EditProjectToView>>();

const strings = () => ({
  name: vscode.l10n.t('Name'),
  server: vscode.l10n.t('Server'),
  custom: vscode.l10n.t('Custom URL…'),
  baseUrl: vscode.l10n.t('Base URL'),
  role: vscode.l10n.t('Role of the API account'),
  business: vscode.l10n.t('Business'),
  registration: vscode.l10n.t('Registration'),
  basic: vscode.l10n.t('Basic'),
  loginId: vscode.l10n.t('Login ID'),
  password: vscode.l10n.t('Password'),
  apiKey: vscode.l10n.t('API key'),
  stored: vscode.l10n.t('•••••• stored — type to replace'),
  mqttId: vscode.l10n.t('Project MQTT ID (optional)'),
  production: vscode.l10n.t('Production project (deleting or disabling users asks for the typed project name)'),
  save: vscode.l10n.t('Save'),
  saving: vscode.l10n.t('Signing in…'),
  saveAnyway: vscode.l10n.t('Save without testing'),
  cancel: vscode.l10n.t('Cancel'),
  required: vscode.l10n.t('Required.'),
});

/** The edit form for one project; a second Edit on the same project reveals the open form. */
export function openEditProjectPanel(extensionUri: vscode.Uri, key: string, host: EditProjectHost): vscode.WebviewPanel {
  const existing = open.get(key);
  if (existing) {
    existing.panel.reveal();
    return existing.panel;
  }
  const view = openPanel<EditProjectToHost, EditProjectToView>({
    viewType: 'mediumOne.editProject',
    title: vscode.l10n.t('Edit Project — {0}', host.initial.name),
    script: 'editProject',
    extensionUri,
    inbound: editProjectToHost,
    onMessage: async (message) => {
      switch (message.type) {
        case 'ready':
          view.post({ type: 'init', initial: host.initial, strings: strings() });
          return;
        case 'cancel':
          view.panel.dispose();
          return;
        case 'save': {
          const error = await host.save(message.values, { skipConnectionTest: message.skipConnectionTest }).catch(
            (e: unknown): SaveError => ({ message: e instanceof Error ? e.message : String(e) }),
          );
          if (error) view.post({ type: 'result', error });
          else view.panel.dispose();
        }
      }
    },
  });
  open.set(key, view);
  view.panel.onDidDispose(() => open.delete(key));
  return view.panel;
}
