import * as vscode from 'vscode';
import type { Services } from '../../services';
import { hostOf, type Project, type ProjectSecrets } from '../../projects/project';
import { UserCancelled } from '../errors';
import { signInFailure } from './addProjectFlow';
import { saveWithKeyringFallback } from './keyringFallback';
import { askApiKey, askPassword } from './projectPrompts';

/**
 * A project from settings has no secrets until the user first acts on it: this asks for the password and API key
 * (masked), signs in with them as Add Project does, and keeps them in Secret Storage (or, if the user chooses after
 * the keyring failed, in this window's memory) — nowhere else. Resolves to undefined when the user cancels. It may
 * run inside a client's sign-in (ClientRegistry asks it for the credentials), so it never resets that client's
 * session itself.
 */
export async function askSecretsOnFirstUse(s: Services, project: Project): Promise<ProjectSecrets | undefined> {
  try {
    return await askAndStore(s, project);
  } catch (e) {
    // Any bundle's UserCancelled is a vscode.CancellationError.
    if (e instanceof vscode.CancellationError) return undefined;
    throw e;
  }
}

async function askAndStore(s: Services, project: Project): Promise<ProjectSecrets> {
  // The server is named: a definition from someone else's settings decides where the typed credentials go.
  const title = vscode.l10n.t('Sign in to "{0}" at {1} as {2}', project.name, hostOf(project.baseUrl), project.loginId);
  let password = await askPassword(s, title);
  let apiKey = await askApiKey(s, title);
  s.redactor.register(password, apiKey);
  for (;;) {
    const failure = await signInFailure(s, project.baseUrl, project.loginId, { password, apiKey });
    if (!failure) break;
    const fix = await askHowToFix(s, failure);
    if (fix === 'save') break;
    if (fix === 'password') password = await askPassword(s, title);
    else apiKey = await askApiKey(s, title);
    s.redactor.register(password, apiKey);
  }
  const secrets = { password, apiKey };
  const place = await saveWithKeyringFallback(s, project, secrets);
  if (!place) throw new UserCancelled();
  s.log.info(`Credentials for ${project.name} (from ${project.origin ?? 'globalState'} settings) stored in ${place === 'memory' ? 'memory for this window' : 'Secret Storage'}.`);
  return secrets;
}

/** The server and login_id come from the settings file, so only the secrets can be fixed here. */
async function askHowToFix(s: Services, failure: string): Promise<'password' | 'apiKey' | 'save'> {
  const options: { label: string; fix: 'password' | 'apiKey' | 'save' }[] = [
    { label: vscode.l10n.t('Re-enter the password'), fix: 'password' },
    { label: vscode.l10n.t('Re-enter the API key'), fix: 'apiKey' },
    { label: vscode.l10n.t('Save anyway'), fix: 'save' },
  ];
  const picked = await s.prompts.pick(options, { title: vscode.l10n.t('Sign-in failed: {0}', failure), placeHolder: vscode.l10n.t('Sign-in failed: {0}', failure), ignoreFocusOut: true });
  if (!picked) throw new UserCancelled();
  return picked.fix;
}
