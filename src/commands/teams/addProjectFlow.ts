import { randomUUID } from 'crypto';
import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { Project, ProjectSecrets } from '../../projects/project';
import { describeError } from '../../util/errorText';
import { UserCancelled } from '../errors';
import { revealProject } from '../reveal';
import { withUncancellableProgress } from '../../ui/progress';
import { saveWithKeyringFallback } from './keyringFallback';
import { recordProjects } from '../project/projectActivity';
import { askApiKey, askBaseUrl, askLoginId, askMqttId, askName, askPassword, askProduction, askRole } from './projectPrompts';

type Fixable = 'baseUrl' | 'loginId' | 'password' | 'apiKey';

/**
 * Add Project: multi-step input, then a real sign-in before saving. When it fails the cause is named and the user
 * fixes the field it points at, saves anyway, or cancels: nothing typed is lost in between.
 */
export async function addProjectFlow(s: Services): Promise<void> {
  const name = await askName(s);
  let baseUrl = await askBaseUrl(s);
  const role = await askRole(s);
  let loginId = await askLoginId(s);
  let password = await askPassword(s);
  let apiKey = await askApiKey(s);
  s.redactor.register(password, apiKey);
  const mqttId = await askMqttId(s);
  const production = await askProduction(s, baseUrl === 'https://api.mediumone.com');

  for (;;) {
    const secrets: ProjectSecrets = { password, apiKey };
    const failure = await signInFailure(s, baseUrl, loginId, secrets);
    if (!failure) break;
    const fix = await askHowToFix(s, failure);
    if (fix === 'save') break;
    if (fix === 'baseUrl') baseUrl = await askBaseUrl(s, baseUrl);
    if (fix === 'loginId') loginId = await askLoginId(s, loginId);
    if (fix === 'password') password = await askPassword(s);
    if (fix === 'apiKey') apiKey = await askApiKey(s);
    s.redactor.register(password, apiKey);
  }

  const project: Project = { id: randomUUID(), name, baseUrl, role, loginId, mqttId, production };
  const place = await saveWithKeyringFallback(s, project, { password, apiKey });
  if (!place) throw new UserCancelled();
  recordProjects(s, 'projectAdded', [project]);
  await revealProject(s, project);
  void s.prompts.info(place === 'memory'
    ? vscode.l10n.t('Project "{0}" added. Its credentials are kept in memory for this window only.', name)
    : vscode.l10n.t('Project "{0}" added.', name));
}

/** The sign-in's failure in words (redacted), or undefined when the server accepted the credentials. */
export async function signInFailure(s: Services, baseUrl: string, loginId: string, secrets: ProjectSecrets): Promise<string | undefined> {
  try {
    await withUncancellableProgress(vscode.l10n.t('Signing in to {0}…', baseUrl), () => s.clients.probe({ baseUrl, loginId }, secrets));
    return undefined;
  } catch (e) {
    return s.redactor.redact(describeError(e));
  }
}

async function askHowToFix(s: Services, failure: string): Promise<Fixable | 'save'> {
  const options: { label: string; fix: Fixable | 'save' }[] = [
    { label: vscode.l10n.t('Re-enter the password'), fix: 'password' },
    { label: vscode.l10n.t('Re-enter the API key'), fix: 'apiKey' },
    { label: vscode.l10n.t('Change the login_id'), fix: 'loginId' },
    { label: vscode.l10n.t('Change the server URL'), fix: 'baseUrl' },
    { label: vscode.l10n.t('Save anyway'), fix: 'save' },
  ];
  const picked = await s.prompts.pick(options, {
    title: vscode.l10n.t('Sign-in failed: {0}', failure),
    placeHolder: vscode.l10n.t('Sign-in failed: {0}', failure),
    ignoreFocusOut: true,
  });
  if (!picked) throw new UserCancelled();
  return picked.fix;
}
