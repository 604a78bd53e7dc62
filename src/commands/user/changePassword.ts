import * as vscode from 'vscode';
import type { Services } from '../../services';
import { resolveUsers } from '../pickers';
import { hasToken, userContextValue } from '../../tree/contextValues';
import { UserCancelled } from '../errors';
import { explainRefusal } from './runUserOperation';
import { withUncancellableProgress } from '../../ui/progress';
import { recordOne } from '../activity/recordOutcome';

/** Password with confirmation; the server's rule decides, so its 400 reason is shown and the user may retry. */
export const changePassword = (s: Services) => async (node?: unknown) => {
  const [target] = await resolveUsers(s, node, undefined, { many: false, fits: (p, e) => hasToken(userContextValue(p, e), 'canChangePassword') });
  const { project, entry } = target;
  const title = vscode.l10n.t('Change password of {0}', entry.loginId);
  const password = await s.prompts.input({
    title,
    prompt: vscode.l10n.t('New password. The server decides what is strong enough.'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (v.length === 0 ? vscode.l10n.t('Enter a password.') : undefined),
  });
  if (!password) throw new UserCancelled();
  const confirmation = await s.prompts.input({
    title,
    prompt: vscode.l10n.t('Type the new password again.'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (v === password ? undefined : vscode.l10n.t('The passwords do not match.')),
  });
  if (confirmation !== password) throw new UserCancelled();
  s.redactor.register(password);
  const client = await s.clients.for(project);
  s.users.patchUser(project.id, entry.loginId, { busy: vscode.l10n.t('Changing password…') });
  try {
    await withUncancellableProgress(vscode.l10n.t('Changing the password of {0}…', entry.loginId), () => client.updateUser(entry.loginId, { password }));
  } catch (error) {
    const reason = explainRefusal(project, 'changePassword', error);
    recordOne(s, 'changePassword', project, entry.loginId, { reason, error });
    throw new Error(reason);
  } finally {
    s.users.patchUser(project.id, entry.loginId, { busy: undefined });
  }
  recordOne(s, 'changePassword', project, entry.loginId);
  void s.prompts.info(vscode.l10n.t('Password of "{0}" changed.', entry.loginId));
};
