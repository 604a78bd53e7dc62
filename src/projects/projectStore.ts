import * as vscode from 'vscode';
import type { Project, ProjectSecrets } from './project';
import type { SecretRedactor } from '../log/secretRedactor';
import { SecretVault, type SecretPlace } from './secretVault';
import { keyringProblem } from './keyringProblem';
import { SettingsSource, loadDefinitions } from './settingsSource';

export type { SecretPlace } from './secretVault';

const PROJECTS_KEY = 'mediumOne.projects';
const TRACKED_KEY = 'mediumOne.tracked';

/**
 * Projects live in globalState (not synced: setKeysForSync is never called with these keys), their
 * secrets in SecretStorage under the project id. Tracked login_ids (users this extension created or
 * was told about, for projects that cannot list) are per project in globalState too. When SecretStorage fails
 * (no OS keyring), the methods touching secrets throw KeyringUnavailable, and `save(…, 'memory')` keeps a project's
 * credentials in this window's memory instead (see SecretVault).
 *
 * Projects defined in the `mediumOne.projects` setting (SettingsSource) are listed with the others, with their
 * `origin`; only their secrets are kept here, and removing one removes its definition from that settings scope.
 */
export class ProjectStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  private readonly vault: SecretVault;

  constructor(
    private readonly state: vscode.Memento,
    secrets: vscode.SecretStorage,
    redactor: SecretRedactor,
    readonly settings = new SettingsSource(),
  ) {
    this.vault = new SecretVault(secrets, (...v) => redactor.register(...v), (op, name, cause) => keyringProblem(vscode.l10n, op, name, cause));
    settings.onDidChange(() => this.changed.fire());
  }

  list(): Project[] {
    return [...this.stored(), ...this.settings.read().projects].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Workspace-defined projects not used until the workspace is trusted (the tree says so). */
  ignoredUntrusted(): number {
    return this.settings.read().ignoredUntrusted;
  }

  /** The projects added with Add Project (and the Local Sandbox), kept in globalState. */
  private stored(): Project[] {
    return this.state.get<Project[]>(PROJECTS_KEY) ?? [];
  }

  get(id: string): Project | undefined {
    return this.list().find((p) => p.id === id);
  }

  /** Saves the project; its secrets (when given) go to SecretStorage, or to memory for this window when `place` says so. */
  async save(project: Project, secrets?: ProjectSecrets, place: SecretPlace = 'keyring'): Promise<void> {
    if (secrets) await this.vault.store(project.id, project.name, secrets, place);
    // A settings project's definition stays in its settings file: only its secrets are kept here.
    if (!project.origin) {
      const others = this.stored().filter((p) => p.id !== project.id);
      await this.state.update(PROJECTS_KEY, [...others, project]);
    }
    this.changed.fire();
  }

  /**
   * Removes the project (a settings project: its definition, from the settings scope it came from) even when the
   * keyring fails; that failure is then thrown, saying the secret may remain.
   */
  async remove(id: string): Promise<void> {
    const project = this.get(id);
    const name = project?.name ?? id;
    let failure: Error | undefined;
    try {
      await this.vault.delete(id, name);
    } catch (e) {
      failure = e instanceof Error ? e : new Error(String(e));
    }
    if (project?.origin) await loadDefinitions().removeDefinition(project);
    else await this.state.update(PROJECTS_KEY, this.stored().filter((p) => p.id !== id));
    const tracked = { ...this.trackedMap() };
    delete tracked[id];
    await this.state.update(TRACKED_KEY, tracked);
    this.changed.fire();
    if (failure) throw failure;
  }

  /** The project's credentials (from memory if kept there); throws KeyringUnavailable when SecretStorage fails. */
  async getSecrets(id: string): Promise<ProjectSecrets | undefined> {
    return this.vault.get(id, this.get(id)?.name ?? id);
  }

  /** Whether credentials are stored; a keyring that cannot be read counts as yes (loading then names the problem). */
  async hasSecrets(id: string): Promise<boolean> {
    try {
      return Boolean(await this.getSecrets(id));
    } catch {
      return true;
    }
  }

  /** Whether the project's credentials are kept in this window's memory only. */
  secretsInMemory(id: string): boolean {
    return this.vault.inMemory(id);
  }

  tracked(projectId: string): string[] {
    return this.trackedMap()[projectId] ?? [];
  }

  async track(projectId: string, loginIds: string[]): Promise<void> {
    const current = new Set(this.tracked(projectId));
    const before = current.size;
    loginIds.forEach((id) => current.add(id));
    if (current.size === before) return;
    await this.state.update(TRACKED_KEY, { ...this.trackedMap(), [projectId]: [...current] });
  }

  async untrack(projectId: string, loginIds: string[]): Promise<void> {
    const drop = new Set(loginIds);
    const next = this.tracked(projectId).filter((id) => !drop.has(id));
    await this.state.update(TRACKED_KEY, { ...this.trackedMap(), [projectId]: next });
  }

  private trackedMap(): Record<string, string[]> {
    return this.state.get<Record<string, string[]>>(TRACKED_KEY) ?? {};
  }

  dispose(): void {
    this.settings.dispose();
    this.changed.dispose();
  }
}
