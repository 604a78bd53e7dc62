import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Project, ProjectOrigin } from './project';

const SECTION = 'mediumOne';
const SETTING = 'projects';
export const PROJECTS_SETTING_NAME = `${SECTION}.${SETTING}`;
const EXTENSION_ID = 'mediumone-tools.mediumone-api-users';

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

/** What dist/projectDefinitions.js exports (types only here: see loadDefinitions). */
export type DefinitionsBundle = typeof import('./projectDefinitions');

/** The zod schema and what uses it, loaded only when the setting holds something; Node caches it after the first call. */
export function loadDefinitions(): DefinitionsBundle {
  const root = vscode.extensions.getExtension(EXTENSION_ID)?.extensionPath ?? path.resolve(__dirname, '..');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle of its own, loaded on demand
  return require(path.join(root, 'dist', 'projectDefinitions.js')) as DefinitionsBundle;
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

/**
 * The projects the setting defines, read with `inspect` so each keeps the scope it comes from, cached until the
 * setting changes or the workspace is trusted. A bad entry is skipped and named once in a warning (scope, entry,
 * what is wrong); it never stops the others or the tree.
 */
export class SettingsSource implements vscode.Disposable {
  private cached?: SettingsProjects;
  /** Every warning shown (each once): the extension-host tests read what the user was told. */
  readonly warned = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly warn: (message: string) => void = (m) => void vscode.window.showWarningMessage(m)) {
    const reread = () => {
      this.cached = undefined;
      this.changed.fire();
    };
    this.subscriptions = [
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(PROJECTS_SETTING_NAME) && reread()),
      vscode.workspace.onDidGrantWorkspaceTrust(reread),
      vscode.workspace.onDidChangeWorkspaceFolders(reread),
      this.changed,
    ];
  }

  read(): SettingsProjects {
    this.cached ??= this.load();
    return this.cached;
  }

  private load(): SettingsProjects {
    const raw = { user: rawDefinitions('user'), workspace: rawDefinitions('workspace'), workspaceFolder: rawDefinitions('workspaceFolder') };
    if (raw.user.length + raw.workspace.length + raw.workspaceFolder.length === 0) return { projects: [], ignoredUntrusted: 0 };
    const { problems, ...result } = loadDefinitions().readSettingsProjects(raw, vscode.workspace.isTrusted);
    for (const message of problems) {
      if (this.warned.has(message)) continue;
      this.warned.add(message);
      this.warn(message);
    }
    return result;
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
