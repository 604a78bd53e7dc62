import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { Project } from '../../projects/project';
import { UserCancelled } from '../errors';
import { scopeLabel } from '../../projects/settingsScopes';
import { askSecretsOnFirstUse } from './secretsOnFirstUse';

/** The editor command that opens the settings file of each scope, at the setting where VS Code supports it. */
const OPEN_SETTINGS: Record<NonNullable<Project['origin']>, string> = {
  user: 'workbench.action.openSettingsJson',
  workspace: 'workbench.action.openWorkspaceSettingsFile',
  workspaceFolder: 'workbench.action.openFolderSettingsFile',
};

/**
 * Edit Project on a project from settings: its definition is edited where it lives (the settings file opens); its
 * password and API key, which only this machine holds, may be entered again here.
 */
export async function editSettingsProject(s: Services, project: Project): Promise<'openedSettings' | 'reentered'> {
  const origin = project.origin ?? 'user';
  const open = vscode.l10n.t('Open Settings');
  const reenter = vscode.l10n.t('Re-enter Credentials');
  const choice = await s.prompts.confirm(
    vscode.l10n.t('"{0}" is defined in {1} (mediumOne.projects).', project.name, scopeLabel(origin)),
    vscode.l10n.t('Change its name, server, role or login_id in that settings file. Its password and API key are kept in Secret Storage on this machine only: re-enter them here.'),
    open,
    reenter,
  );
  if (choice === open) {
    await vscode.commands.executeCommand(OPEN_SETTINGS[origin], { revealSetting: { key: 'mediumOne.projects' } });
    return 'openedSettings';
  }
  if (choice !== reenter) throw new UserCancelled();
  const secrets = await askSecretsOnFirstUse(s, project);
  if (!secrets) throw new UserCancelled();
  s.clients.forget(project.id);
  s.users.invalidate(project.id);
  void s.prompts.info(vscode.l10n.t('The credentials of "{0}" are saved.', project.name));
  return 'reentered';
}

/** Remove Project's question for a project from settings: which settings scope loses the definition. */
export function settingsRemovalWords(origin: NonNullable<Project['origin']>, name: string): [title: string, detail: string] {
  return [
    vscode.l10n.t('Remove the definition of "{0}" from {1}?', name, scopeLabel(origin)),
    vscode.l10n.t('The project is deleted from the mediumOne.projects setting in {0}, and its password and API key from Secret Storage. Users on the server are not changed.', scopeLabel(origin)),
  ];
}
