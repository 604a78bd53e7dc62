import * as vscode from 'vscode';
import { openPanel } from './panel';
import { createUserToHost, type CreateUserToHost, type CreateUserToView, type FieldError } from './protocol/createUser';

export type { FieldError } from './protocol/createUser';

export interface CreateUserHost {
  projectName: string;
  /** Undefined when created (the panel closes), else the error to show next to its field. */
  submit(input: { loginId: string; password: string }): Promise<FieldError | undefined>;
}

const strings = () => ({
  loginId: vscode.l10n.t('Login ID'),
  loginIdHint: vscode.l10n.t('The name the device or app signs in with, e.g. device-042 or joe@example.com.'),
  password: vscode.l10n.t('Password'),
  confirm: vscode.l10n.t('Confirm password'),
  generate: vscode.l10n.t('Generate'),
  show: vscode.l10n.t('Show'),
  hide: vscode.l10n.t('Hide'),
  create: vscode.l10n.t('Create User'),
  creating: vscode.l10n.t('Creating…'),
  cancel: vscode.l10n.t('Cancel'),
  required: vscode.l10n.t('Required.'),
  mismatch: vscode.l10n.t('The passwords do not match.'),
  strengthWeak: vscode.l10n.t('Weak: the server may refuse it.'),
  strengthFair: vscode.l10n.t('Fair.'),
  strengthStrong: vscode.l10n.t('Strong.'),
  strengthNote: vscode.l10n.t('Advice only: the server decides what it accepts.'),
});

/** The create-user form for one project. Several can be open at once (one per project and click). */
export function openCreateUserPanel(extensionUri: vscode.Uri, host: CreateUserHost): vscode.WebviewPanel {
  const view = openPanel<CreateUserToHost, CreateUserToView>({
    viewType: 'mediumOne.createUser',
    title: vscode.l10n.t('Create User — {0}', host.projectName),
    script: 'createUser',
    extensionUri,
    inbound: createUserToHost,
    onMessage: async (message) => {
      switch (message.type) {
        case 'ready':
          view.post({ type: 'init', projectName: host.projectName, strings: strings() });
          return;
        case 'cancel':
          view.panel.dispose();
          return;
        case 'submit': {
          const error = await host.submit({ loginId: message.loginId, password: message.password }).catch(
            (e: unknown): FieldError => ({ message: e instanceof Error ? e.message : String(e) }),
          );
          if (error) view.post({ type: 'result', requestId: message.requestId, error });
          else view.panel.dispose();
        }
      }
    },
  });
  return view.panel;
}
