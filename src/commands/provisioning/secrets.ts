import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { Project } from '../../projects/project';

/** The project's API key, read from SecretStorage only when the user chose to write it somewhere after a warning. */
export async function projectApiKey(s: Services, project: Project): Promise<string> {
  const secrets = await s.projects.getSecrets(project.id);
  if (!secrets?.apiKey) {
    throw new Error(vscode.l10n.t('No API key is stored for "{0}". Edit the project to enter it, then try again.', project.name));
  }
  return secrets.apiKey;
}
