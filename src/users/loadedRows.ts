import { entryFromUser, type UserEntry } from './userEntry';
import { insertByLoginId } from './loginIdOrder';
import type { KnownStates } from './knownStates';
import type { ReadOutcome } from './stateReader';

/**
 * One project's loaded rows: in login_id order (what the tree shows) and by login_id (a batch of 100 read states
 * must not search 10,000 rows per user). Rows change in place, so the tree refreshes only the rows that changed.
 * `known` (where the role may read users) learns every state that passes through.
 */
export class LoadedRows {
  private readonly index: Map<string, UserEntry>;

  constructor(
    readonly users: UserEntry[],
    private readonly known: KnownStates | undefined,
  ) {
    this.index = new Map(users.map((u) => [u.loginId, u]));
  }

  get(loginId: string): UserEntry | undefined {
    return this.index.get(loginId);
  }

  /**
   * Changes one row (`undefined` removes it, a new login_id adds one in order). 'row': only that row changed;
   * 'rows': the list changed (a row added or removed).
   */
  patch(loginId: string, patch: Partial<UserEntry> | undefined): 'row' | 'rows' {
    const existing = this.index.get(loginId);
    if (patch !== undefined && existing) {
      // A new state makes the old reason stale unless the patch gives one.
      Object.assign(existing, 'state' in patch && !('reason' in patch) ? { reason: undefined } : {}, patch);
      this.known?.remember(existing);
      return 'row';
    }
    if (patch === undefined) {
      if (existing) this.users.splice(this.users.indexOf(existing), 1);
      this.index.delete(loginId);
    } else {
      const added: UserEntry = { loginId, state: 'unknown', ...patch };
      const entry = this.known?.fill(added) ?? added;
      this.known?.remember(entry);
      insertByLoginId(this.users, entry);
      this.index.set(loginId, entry);
    }
    return 'rows';
  }

  /**
   * A batch of read states into the rows; the login_ids whose row changed. A state the extension wrote after a read
   * started wins over that read.
   */
  applyReads(outcomes: readonly ReadOutcome[]): string[] {
    const changed: string[] = [];
    for (const o of outcomes) {
      const entry = this.index.get(o.loginId);
      if (!entry || this.known?.writtenSince(o.loginId, o.stamp)) continue;
      if (o.kind === 'read') {
        const read = entryFromUser(o.user);
        Object.assign(entry, { state: read.state, mqttId: read.mqttId, userData: read.userData, raw: read.raw, reason: undefined });
        this.known?.remember(entry);
      } else if (o.kind === 'notFound') {
        Object.assign(entry, { state: 'notFound', reason: { code: 'listedButNotFound' } });
        this.known?.forget(o.loginId);
      } else {
        Object.assign(entry, { state: 'error', reason: { code: 'readFailed', error: o.error } });
      }
      changed.push(o.loginId);
    }
    return changed;
  }
}
