import * as vscode from 'vscode';
import type { Project, ProjectSecrets } from './project';
import type { SecretRedactor } from '../log/secretRedactor';

const PROJECTS_KEY = 'mediumOne.projects';
const TRACKED_KEY = 'mediumOne.tracked';
const secretKey = (projectId: string) => `mediumOne.project.${projectId}`;

/**
 * Projects live in globalState (not synced: setKeysForSync is never called with these keys), their
 * secrets in SecretStorage under the project id. Tracked login_ids (users this extension created or
 * was told about, for projects that cannot list) are per project in globalState too.
 */
export class ProjectStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly state: vscode.Memento,
    private readonly secrets: vscode.SecretStorage,
    private readonly redactor: SecretRedactor,
  ) {}

  list(): Project[] {
    return [...(this.state.get<Project[]>(PROJECTS_KEY) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  }

  get(id: string): Project | undefined {
    return this.list().find((p) => p.id === id);
  }

  async save(project: Project, secrets?: ProjectSecrets): Promise<void> {
    if (secrets) {
      this.redactor.register(secrets.password, secrets.apiKey);
      await this.secrets.store(secretKey(project.id), JSON.stringify(secrets));
    }
    const others = this.list().filter((p) => p.id !== project.id);
    await this.state.update(PROJECTS_KEY, [...others, project]);
    this.changed.fire();
  }

  async remove(id: string): Promise<void> {
    await this.secrets.delete(secretKey(id));
    await this.state.update(PROJECTS_KEY, this.list().filter((p) => p.id !== id));
    const tracked = { ...this.trackedMap() };
    delete tracked[id];
    await this.state.update(TRACKED_KEY, tracked);
    this.changed.fire();
  }

  async getSecrets(id: string): Promise<ProjectSecrets | undefined> {
    const raw = await this.secrets.get(secretKey(id));
    if (!raw) return undefined;
    try {
      const parsed = JSON.parse(raw) as Partial<ProjectSecrets>;
      if (typeof parsed.password !== 'string' || typeof parsed.apiKey !== 'string') return undefined;
      this.redactor.register(parsed.password, parsed.apiKey);
      return { password: parsed.password, apiKey: parsed.apiKey };
    } catch {
      return undefined;
    }
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
