import { PanelType } from '../../contributes';
import * as vscode from 'vscode';
import { openPanel, type PanelGuard, type TypedPanel } from './panel';
import {
  editProjectOneAtATime,
  editProjectToHost,
  type EditProjectStrings,
  type EditProjectToHost,
  type EditProjectToView,
  type ProjectFormInitial,
  type ProjectFormValues,
  type SaveError,
} from '../protocol/editProject';

export type { ProjectFormValues } from '../protocol/editProject';

export interface EditProjectHost {
  /** Never holds a secret: only whether each one is stored. */
  initial: ProjectFormInitial;
  /** Validate + test the login + save; undefined = saved (panel closes), else the error to show by its field. */
  save(values: ProjectFormValues, options: { skipConnectionTest: boolean }): Promise<SaveError | undefined>;
  /** The log and redactor: every answer to the page is redacted, a failed save is logged (redacted too). */
  guard: PanelGuard;
}

/** The open forms by key (the project), so a second Edit reveals the first. */
const open = new Map<string, TypedPanel<EditProjectToView>>();

const strings = (heading: string): EditProjectStrings => ({
  heading,
  name: vscode.l10n.t('Name'),
  server: vscode.l10n.t('Server'),
  custom: vscode.l10n.t('Custom URL…'),
  baseUrl: vscode.l10n.t('Base URL'),
  baseUrlHint: vscode.l10n.t('For example https://api-sandbox.mediumone.com'),
  badUrl: vscode.l10n.t('Enter a full http:// or https:// URL.'),
  role: vscode.l10n.t('Role of the API account'),
  business: vscode.l10n.t('Business'),
  registration: vscode.l10n.t('Registration'),
  basic: vscode.l10n.t('Basic'),
  loginId: vscode.l10n.t('Login ID'),
  password: vscode.l10n.t('Password'),
  apiKey: vscode.l10n.t('API key'),
  stored: vscode.l10n.t('•••• stored — type to replace'),
  mqttId: vscode.l10n.t('Project MQTT ID (optional)'),
  production: vscode.l10n.t('Production project (deleting or disabling users asks for the typed project name)'),
  save: vscode.l10n.t('Save'),
  testing: vscode.l10n.t('Signing in…'),
  saving: vscode.l10n.t('Saving…'),
  saveAnyway: vscode.l10n.t('Save without testing'),
  cancel: vscode.l10n.t('Cancel'),
  required: vscode.l10n.t('Required.'),
});

/**
 * Only the fields the form shows, copied one by one: an `initial` built from a wider object (a stored
 * project with its secrets, say) still cannot leak anything else to the page.
 */
function pageSafe(i: ProjectFormInitial): ProjectFormInitial {
  return {
    name: i.name, baseUrl: i.baseUrl, role: i.role, loginId: i.loginId, mqttId: i.mqttId, production: i.production,
    hasPassword: i.hasPassword, hasApiKey: i.hasApiKey, knownHosts: i.knownHosts.map(({ label, url }) => ({ label, url })),
  };
}

/** The edit form for one project (`key`); a second Edit on the same project reveals the open form. */
export function openEditProjectPanel(extensionUri: vscode.Uri, key: string, host: EditProjectHost): vscode.WebviewPanel {
  const existing = open.get(key);
  if (existing) {
    existing.panel.reveal();
    return existing.panel;
  }
  const title = host.initial.name ? vscode.l10n.t('Edit Project — {0}', host.initial.name) : vscode.l10n.t('New Project');
  const view = openPanel<EditProjectToHost, EditProjectToView>({
    viewType: PanelType.editProject,
    title,
    script: 'editProject',
    extensionUri,
    inbound: editProjectToHost,
    guard: host.guard,
    oneAtATime: editProjectOneAtATime,
    onMessage: async (message) => {
      switch (message.type) {
        case 'ready':
          view.post({ type: 'init', initial: pageSafe(host.initial), strings: strings(title) });
          return;
        case 'cancel':
          view.close();
          return;
        case 'save': {
          const error = await host.save(message.values, { skipConnectionTest: message.skipConnectionTest }).catch((e: unknown): SaveError => {
            const text = e instanceof Error ? e.message : String(e);
            host.guard.log.error(`Saving the project failed: ${text}`);
            return { message: host.guard.redactor.redact(text) };
          });
          if (error) view.post({ type: 'result', error });
          else view.close();
        }
      }
    },
  });
  open.set(key, view);
  view.panel.onDidDispose(() => open.delete(key));
  return view.panel;
}
