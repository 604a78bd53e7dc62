import * as vscode from 'vscode';
import type { Services } from '../../services';
import { resolveProject } from '../pickers';
import { withUncancellableProgress } from '../../ui/progress';
import type { Project, ProjectSecrets } from '../../projects/project';
import { UserCancelled } from '../errors';
import { loadTeams } from '../teams';

/** A fresh sign-in with the stored credentials; errors go through the wrapper (with Edit Project). */
export const testConnection = (s: Services) => async (node?: unknown) => {
  const project = await resolveProject(s, node);
  const secrets = await s.projects.getSecrets(project.id) ?? (project.origin ? await signInFirst(s, project) : undefined);
  if (!secrets) throw new Error(vscode.l10n.t('No credentials are stored for "{0}". Edit the project to enter them.', project.name));
  const started = Date.now();
  await withUncancellableProgress(vscode.l10n.t('Testing the connection to {0}…', project.name), () => s.clients.probe(project, secrets));
  void s.prompts.info(vscode.l10n.t('Signed in to "{0}" as {1} ({2} ms).', project.name, project.loginId, Date.now() - started));
};

/** A project from settings signs in the first time here (the tree's "Sign in to list users" row runs this command). */
async function signInFirst(s: Services, project: Project): Promise<ProjectSecrets> {
  const secrets = await loadTeams(s).askSecretsOnFirstUse(s, project);
  if (!secrets) throw new UserCancelled();
  s.clients.forget(project.id);
  s.users.invalidate(project.id);
  return secrets;
}
