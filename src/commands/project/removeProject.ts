import * as vscode from 'vscode';
import type { Services } from '../../services';
import { resolveProject } from '../pickers';
import { UserCancelled } from '../errors';
import { loadTeams } from '../teams';
import { recordProjects } from './projectActivity';
import { scopeLabel } from '../../projects/settingsScopes';

/**
 * Removes the project and its secrets from this machine (a project from settings: its definition, from the settings
 * scope it came from). The users on the server are not touched.
 */
export const removeProject = (s: Services) => async (node?: unknown) => {
  const project = await resolveProject(s, node);
  const remove = vscode.l10n.t('Remove');
  // A project from settings: the question names the settings scope its definition is removed from.
  const [title, detail] = project.origin
    ? loadTeams(s).settingsRemovalWords(project.origin, project.name)
    : [vscode.l10n.t('Remove project "{0}"?', project.name), vscode.l10n.t('Its password and API key are deleted from Secret Storage. Users on the server are not changed.')];
  const choice = await s.prompts.confirm(title, detail, remove);
  if (choice !== remove) throw new UserCancelled();
  if (project.sandbox) await s.sandbox.stop();
  s.clients.forget(project.id);
  await s.projects.remove(project.id);
  s.users.invalidate(project.id);
  // The history says, in the user's language, which settings file lost the definition.
  recordProjects(s, 'projectRemoved', [project], project.origin && vscode.l10n.t('removed from {0}', scopeLabel(project.origin)));
  void s.prompts.info(vscode.l10n.t('Project "{0}" removed.', project.name));
};
