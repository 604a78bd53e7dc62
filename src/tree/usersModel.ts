import * as vscode from 'vscode';
import { isMediumOneError } from '../api/errors';
import type { Project } from '../projects/project';
import { ROLE_LABELS, capabilitiesOf } from '../projects/capabilities';
import type { ProjectStore } from '../projects/projectStore';
import type { ClientRegistry } from '../projects/clientRegistry';
import { entryFromSummary, entryFromUser, type UserEntry } from '../users/userEntry';
import { sortByLoginId } from '../users/loginIdOrder';
import { mapWithConcurrency } from '../util/concurrency';
import { describeError } from '../util/errorText';
import { KnownStates } from '../users/knownStates';
import { StateReader, type ReadOutcome, type ReadProgress } from '../users/stateReader';

/** One row (`loginId`), some rows (`loginIds`: a batch of states read) or all rows of a project changed. */
export interface UsersChange {
  projectId: string;
  loginId?: string;
  loginIds?: string[];
}

/** Where a project's rows come from: the server's list, or the login_ids this extension tracks. */
export type UserSource = 'server' | 'tracked';

export type ProjectLoad =
  | { status: 'loading'; promise: Promise<void> }
  | { status: 'loaded'; source: UserSource; sourceReason?: string; users: UserEntry[] }
  | { status: 'error'; error: unknown };

type Loaded = ProjectLoad & { status: 'loaded' };

/**
 * The users of each project, as last loaded, plus what the extension is doing to them. The tree reads
 * it; commands change it through `patchUser` so a row updates without reloading thousands of others.
 *
 * Where the server lists bare login_ids, the states come from reading each user (StateReader, in the background,
 * rows on screen first); what is learned is kept per project (KnownStates), so a Refresh or an import shows it
 * again at once and a re-read replaces it: a known state never falls back to unknown.
 */
export class UsersModel implements vscode.Disposable {
  private readonly loads = new Map<string, ProjectLoad>();
  /** The loaded rows of each project by login_id: a batch of read states must not search 10,000 rows per user. */
  private readonly indexes = new Map<string, Map<string, UserEntry>>();
  /** Per project whose role may read users: the states known, kept across reloads. */
  private readonly known = new Map<string, KnownStates>();
  /** The background read of states, per project, while one runs. */
  private readonly readers = new Map<string, StateReader>();
  /** login_ids created with 202 and not yet seen on the server, per project. */
  private readonly pending = new Map<string, Set<string>>();
  private readonly changed = new vscode.EventEmitter<UsersChange | undefined>();
  /** Fires what changed: one row, some rows, one project's rows, or (undefined) everything. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly projects: ProjectStore,
    private readonly clients: ClientRegistry,
    private readonly concurrency: () => number,
  ) {}

  get(projectId: string): ProjectLoad | undefined {
    return this.loads.get(projectId);
  }

  /** Loads once; later calls share the result until `invalidate`. */
  async ensureLoaded(project: Project): Promise<ProjectLoad> {
    let load = this.loads.get(project.id);
    if (!load) {
      const promise = this.fetch(project);
      load = { status: 'loading', promise };
      this.loads.set(project.id, load);
    }
    if (load.status === 'loading') await load.promise;
    return this.loads.get(project.id)!;
  }

  /**
   * Forgets the loaded rows (the next `ensureLoaded` lists again) and cancels their state read. Known states stay,
   * unless the project is gone: the reloaded rows show them until they are read again.
   */
  invalidate(projectId?: string): void {
    for (const [id, reader] of this.readers) {
      if (projectId !== undefined && id !== projectId) continue;
      reader.abort();
      this.readers.delete(id);
    }
    if (projectId) {
      this.loads.delete(projectId);
      this.indexes.delete(projectId);
    } else {
      this.loads.clear();
      this.indexes.clear();
    }
    for (const id of this.known.keys()) if (!this.projects.get(id)) this.known.delete(id);
    this.changed.fire(projectId ? { projectId } : undefined);
  }

  /** While states are being read: how far the read got. */
  readProgress(projectId: string): ReadProgress | undefined {
    const reader = this.readers.get(projectId);
    return reader?.running ? reader.progress : undefined;
  }

  /** True while this user's state (without loginId: any state of the project) is queued or being read. */
  isReading(projectId: string, loginId?: string): boolean {
    const reader = this.readers.get(projectId);
    if (!reader?.running) return false;
    return loginId === undefined || reader.isPending(loginId);
  }

  /** Reads these users' states before the others (a filter's matches, the rows a command needs). */
  prioritize(projectId: string, loginIds: Iterable<string>): void {
    const reader = this.readers.get(projectId);
    if (reader?.running) reader.prioritize(loginIds);
  }

  /**
   * Waits until the listed users' states are read: the unknown ones, and the known ones being read again. The
   * results go into the rows, so what a command (Export) then uses is what the tree shows. `signal` stops the
   * waiting, not the read.
   */
  async settleStates(project: Project, loginIds: readonly string[], signal?: AbortSignal, onProgress?: (done: number, total: number) => void): Promise<void> {
    const index = this.indexes.get(project.id);
    if (!index || capabilitiesOf(project.role).read !== 'any') return;
    const running = this.readers.get(project.id);
    const need = loginIds.filter((id) => index.get(id)?.state === 'unknown' || (running?.running && running.isPending(id)));
    if (need.length === 0) return;
    const reader = this.startReading(project, need);
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
   * Changes one row (state, busy label, fields); `undefined` removes it. An existing row is changed in
   * place and only that row is refreshed: a bulk run over a big project must not rebuild every row
   * after each call.
   */
  patchUser(projectId: string, loginId: string, patch: Partial<UserEntry> | undefined): void {
    const known = this.known.get(projectId);
    // What the extension just did or learned is newer than any read still in flight.
    if (patch === undefined || 'state' in patch) known?.noteWrite(loginId);
    // Gone, or put in 'error' by the extension (a change that may have been applied, a 202 user that never showed):
    // the state known before no longer holds, and a Refresh must not show it again as fact.
    if (patch === undefined || patch.state === 'error') known?.forget(loginId);
    const load = this.loads.get(projectId);
    const index = this.indexes.get(projectId);
    if (load?.status !== 'loaded' || !index) return;
    const existing = index.get(loginId);
    if (patch !== undefined && existing) {
      // A new state makes the old reason stale unless the patch gives one.
      Object.assign(existing, 'state' in patch && !('reason' in patch) ? { reason: undefined } : {}, patch);
      known?.remember(existing);
      this.changed.fire({ projectId, loginId });
      return;
    }
    if (patch === undefined) {
      if (existing) load.users.splice(load.users.indexOf(existing), 1);
      index.delete(loginId);
    } else {
      const added: UserEntry = { loginId, state: 'unknown', ...patch };
      const entry = known?.fill(added) ?? added;
      known?.remember(entry);
      load.users.push(entry);
      index.set(loginId, entry);
      sortByLoginId(load.users);
    }
    this.changed.fire({ projectId });
  }

  markPending(projectId: string, loginId: string): void {
    let set = this.pending.get(projectId);
    if (!set) this.pending.set(projectId, (set = new Set()));
    set.add(loginId);
    this.patchUser(projectId, loginId, { state: 'pending' });
  }

  clearPending(projectId: string, loginId: string): void {
    this.pending.get(projectId)?.delete(loginId);
  }

  private async fetch(project: Project): Promise<void> {
    let unread: string[] = [];
    try {
      const { load, toRead } = await this.fetchUsers(project);
      this.loads.set(project.id, load);
      this.indexes.set(project.id, new Map(load.users.map((u) => [u.loginId, u])));
      // In the tree's order, so the rows on screen are read first.
      unread = load.users.filter((u) => toRead.has(u.loginId)).map((u) => u.loginId);
    } catch (error) {
      this.loads.set(project.id, { status: 'error', error });
    }
    // Started before the change fires, so the project row already shows that states are being read.
    if (unread.length > 0) this.startReading(project, unread);
    this.changed.fire({ projectId: project.id });
  }

  /** The states known for a project whose role may read users (other roles never learn a state to keep). */
  private knownFor(project: Project): KnownStates | undefined {
    if (capabilitiesOf(project.role).read !== 'any') return undefined;
    let known = this.known.get(project.id);
    if (!known || known.baseUrl !== project.baseUrl) this.known.set(project.id, (known = new KnownStates(project.baseUrl)));
    return known;
  }

  /** Adds users to the project's running state read, or starts one. */
  private startReading(project: Project, loginIds: readonly string[]): StateReader {
    let reader = this.readers.get(project.id);
    if (!reader?.running) {
      const known = this.knownFor(project);
      const client = this.clients.for(project);
      const started: StateReader = new StateReader({
        read: async (loginId, signal) => (await client).getUser(loginId, { signal }),
        concurrency: this.concurrency(),
        stamp: () => known?.now() ?? 0,
        onBatch: (outcomes) => this.applyReads(project.id, outcomes, known),
      });
      this.readers.set(project.id, (reader = started));
      void started.idle.then(() => {
        if (this.readers.get(project.id) !== started) return;
        this.readers.delete(project.id);
        // The project row stops showing that states are being read.
        this.changed.fire({ projectId: project.id });
      });
    }
    reader.add(loginIds);
    return reader;
  }

  /** A batch of read states into the rows. A state the extension wrote after a read started wins over that read. */
  private applyReads(projectId: string, outcomes: ReadOutcome[], known: KnownStates | undefined): void {
    const index = this.indexes.get(projectId);
    if (!index) return;
    const changed: string[] = [];
    for (const o of outcomes) {
      const entry = index.get(o.loginId);
      if (!entry || known?.writtenSince(o.loginId, o.stamp)) continue;
      if (o.kind === 'read') {
        const read = entryFromUser(o.user);
        Object.assign(entry, { state: read.state, mqttId: read.mqttId, userData: read.userData, raw: read.raw, reason: undefined });
        known?.remember(entry);
      } else if (o.kind === 'notFound') {
        Object.assign(entry, { state: 'notFound', reason: vscode.l10n.t('Listed by the server, but reading it found no such user.') });
        known?.forget(o.loginId);
      } else {
        Object.assign(entry, { state: 'error', reason: vscode.l10n.t('Reading its state failed: {0}', describeError(o.error)) });
      }
      changed.push(o.loginId);
    }
    if (changed.length > 0) this.changed.fire({ projectId, loginIds: changed });
  }

  private async fetchUsers(project: Project): Promise<{ load: Loaded; toRead: Set<string> }> {
    const client = await this.clients.for(project);
    const caps = capabilitiesOf(project.role);
    const known = this.knownFor(project);
    const toRead = new Set<string>();
    let source: UserSource = 'tracked';
    let sourceReason: string | undefined;
    let users: UserEntry[] = [];
    if (caps.list) {
      try {
        // Bare login_ids give no state: each row shows what is known, and is read (again) in the background.
        users = (await client.listUsers()).map((summary) => {
          const entry = entryFromSummary(summary);
          if (entry.state !== 'unknown') {
            known?.remember(entry);
            return entry;
          }
          if (known) toRead.add(entry.loginId);
          return known?.fill(entry) ?? entry;
        });
        source = 'server';
      } catch (e) {
        if (!isMediumOneError(e, 'listingNotSupported')) throw e;
        sourceReason = vscode.l10n.t('This server has no call to list users.');
      }
    } else {
      sourceReason = vscode.l10n.t('The {0} role cannot list users.', ROLE_LABELS[project.role]);
    }
    if (source === 'tracked') users = await this.trackedEntries(project);
    for (const loginId of this.pending.get(project.id) ?? []) {
      if (users.some((u) => u.loginId === loginId)) this.clearPending(project.id, loginId);
      else users.push({ loginId, state: 'pending' });
    }
    const tracked = new Set(this.projects.tracked(project.id));
    for (const u of users) {
      if (tracked.has(u.loginId)) u.tracked = true;
      if (source === 'tracked') known?.remember(u);
    }
    sortByLoginId(users);
    return { load: { status: 'loaded', source, sourceReason, users }, toRead };
  }

  /** Tracked users: fetched one by one where the role may read them, else shown as known by name only. */
  private async trackedEntries(project: Project): Promise<UserEntry[]> {
    const caps = capabilitiesOf(project.role);
    const ids = caps.read === 'self' ? [project.loginId] : this.projects.tracked(project.id);
    if (caps.read === 'none') {
      const reason = vscode.l10n.t('The {0} role cannot read users; created or added here.', ROLE_LABELS[project.role]);
      return ids.map((loginId) => ({ loginId, state: 'unknown', reason }));
    }
    const client = await this.clients.for(project);
    return mapWithConcurrency(ids, this.concurrency(), async (loginId): Promise<UserEntry> => {
      try {
        return entryFromUser(await client.getUser(loginId));
      } catch (e) {
        if (isMediumOneError(e, 'notFound')) return { loginId, state: 'notFound', reason: vscode.l10n.t('Not found on the server.') };
        return { loginId, state: 'error', reason: e instanceof Error ? e.message : String(e) };
      }
    });
  }

  dispose(): void {
    for (const reader of this.readers.values()) reader.abort();
    this.readers.clear();
    this.changed.dispose();
  }
}
