import * as vscode from 'vscode';
import type { Project, ProjectOrigin } from './project';

// The `mediumOne.projects` setting at each scope: its name, how it is read and written, and the scope's words. Shared
// by the start-up bundle's SettingsSource and the on-demand definitions bundle (src/projects/projectDefinitions.ts).

const SECTION = 'mediumOne';
const SETTING = 'projects';
export const PROJECTS_SETTING_NAME = `${SECTION}.${SETTING}`;

export const TARGETS: Record<ProjectOrigin, vscode.ConfigurationTarget> = {
  user: vscode.ConfigurationTarget.Global,
  workspace: vscode.ConfigurationTarget.Workspace,
  workspaceFolder: vscode.ConfigurationTarget.WorkspaceFolder,
};

/** "User Settings", as VS Code names the scope (messages, pickers). */
export function scopeLabel(origin: ProjectOrigin): string {
  return origin === 'user' ? vscode.l10n.t('User Settings') : origin === 'workspace' ? vscode.l10n.t('Workspace Settings') : vscode.l10n.t('Folder Settings');
}

export interface SettingsProjects {
  projects: Project[];
  /** Workspace and folder definitions not used because the workspace is not trusted. */
  ignoredUntrusted: number;
}

/** The folder whose settings count as "folder settings": the first one (the setting is window-scoped). */
const configuration = () => vscode.workspace.getConfiguration(SECTION, vscode.workspace.workspaceFolders?.[0]?.uri);

/** The raw value of the setting at one scope (bad entries included), as `configuration.update` would replace it. */
export function rawDefinitions(origin: ProjectOrigin): unknown[] {
  // With one folder open (no .code-workspace file) its settings are the workspace settings: inspect reports them
  // as both, and they are read once, as workspace settings.
  if (origin === 'workspaceFolder' && !vscode.workspace.workspaceFile) return [];
  const inspected = configuration().inspect<unknown>(SETTING);
  const value = origin === 'user' ? inspected?.globalValue : origin === 'workspace' ? inspected?.workspaceValue : inspected?.workspaceFolderValue;
  return Array.isArray(value) ? value : [];
}

export async function writeDefinitions(origin: ProjectOrigin, value: unknown[]): Promise<void> {
  await configuration().update(SETTING, value.length > 0 ? value : undefined, TARGETS[origin]);
}
