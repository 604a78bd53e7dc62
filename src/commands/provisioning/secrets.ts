import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { Project } from '../../projects/project';

/** The question "placeholders or the API key?": the safe choice first (the default), the key only after a warning. */
export interface ApiKeyQuestion {
  title: string;
  placeHolder: string;
  safe: vscode.QuickPickItem;
  withKey: vscode.QuickPickItem;
  /** The modal warning: what the key grants, and to whom the text holding it gives it. */
  warning: string;
  detail: string;
}

/** The project's API key when the user chose it and confirmed the warning; undefined for the safe choice. */
export async function askForApiKey(s: Services, project: Project, q: ApiKeyQuestion): Promise<string | undefined> {
  const picked = await s.prompts.pick([q.safe, q.withKey], { title: q.title, placeHolder: q.placeHolder, ignoreFocusOut: true });
  if (!picked) throw new vscode.CancellationError();
  if (picked.label !== q.withKey.label) return undefined;
  const include = vscode.l10n.t('Include the API Key');
  if ((await s.prompts.confirm(q.warning, q.detail, include)) !== include) throw new vscode.CancellationError();
  return projectApiKey(s, project);
}

/** The project's API key, read from SecretStorage only when the user chose to write it somewhere after a warning. */
async function projectApiKey(s: Services, project: Project): Promise<string> {
  const secrets = await s.projects.getSecrets(project.id);
  if (!secrets?.apiKey) {
    throw new Error(vscode.l10n.t('No API key is stored for "{0}". Edit the project to enter it, then try again.', project.name));
  }
  return secrets.apiKey;
}
