import * as vscode from 'vscode';
import type { Services } from '../../services';
import { resolveProject } from '../pickers';
import { UserCancelled } from '../errors';

/** Removes the project and its secrets from this machine. The users on the server are not touched. */
export const removeProject = (s: Services) => async (node?: unknown) => {
  const project = await resolveProject(s, node);
  const remove = vscode.l10n.t('Remove');
  const choice = await s.prompts.confirm(
    vscode.l10n.t('Remove project "{0}"?', project.name),
    vscode.l10n.t('Its password and API key are deleted from Secret Storage. Users on the server are not changed.'),
    remove,
  );
  if (choice !== remove) throw new UserCancelled();
  if (project.sandbox) await s.sandbox.stop();
  s.clients.forget(project.id);
  await s.projects.remove(project.id);
  s.users.invalidate(project.id);
  void s.prompts.info(vscode.l10n.t('Project "{0}" removed.', project.name));
};
