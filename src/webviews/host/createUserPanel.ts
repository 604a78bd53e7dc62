import { PanelType } from '../../contributes';
import * as vscode from 'vscode';
import { openPanel, type PanelGuard, type TypedPanel } from './panel';
import {
  createUserOneAtATime,
  createUserToHost,
  type CreatedUser,
  type CreateUserStrings,
  type CreateUserToHost,
  type CreateUserToView,
  type FieldError,
} from '../protocol/createUser';

export type { CreatedUser, FieldError } from '../protocol/createUser';

export interface CreateUserHost {
  projectName: string;
  /** Returns undefined when created (the form then shows the created state), or the error to show next to its field. */
  submit(input: { loginId: string; password: string }): Promise<FieldError | undefined>;
  /** The user just created, as known now (a pending creation may have landed since, with its MQTT ID). */
  created(loginId: string): CreatedUser;
  /** Calls `onChange` whenever what `created(loginId)` answers may have changed, until disposed. */
  watch(loginId: string, onChange: () => void): { dispose(): void };
  /** Save Credentials File…: the one-time file with this user's credentials, written where the user picks. */
  saveCredentials(user: { loginId: string; password: string; mqttId?: string }): Promise<void>;
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
  createdTitle: vscode.l10n.t('New user'),
  mqttId: vscode.l10n.t('MQTT ID'),
  passwordOnce: vscode.l10n.t('Shown this once: copy it or save the credentials file now. Closing this form forgets it.'),
  passwordGone: vscode.l10n.t('No longer shown (the form was hidden). Copy and Save Credentials File still work until you close this form.'),
  copy: vscode.l10n.t('Copy Password'),
  copied: vscode.l10n.t('Password copied to the clipboard.'),
  saveCredentials: vscode.l10n.t('Save Credentials File…'),
  createAnother: vscode.l10n.t('Create Another'),
  close: vscode.l10n.t('Close'),
});

/**
 * The create-user form for one project. Several may be open at once (one per click). After a create it shows the
 * user with Copy and Save Credentials File; the password is kept in this closure only while the form is open, and
 * only for the last user created (Create Another and closing the panel forget it).
 */
export function openCreateUserPanel(extensionUri: vscode.Uri, host: CreateUserHost): vscode.WebviewPanel {
  const title = vscode.l10n.t('Create User — {0}', host.projectName);
  let held: { loginId: string; password: string } | undefined;
  let watching: { dispose(): void } | undefined;
  /** Holds the new user's password for Copy and Save, and keeps its facts on the page current. */
  const hold = (loginId: string, password: string) => {
    held = { loginId, password };
    watching?.dispose();
    let last = JSON.stringify(host.created(loginId));
    watching = host.watch(loginId, () => {
      const user = host.created(loginId);
      const now = JSON.stringify(user);
      if (now !== last) view.post({ type: 'createdChanged', user });
      last = now;
    });
  };
  const forget = () => {
    held = undefined;
    watching?.dispose();
    watching = undefined;
  };
  const view: TypedPanel<CreateUserToView> = openPanel<CreateUserToHost, CreateUserToView>({
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
          // A reload (VS Code reloads a hidden panel when it is shown again) keeps the created state, not the password.
          if (held) view.post({ type: 'created', user: host.created(held.loginId) });
          return;
        case 'cancel':
          view.close();
          return;
        case 'submit': {
          const error = await host.submit({ loginId: message.loginId, password: message.password }).catch(
            (e: unknown): FieldError => ({ message: e instanceof Error ? e.message : String(e) }),
          );
          if (error) {
            view.post({ type: 'result', requestId: message.requestId, error });
            return;
          }
          hold(message.loginId, message.password);
          view.post({ type: 'created', requestId: message.requestId, user: host.created(message.loginId) });
          return;
        }
        case 'copyPassword':
          if (!held) return;
          await vscode.env.clipboard.writeText(held.password);
          view.post({ type: 'copied' });
          return;
        case 'saveCredentials':
          if (held) await host.saveCredentials({ ...held, mqttId: host.created(held.loginId).mqttId });
          return;
        case 'createAnother':
          forget();
          view.post({ type: 'init', projectName: host.projectName, strings: strings(host.projectName) });
      }
    },
  });
  view.panel.onDidDispose(forget);
  return view.panel;
}
