import { PanelType } from '../../contributes';
import * as vscode from 'vscode';
import { openPanel, type PanelGuard } from './panel';
import { createUserOneAtATime, createUserToHost, type CreateUserStrings, type CreateUserToHost, type CreateUserToView, type FieldError } from '../protocol/createUser';

export type { FieldError } from '../protocol/createUser';

export interface CreateUserHost {
  projectName: string;
  /** Returns undefined when created (the panel then closes), or the error to show next to its field. */
  submit(input: { loginId: string; password: string }): Promise<FieldError | undefined>;
  /** Logs what the page got wrong and redacts what is sent to it. */
  guard: PanelGuard;
}

const strings = (projectName: string): CreateUserStrings => ({
  title: vscode.l10n.t('Create User — {0}', projectName),
  loginId: vscode.l10n.t('Login ID'),
  loginIdHint: vscode.l10n.t('The name the device or app signs in with, e.g. device-042 or joe@example.com.'),
  password: vscode.l10n.t('Password'),
  confirm: vscode.l10n.t('Confirm password'),
  generate: vscode.l10n.t('Generate'),
  show: vscode.l10n.t('Show'),
  hide: vscode.l10n.t('Hide'),
  create: vscode.l10n.t('Create'),
  creating: vscode.l10n.t('Creating…'),
  cancel: vscode.l10n.t('Cancel'),
  required: vscode.l10n.t('Required.'),
  mismatch: vscode.l10n.t('The passwords do not match.'),
  strengthWeak: vscode.l10n.t('Weak: the server may refuse it.'),
  strengthFair: vscode.l10n.t('Fair.'),
  strengthStrong: vscode.l10n.t('Strong.'),
  strengthNote: vscode.l10n.t('Advice only: the server decides what it accepts.'),
});

/** The create-user form for one project. Several may be open at once (one per click). */
export function openCreateUserPanel(extensionUri: vscode.Uri, host: CreateUserHost): vscode.WebviewPanel {
  const title = vscode.l10n.t('Create User — {0}', host.projectName);
  const view = openPanel<CreateUserToHost, CreateUserToView>({
    viewType: PanelType.createUser,
    title,
    script: 'createUser',
    extensionUri,
    inbound: createUserToHost,
    guard: host.guard,
    // A second submit while one is in flight would create the user twice, or race the first one's answer.
    oneAtATime: createUserOneAtATime,
    onMessage: async (message) => {
      switch (message.type) {
        case 'ready':
          view.post({ type: 'init', projectName: host.projectName, strings: strings(host.projectName) });
          return;
        case 'cancel':
          view.close();
          return;
        case 'submit': {
          const error = await host.submit({ loginId: message.loginId, password: message.password }).catch(
            (e: unknown): FieldError => ({ message: e instanceof Error ? e.message : String(e) }),
          );
          if (error) view.post({ type: 'result', requestId: message.requestId, error });
          else view.close();
        }
      }
    },
  });
  return view.panel;
}
