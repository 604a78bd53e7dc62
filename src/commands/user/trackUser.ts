import * as vscode from 'vscode';
import type { Services } from '../../services';
import { resolveProject } from '../pickers';
import { capabilitiesOf } from '../../projects/capabilities';
import { isMediumOneError } from '../../api/errors';
import { entryFromUser } from '../../users/userEntry';
import { UserCancelled } from '../errors';
import { revealUser } from '../reveal';
import { withUncancellableProgress } from '../../ui/progress';

/** Adds a user that exists on the server to this project's tracked list, after checking it with GET. */
export const trackUser = (s: Services) => async (node?: unknown) => {
  const project = await resolveProject(s, node, (p) => capabilitiesOf(p.role).create || capabilitiesOf(p.role).read === 'any');
  const loginId = await s.prompts.input({
    title: vscode.l10n.t('Add existing user to {0}', project.name),
    prompt: vscode.l10n.t('The login_id of an API Basic User that already exists in this project.'),
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter a login_id.')),
  });
  if (!loginId) throw new UserCancelled();
  const id = loginId.trim();
  if (capabilitiesOf(project.role).read === 'any') {
    const client = await s.clients.for(project);
    try {
      const user = await withUncancellableProgress(vscode.l10n.t('Looking up {0}…', id), () => client.getUser(id), 'window');
      await s.projects.track(project.id, [id]);
      s.users.patchUser(project.id, id, { ...entryFromUser(user), tracked: true });
    } catch (e) {
      if (isMediumOneError(e, 'notFound')) throw new Error(vscode.l10n.t('There is no user "{0}" in {1}. Check the login_id, or create the user.', id, project.name));
      throw e;
    }
  } else {
    // A Registration account may not read users: the server cannot confirm it, so the row says so.
    await s.projects.track(project.id, [id]);
    s.users.patchUser(project.id, id, { state: 'unknown', tracked: true, reason: vscode.l10n.t('Added by login_id; this role cannot check it on the server.') });
  }
  await revealUser(s, project.id, id);
  void s.prompts.info(vscode.l10n.t('"{0}" added to the list of {1}.', id, project.name));
};
