import * as vscode from 'vscode';
import type { Services } from '../../services';
import { resolveProject } from '../pickers';
import { loadTeams } from '../teams';

/**
 * Edit Project: a project added with Add Project opens its form; one from settings is edited in its settings file
 * (only its secrets are entered here). Both flows run in the on-demand teams bundle.
 */
export const editProject = (s: Services) => async (node?: unknown) => {
  const project = await resolveProject(s, node, (p) => !p.sandbox, vscode.l10n.t('There is no project to edit. The Local Sandbox manages its own settings.'));
  if (project.sandbox) throw new Error(vscode.l10n.t('The Local Sandbox manages its own settings.'));
  const teams = loadTeams(s);
  return project.origin ? teams.editSettingsProject(s, project) : teams.editProjectFlow(s, project);
};
