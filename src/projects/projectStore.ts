import * as vscode from 'vscode';
import type { Project, ProjectSecrets } from './project';
import type { SecretRedactor } from '../log/secretRedactor';
import { SecretVault, type SecretPlace } from './secretVault';
import { keyringProblem } from './keyringProblem';

export type { SecretPlace } from './secretVault';

const PROJECTS_KEY = 'mediumOne.projects';
const TRACKED_KEY = 'mediumOne.tracked';

/**
 * Projects live in globalState (not synced: setKeysForSync is never called with these keys), their
 * secrets in SecretStorage under the project id. Tracked login_ids (users this extension created or
 * was told about, for projects that cannot list) are per project in globalState too. When SecretStorage fails
 * (no OS keyring), the methods touching secrets throw KeyringUnavailable, and `save(…, 'memory')` keeps a project's
 * credentials in this window's memory instead (see SecretVault).
 */
export class ProjectStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  private readonly vault: SecretVault;

  constructor(
    private readonly state: vscode.Memento,
    secrets: vscode.SecretStorage,
    redactor: SecretRedactor,
  ) {
    this.vault = new SecretVault(secrets, (...v) => redactor.register(...v), (op, name, cause) => keyringProblem(vscode.l10n, op, name, cause));
  }

  list(): Project[] {
    return [...(this.state.get<Project[]>(PROJECTS_KEY) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  }

  get(id: string): Project | undefined {
    return this.list().find((p) => p.id === id);
  }

  /** Saves the project; its secrets (when given) go to SecretStorage, or to memory for this window when `place` says so. */
  async save(project: Project, secrets?: ProjectSecrets, place: SecretPlace = 'keyring'): Promise<void> {
    if (secrets) await this.vault.store(project.id, project.name, secrets, place);
    const others = this.list().filter((p) => p.id !== project.id);
    await this.state.update(PROJECTS_KEY, [...others, project]);
    this.changed.fire();
  }

  /** Removes the project even when the keyring fails; that failure is then thrown, saying the secret may remain. */
  async remove(id: string): Promise<void> {
    const name = this.get(id)?.name ?? id;
    let failure: Error | undefined;
    try {
      await this.vault.delete(id, name);
    } catch (e) {
      failure = e instanceof Error ? e : new Error(String(e));
    }
    await this.state.update(PROJECTS_KEY, this.list().filter((p) => p.id !== id));
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
    this.changed.dispose();
  }
}
