import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { Project, ProjectSecrets } from '../../projects/project';
import { isKeyringUnavailable } from '../../projects/keyringProblem';
import type { SecretPlace } from '../../projects/secretVault';

/**
 * Saves a project with its credentials. When SecretStorage fails, the user reads the cause and the remedy and may
 * keep the credentials in memory for this window only; nothing is ever written in plain text. Resolves to where the
 * credentials went, or undefined when the user declined (the project is then not saved). It asks the user, so it
 * lives with the Add and Edit Project commands, not in src/projects.
 */
export async function saveWithKeyringFallback(s: Services, project: Project, secrets: ProjectSecrets): Promise<SecretPlace | undefined> {
  try {
    await s.projects.save(project, secrets);
    return 'keyring';
  } catch (e) {
    if (!isKeyringUnavailable(e)) throw e;
    s.log.warn(`Saving the credentials of ${project.name} failed: ${e.causeText}`);
    const keep = vscode.l10n.t('Keep in Memory for This Window');
    const choice = await s.prompts.confirm(
      e.message,
      vscode.l10n.t('Keep the credentials of "{0}" in memory for this window only? They are gone when the window closes or reloads; enter them again with Edit Project then.', project.name),
      keep,
    );
    if (choice !== keep) return undefined;
    await s.projects.save(project, secrets, 'memory');
    s.log.info(`The credentials of ${project.name} are kept in memory for this window only.`);
    return 'memory';
  }
}

/** The stored credentials, or undefined when SecretStorage cannot be read (the form then asks for new ones). */
export async function storedSecretsIfReadable(s: Services, projectId: string): Promise<ProjectSecrets | undefined> {
  try {
    return await s.projects.getSecrets(projectId);
  } catch (e) {
    if (!isKeyringUnavailable(e)) throw e;
    s.log.warn(e.message);
    return undefined;
  }
}
