import * as path from 'node:path';
import * as vscode from 'vscode';
import { PROJECTS_SETTING_NAME, rawDefinitions, type SettingsProjects } from './settingsScopes';

const EXTENSION_ID = 'mediumone-tools.mediumone-api-users';

/** What dist/projectDefinitions.js exports (types only here: see loadDefinitions). */
export type DefinitionsBundle = typeof import('./projectDefinitions');

/** The zod schema and what uses it, loaded only when the setting holds something; Node caches it after the first call. */
export function loadDefinitions(): DefinitionsBundle {
  const root = vscode.extensions.getExtension(EXTENSION_ID)?.extensionPath ?? path.resolve(__dirname, '..');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle of its own, loaded on demand
  return require(path.join(root, 'dist', 'projectDefinitions.js')) as DefinitionsBundle;
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
