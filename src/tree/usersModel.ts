import * as vscode from 'vscode';
import { isMediumOneError } from '../api/errors';
import type { Project } from '../projects/project';
import { capabilitiesOf } from '../projects/capabilities';
import type { ProjectStore } from '../projects/projectStore';
import type { ClientRegistry } from '../projects/clientRegistry';
import { entryFromSummary, entryFromUser, type UserEntry } from './userEntry';
import { sortByLoginId } from './loginIdOrder';
import { mapWithConcurrency } from '../util/concurrency';

/** One row (`loginId`) or all rows of a project changed. */
export interface UsersChange {
  projectId: string;
  loginId?: string;
}

/** Where a project's rows come from: the server's list, or the login_ids this extension tracks. */
export type UserSource = 'server' | 'tracked';

export type ProjectLoad =
  | { status: 'loading'; promise: Promise<void> }
  | { status: 'loaded'; source: UserSource; sourceReason?: string; users: UserEntry[] }
  | { status: 'error'; error: unknown };

/**
 * The users of each project, as last loaded, plus what the extension is doing to them. The tree reads
 * it; commands change it through `patchUser` so a row updates without reloading thousands of others.
 */
export class UsersModel implements vscode.Disposable {
  private readonly loads = new Map<string, ProjectLoad>();
  /** login_ids created with 202 and not yet seen on the server, per project. */
  private readonly pending = new Map<string, Set<string>>();
  private readonly changed = new vscode.EventEmitter<UsersChange | undefined>();
  /** Fires what changed: one row, one project's rows, or (undefined) everything. */
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

  invalidate(projectId?: string): void {
    if (projectId) this.loads.delete(projectId);
    else this.loads.clear();
    this.changed.fire(projectId ? { projectId } : undefined);
  }

  /**
   * Changes one row (state, busy label, fields); `undefined` removes it. An existing row is changed in
   * place and only that row is refreshed: a bulk run over a big project must not rebuild every row
   * after each call.
   */
  patchUser(projectId: string, loginId: string, patch: Partial<UserEntry> | undefined): void {
    const load = this.loads.get(projectId);
    if (load?.status !== 'loaded') return;
    const i = load.users.findIndex((u) => u.loginId === loginId);
    if (patch !== undefined && i >= 0) {
      // A new state makes the old reason stale unless the patch gives one.
      Object.assign(load.users[i], 'state' in patch && !('reason' in patch) ? { reason: undefined } : {}, patch);
      this.changed.fire({ projectId, loginId });
      return;
    }
    if (patch === undefined) {
      if (i >= 0) load.users.splice(i, 1);
    } else {
      load.users.push({ loginId, state: 'unknown', ...patch });
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
    try {
      const users = await this.fetchUsers(project);
      this.loads.set(project.id, users);
    } catch (error) {
      this.loads.set(project.id, { status: 'error', error });
    }
    this.changed.fire({ projectId: project.id });
  }

  private async fetchUsers(project: Project): Promise<ProjectLoad> {
    const client = await this.clients.for(project);
    const caps = capabilitiesOf(project.role);
    let source: UserSource = 'tracked';
    let sourceReason: string | undefined;
    let users: UserEntry[] = [];
    if (caps.list) {
      try {
        users = (await client.listUsers()).map(entryFromSummary);
        source = 'server';
      } catch (e) {
        if (!isMediumOneError(e, 'listingNotSupported')) throw e;
        sourceReason = vscode.l10n.t('This server has no call to list users.');
      }
    } else {
      sourceReason = vscode.l10n.t('The {0} role cannot list users.', project.role);
    }
    if (source === 'tracked') users = await this.trackedEntries(project);
    for (const loginId of this.pending.get(project.id) ?? []) {
      if (users.some((u) => u.loginId === loginId)) this.clearPending(project.id, loginId);
      else users.push({ loginId, state: 'pending' });
    }
    const tracked = new Set(this.projects.tracked(project.id));
    for (const u of users) if (tracked.has(u.loginId)) u.tracked = true;
    sortByLoginId(users);
    return { status: 'loaded', source, sourceReason, users };
  }

  /** Tracked users: fetched one by one where the role may read them, else shown as known by name only. */
  private async trackedEntries(project: Project): Promise<UserEntry[]> {
    const caps = capabilitiesOf(project.role);
    const ids = caps.read === 'self' ? [project.loginId] : this.projects.tracked(project.id);
    if (caps.read === 'none') {
      const reason = vscode.l10n.t('The {0} role cannot read users; created or added here.', project.role);
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
    this.changed.dispose();
  }
}
