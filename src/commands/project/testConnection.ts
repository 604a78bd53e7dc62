import * as vscode from 'vscode';
import type { Services } from '../../services';
import { resolveProject } from '../pickers';
import { withUncancellableProgress } from '../../ui/progress';

/** A fresh sign-in with the stored credentials; errors go through the wrapper (with Edit Project). */
export const testConnection = (s: Services) => async (node?: unknown) => {
  const project = await resolveProject(s, node);
  const secrets = await s.projects.getSecrets(project.id);
  if (!secrets) throw new Error(vscode.l10n.t('No credentials are stored for "{0}". Edit the project to enter them.', project.name));
  const started = Date.now();
  await withUncancellableProgress(vscode.l10n.t('Testing the connection to {0}…', project.name), () => s.clients.probe(project, secrets));
  void s.prompts.info(vscode.l10n.t('Signed in to "{0}" as {1} ({2} ms).', project.name, project.loginId, Date.now() - started));
};
