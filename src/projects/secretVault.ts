import type { ProjectSecrets } from './project';
import { KeyringUnavailable, causeOf, type KeyringOperation } from './keyringProblem';

/** The slice of `vscode.SecretStorage` the vault uses (so unit tests can hand it one that throws). */
export interface SecretStorageLike {
  get(key: string): Thenable<string | undefined>;
  store(key: string, value: string): Thenable<void>;
  delete(key: string): Thenable<void>;
}

/** Where a project's credentials live: the OS keyring through SecretStorage, or this window's memory only. */
export type SecretPlace = 'keyring' | 'memory';

const secretKey = (projectId: string) => `mediumOne.project.${projectId}`;

/**
 * Project credentials: SecretStorage, or, when the user chose it after SecretStorage failed, a Map that lives as long
 * as this window. Nothing here ever writes a secret anywhere else. Every failure of SecretStorage becomes a
 * KeyringUnavailable whose message (from `describe`) names the cause and the remedy.
 */
export class SecretVault {
  private readonly memory = new Map<string, ProjectSecrets>();

  constructor(
    private readonly storage: SecretStorageLike,
    /** Every secret read or written is registered with the redactor through here. */
    private readonly register: (...values: string[]) => void,
    private readonly describe: (operation: KeyringOperation, projectName: string, cause: string) => string,
  ) {}

  async store(id: string, projectName: string, secrets: ProjectSecrets, place: SecretPlace = 'keyring'): Promise<void> {
    this.register(secrets.password, secrets.apiKey);
    if (place === 'memory') {
      this.memory.set(id, { ...secrets });
      return;
    }
    await this.guard('store', projectName, () => this.storage.store(secretKey(id), JSON.stringify(secrets)));
    // Saved in the keyring at last: a copy kept in memory from before would only go stale.
    this.memory.delete(id);
  }

  async get(id: string, projectName: string): Promise<ProjectSecrets | undefined> {
    const kept = this.memory.get(id);
    if (kept) return { ...kept };
    const raw = await this.guard('read', projectName, () => this.storage.get(secretKey(id)));
    if (!raw) return undefined;
    try {
      const parsed = JSON.parse(raw) as Partial<ProjectSecrets>;
      if (typeof parsed.password !== 'string' || typeof parsed.apiKey !== 'string') return undefined;
      this.register(parsed.password, parsed.apiKey);
      return { password: parsed.password, apiKey: parsed.apiKey };
    } catch {
      return undefined;
    }
  }

  /** Forgets the memory copy first, so a keyring failure still leaves nothing in this window. */
  async delete(id: string, projectName: string): Promise<void> {
    const wasInMemoryOnly = this.memory.delete(id);
    try {
      await this.guard('delete', projectName, () => this.storage.delete(secretKey(id)));
    } catch (e) {
      // Kept in memory because the keyring failed: there is nothing in the keyring to delete.
      if (!wasInMemoryOnly) throw e;
    }
  }

  /** Whether this window holds the project's credentials in memory only (they are gone after a reload). */
  inMemory(id: string): boolean {
    return this.memory.has(id);
  }

  private async guard<T>(operation: KeyringOperation, projectName: string, call: () => Thenable<T>): Promise<T> {
    try {
      return await call();
    } catch (e) {
      const cause = causeOf(e);
      throw new KeyringUnavailable(operation, cause, this.describe(operation, projectName, cause));
    }
  }
}
