import type { BasicUser } from '../api/types';
import type { MediumOneClient } from '../api/client';
import type { Concurrency } from '../util/concurrency';
import type { Project } from '../projects/project';
import { capabilitiesOf } from '../projects/capabilities';
import { Emitter } from '../util/emitter';
import { entryFromUser, type UserEntry } from './userEntry';
import { LoadedRows } from './loadedRows';
import { KnownStates } from './knownStates';
import type { ReadOutcome, ReadProgress } from './stateReader';
import { StateReads } from './stateReads';
import { loadUsers, type SourceReason, type UserSource } from './userLists';

/** One row (`loginId`), some rows (`loginIds`: a batch of states read) or all rows of a project changed. */
export interface UsersChange {
  projectId: string;
  loginId?: string;
  loginIds?: string[];
}

export type ProjectLoad =
  | { status: 'loading'; promise: Promise<void> }
  | { status: 'loaded'; source: UserSource; sourceReason?: SourceReason; users: UserEntry[] }
  | { status: 'error'; error: unknown };

/** What the model needs from the rest of the extension (the project store, the client registry, a setting). */
export interface ProjectUsersDeps {
  projects: { get(id: string): Project | undefined; tracked(projectId: string): readonly string[] };
  clients: { for(project: Project): Promise<MediumOneClient> };
  /** Calls in flight at most to this client's server: its adaptive controller (concurrencyFor), or a number. */
  concurrency: (client: MediumOneClient) => Concurrency;
}

/**
 * The users of each project, as last loaded, plus what the extension is doing to them. The tree reads it; commands
 * change it through `patchUser` so a row updates without reloading thousands of others. No VS Code: unit tests
 * drive it against the emulator.
 *
 * Where the server lists bare login_ids, the states come from reading each user (StateReads, in the background,
 * rows on screen first); what is learned is kept per project (KnownStates), so a Refresh or an import shows it
 * again at once and a re-read replaces it: a known state never falls back to unknown.
 */
export class ProjectUsers {
  private readonly loads = new Map<string, ProjectLoad>();
  /** The loaded rows of each project (the same array as its load's `users`), by login_id too. */
  private readonly rows = new Map<string, LoadedRows>();
  /** Per project whose role may read users: the states known, kept across reloads. */
  private readonly known = new Map<string, KnownStates>();
  /** login_ids created with 202 and not yet seen on the server, per project. */
  private readonly pending = new Map<string, Set<string>>();
  private readonly reads: StateReads;
  private readonly changed = new Emitter<UsersChange | undefined>();
  /** Fires what changed: one row, some rows, one project's rows, or (undefined) everything. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly deps: ProjectUsersDeps) {
    this.reads = new StateReads({
      concurrency: deps.concurrency,
      stamp: (projectId) => this.known.get(projectId)?.now() ?? 0,
      onBatch: (projectId, outcomes) => this.applyReads(projectId, outcomes),
      // The project row stops showing that states are being read.
      onIdle: (projectId) => this.changed.fire({ projectId }),
    });
  }

  get(projectId: string): ProjectLoad | undefined {
    return this.loads.get(projectId);
  }

  /** One loaded row, by login_id. */
  entry(projectId: string, loginId: string): UserEntry | undefined {
    return this.rows.get(projectId)?.get(loginId);
  }

  /** Loads once; later calls share the result until `invalidate`. */
  async ensureLoaded(project: Project): Promise<ProjectLoad> {
    let load = this.loads.get(project.id);
    if (!load) {
      load = { status: 'loading', promise: this.fetch(project) };
      this.loads.set(project.id, load);
    }
    if (load.status === 'loading') await load.promise;
    return this.loads.get(project.id)!;
  }

  /**
   * Forgets the loaded rows (the next `ensureLoaded` lists again) and stops their state read. Known states stay,
   * unless the project is gone: the reloaded rows show them until they are read again.
   */
  invalidate(projectId?: string): void {
    this.reads.stop(projectId);
    for (const map of [this.loads, this.rows]) {
      if (projectId) map.delete(projectId);
      else map.clear();
    }
    for (const id of this.known.keys()) if (!this.deps.projects.get(id)) this.known.delete(id);
    this.changed.fire(projectId ? { projectId } : undefined);
  }

  /** While states are being read: how far the read got. */
  readProgress(projectId: string): ReadProgress | undefined {
    return this.reads.progress(projectId);
  }

  /** True while this user's state (without loginId: any state of the project) is queued or being read. */
  isReading(projectId: string, loginId?: string): boolean {
    return this.reads.isReading(projectId, loginId);
  }

  /** Reads these users' states before the others (a filter's matches, the rows a command needs). */
  prioritize(projectId: string, loginIds: Iterable<string>): void {
    this.reads.running(projectId)?.prioritize(loginIds);
  }

  /**
   * Waits until the listed users' states are read: the unknown ones, and the known ones being read again. The
   * results go into the rows, so what a command (Export) then uses is what the tree shows. `signal` stops the
   * waiting, not the read.
   */
  async settleStates(project: Project, loginIds: readonly string[], signal?: AbortSignal, onProgress?: (done: number, total: number) => void): Promise<void> {
    const rows = this.rows.get(project.id);
    if (!rows || capabilitiesOf(project.role).read !== 'any') return;
    const need = loginIds.filter((id) => rows.get(id)?.state === 'unknown' || this.reads.isReading(project.id, id));
    if (need.length === 0) return;
    this.knownFor(project);
    const reader = this.reads.read(project, await this.deps.clients.for(project), need);
    const report = () => onProgress?.(need.filter((id) => !reader.isPending(id)).length, need.length);
    const sub = this.onDidChange((c) => c?.projectId === project.id && report());
    report();
    try {
      await new Promise<void>((resolve) => {
        void reader.whenRead(need).then(resolve);
        // A signal aborted already fires no 'abort' event: without this check the wait would last the whole read.
        if (signal?.aborted) resolve();
        signal?.addEventListener('abort', () => resolve(), { once: true });
      });
    } finally {
      sub.dispose();
    }
  }

  /**
   * Changes one row (state, busy label, fields); `undefined` removes it. An existing row is changed in place and
   * only that row is refreshed: a bulk run over a big project must not rebuild every row after each call.
   */
  patchUser(projectId: string, loginId: string, patch: Partial<UserEntry> | undefined): void {
    const known = this.known.get(projectId);
    // What the extension just did or learned is newer than any read still in flight.
    if (patch === undefined || 'state' in patch) known?.noteWrite(loginId);
    // Gone, or put in 'error' by the extension (a change that may have been applied, a 202 user that never showed):
    // the state known before no longer holds, and a Refresh must not show it again as fact.
    if (patch === undefined || patch.state === 'error') known?.forget(loginId);
    const changed = this.rows.get(projectId)?.patch(loginId, patch);
    if (changed) this.changed.fire(changed === 'row' ? { projectId, loginId } : { projectId });
  }

  /** A user created with 202: shown as pending, also across reloads, until the server lists or answers it. */
  markPending(projectId: string, loginId: string): void {
    let set = this.pending.get(projectId);
    if (!set) this.pending.set(projectId, (set = new Set()));
    set.add(loginId);
    this.patchUser(projectId, loginId, { state: 'pending' });
  }

  clearPending(projectId: string, loginId: string): void {
    this.pending.get(projectId)?.delete(loginId);
  }

  /**
   * A 202 creation (marked pending): `waitUntilExists` polls (the client's own, bounded) until the server answers
   * for the user; the row then shows it as read. When it never appears this rejects, the user is no longer pending,
   * and the caller says why (the row's state is the caller's to set).
   */
  async watchPending(projectId: string, loginId: string, waitUntilExists: (loginId: string) => Promise<BasicUser>): Promise<void> {
    try {
      const user = await waitUntilExists(loginId);
      this.clearPending(projectId, loginId);
      this.patchUser(projectId, loginId, entryFromUser(user));
    } catch (e) {
      this.clearPending(projectId, loginId);
      throw e;
    }
  }

  private async fetch(project: Project): Promise<void> {
    let unread: string[] = [];
    let client: MediumOneClient | undefined;
    try {
      const known = this.knownFor(project);
      client = await this.deps.clients.for(project);
      const loaded = await loadUsers(project, {
        client,
        tracked: this.deps.projects.tracked(project.id),
        pending: this.pending.get(project.id) ?? new Set(),
        known,
        concurrency: this.deps.concurrency(client),
      });
      for (const id of loaded.appeared) this.clearPending(project.id, id);
      const { source, sourceReason, users } = loaded;
      this.loads.set(project.id, { status: 'loaded', source, sourceReason, users });
      this.rows.set(project.id, new LoadedRows(users, known));
      // In the tree's order, so the rows on screen are read first.
      unread = users.filter((u) => loaded.toRead.has(u.loginId)).map((u) => u.loginId);
    } catch (error) {
      this.loads.set(project.id, { status: 'error', error });
    }
    // Started before the change fires, so the project row already shows that states are being read.
    if (client && unread.length > 0) this.reads.read(project, client, unread);
    this.changed.fire({ projectId: project.id });
  }

  /** The states known for a project whose role may read users (other roles never learn a state to keep). */
  private knownFor(project: Project): KnownStates | undefined {
    if (capabilitiesOf(project.role).read !== 'any') return undefined;
    let known = this.known.get(project.id);
    if (!known || known.baseUrl !== project.baseUrl) this.known.set(project.id, (known = new KnownStates(project.baseUrl)));
    return known;
  }

  private applyReads(projectId: string, outcomes: ReadOutcome[]): void {
    const changed = this.rows.get(projectId)?.applyReads(outcomes) ?? [];
    if (changed.length > 0) this.changed.fire({ projectId, loginIds: changed });
  }

  dispose(): void {
    this.reads.stop();
    this.changed.dispose();
  }
}
