import type { UserEntry } from './userEntry';

/** What the extension last learned about one user's state: from a GET, or from an enable/disable it made. */
export interface KnownState {
  state: 'enabled' | 'disabled';
  mqttId?: string;
  userData?: Record<string, unknown>;
  raw?: Record<string, unknown>;
}

/**
 * One project's known user states, kept across Refresh and import. A server that lists bare login_ids says
 * nothing about states, so a reloaded list would otherwise show every user as unknown again until it is re-read:
 * a list entry without a state takes the state known here, and only a re-read (or a change made here) replaces it.
 *
 * It also orders writes against reads: a read that started before the extension itself changed a user answers
 * with the state from before that change, so it must not overwrite it (`writtenSince`).
 */
export class KnownStates {
  private readonly states = new Map<string, KnownState>();
  private readonly writes = new Map<string, number>();
  private clock = 0;

  /** The server these states came from: a project pointed at another URL starts over. */
  constructor(readonly baseUrl: string) {}

  get(loginId: string): KnownState | undefined {
    return this.states.get(loginId);
  }

  /** Keeps the entry's state when it is a real one (enabled/disabled); other states leave what is known alone. */
  remember(entry: Pick<UserEntry, 'loginId' | 'state' | 'mqttId' | 'userData' | 'raw'>): void {
    if (entry.state !== 'enabled' && entry.state !== 'disabled') return;
    const before = this.states.get(entry.loginId);
    this.states.set(entry.loginId, {
      state: entry.state,
      mqttId: entry.mqttId ?? before?.mqttId,
      userData: entry.userData ?? before?.userData,
      raw: entry.raw ?? before?.raw,
    });
  }

  /** The user is gone from the server (deleted here, or a GET found no such user). */
  forget(loginId: string): void {
    this.states.delete(loginId);
  }

  /** An entry as the list gave it, with the known state and fields filled in where the list had none. */
  fill(entry: UserEntry): UserEntry {
    if (entry.state !== 'unknown') return entry;
    const known = this.states.get(entry.loginId);
    if (!known) return entry;
    return {
      ...entry,
      state: known.state,
      mqttId: entry.mqttId ?? known.mqttId,
      userData: entry.userData ?? known.userData,
      raw: entry.raw ?? known.raw,
    };
  }

  /** A stamp to take when a read starts; see `writtenSince`. */
  now(): number {
    return this.clock;
  }

  /** The extension changed this user's state (enable, disable, create, a fresher read). */
  noteWrite(loginId: string): void {
    this.writes.set(loginId, ++this.clock);
  }

  /** True when the user's state was written after `stamp`: a read started at `stamp` is older than what is shown. */
  writtenSince(loginId: string, stamp: number): boolean {
    return (this.writes.get(loginId) ?? 0) > stamp;
  }
}
