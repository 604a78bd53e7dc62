import { setMaxListeners } from 'node:events';
import { isMediumOneError } from '../api/errors';
import type { BasicUser } from '../api/types';
import type { Concurrency } from '../util/concurrency';

/** One user's read, as handed to `onBatch`. `stamp` is what `stamp()` returned when the read started. */
export type ReadOutcome =
  | { loginId: string; kind: 'read'; user: BasicUser; stamp: number }
  | { loginId: string; kind: 'notFound'; error: unknown; stamp: number }
  | { loginId: string; kind: 'failed'; error: unknown; stamp: number };

export interface ReadProgress {
  done: number;
  total: number;
}

export interface StateReaderOptions {
  /** GET /v2/users/<login_id>: the API client's own, with its 429/503 back-off and session handling. */
  read(loginId: string, signal: AbortSignal): Promise<BasicUser>;
  /**
   * Calls in flight at most: a number, or the server's adaptive controller (concurrencyFor), which a bulk run on
   * the same server shares; each read then takes a place from it.
   */
  concurrency: Concurrency;
  /**
   * Finished reads, a batch at a time (at most one batch per `batchMs`): the tree then refreshes a few times a
   * second rather than once per user, which matters with 10,000 users.
   */
  onBatch(outcomes: ReadOutcome[], progress: ReadProgress): void;
  batchMs?: number;
  /** Taken when each read starts, returned in its outcome (see KnownStates.writtenSince). */
  stamp?: () => number;
  /**
   * How many times a user whose read still met 429/503 or a lost connection, after the client's own tries, goes
   * back to the end of the queue before it counts as failed: a rate limit slows the read down, it does not fail it.
   */
  maxRequeues?: number;
}

/** Errors worth another go later: the server was busy or the connection was lost, the user itself is fine. */
const TRANSIENT = ['rateLimited', 'unavailable', 'network', 'timeout'] as const;

/**
 * Reads the state of each listed user with bounded concurrency, in the order given (the tree's order, so the rows
 * on screen come first), with `prioritize` to move users ahead (a filter's matches, rows a command needs). Abort
 * stops it: calls in flight are cancelled and nothing more is reported.
 *
 * Plain TypeScript, no VS Code: the model drives it and tests run it against the emulator over HTTP.
 */
export class StateReader {
  private readonly queue: string[] = [];
  private head = 0;
  private urgent: string[] = [];
  private urgentHead = 0;
  private readonly urgentSet = new Set<string>();
  /** Queued or in flight: the users still to be reported. */
  private readonly pending = new Set<string>();
  private readonly inFlight = new Set<string>();
  private readonly requeues = new Map<string, number>();
  private readonly abortController = new AbortController();
  private readonly waiters: { ids: Set<string>; resolve: () => void }[] = [];
  private buffer: ReadOutcome[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private workers = 0;
  private done = 0;
  private total = 0;
  private closed = false;
  private readonly finished: Promise<void>;
  private finish!: () => void;

  constructor(private readonly options: StateReaderOptions) {
    this.finished = new Promise<void>((resolve) => (this.finish = resolve));
    // Every worker waiting for a place and every call in flight listens to the one signal: up to the ceiling (24 by
    // default, 64 at most) plus the waiters, past Node's warning threshold of 10 that is meant to catch leaks.
    setMaxListeners(0, this.abortController.signal);
  }

  /**
   * Queues users (those already queued or in flight are left where they are) and starts reading. A reader that
   * has finished or was aborted takes no more: the caller starts a new one (see `running`).
   */
  add(loginIds: Iterable<string>): void {
    if (this.aborted || this.closed) return;
    for (const id of loginIds) {
      if (this.pending.has(id)) continue;
      this.pending.add(id);
      this.queue.push(id);
      this.total++;
    }
    if (this.pending.size === 0) this.release(true);
    else this.spawn();
  }

  /** Reads these (where still queued) before the others, in the order given. */
  prioritize(loginIds: Iterable<string>): void {
    const front: string[] = [];
    for (const id of loginIds) {
      // Asked again while still waiting (a filtered view refreshes often): it keeps its place.
      if (!this.pending.has(id) || this.inFlight.has(id) || this.urgentSet.has(id)) continue;
      this.urgentSet.add(id);
      front.push(id);
    }
    if (front.length === 0) return;
    this.urgent = front.concat(this.urgent.slice(this.urgentHead));
    this.urgentHead = 0;
    this.spawn();
  }

  /** Resolves once none of these users is still queued or in flight (or the reader stopped). */
  whenRead(loginIds: Iterable<string>): Promise<void> {
    const ids = new Set([...loginIds].filter((id) => this.pending.has(id)));
    if (ids.size === 0 || this.aborted) return Promise.resolve();
    this.prioritize(ids);
    return new Promise<void>((resolve) => this.waiters.push({ ids, resolve }));
  }

  /** True while the user is queued or in flight. */
  isPending(loginId: string): boolean {
    return this.pending.has(loginId);
  }

  /** False once every user is reported or the reader was aborted: it then takes no more users. */
  get running(): boolean {
    return !this.aborted && !this.closed;
  }

  get progress(): ReadProgress {
    return { done: this.done, total: this.total };
  }

  get aborted(): boolean {
    return this.abortController.signal.aborted;
  }

  /** Resolves when every queued user is reported, or the reader is aborted. */
  get idle(): Promise<void> {
    return this.finished;
  }

  /** Stops: calls in flight are cancelled, unreported results are dropped, waiters are released. */
  abort(): void {
    if (this.aborted) return;
    this.abortController.abort();
    clearTimeout(this.flushTimer);
    this.buffer = [];
    this.release(true);
  }

  private spawn(): void {
    const { concurrency } = this.options;
    const want = Math.max(1, typeof concurrency === 'number' ? concurrency : concurrency.ceiling);
    while (this.workers < want && this.hasWork()) {
      this.workers++;
      void this.work();
    }
  }

  private hasWork(): boolean {
    return !this.aborted && (this.urgentHead < this.urgent.length || this.head < this.queue.length);
  }

  /** The next user to read: urgent ones first; ids already read or taken are skipped. */
  private next(): string | undefined {
    while (this.urgentHead < this.urgent.length) {
      const id = this.urgent[this.urgentHead++];
      this.urgentSet.delete(id);
      if (this.taken(id)) continue;
      return id;
    }
    while (this.head < this.queue.length) {
      const id = this.queue[this.head++];
      if (this.taken(id)) continue;
      return id;
    }
    return undefined;
  }

  private taken(id: string): boolean {
    if (!this.pending.has(id) || this.inFlight.has(id)) return true;
    this.inFlight.add(id);
    return false;
  }

  private async work(): Promise<void> {
    const signal = this.abortController.signal;
    const { concurrency } = this.options;
    const gate = typeof concurrency === 'number' ? undefined : concurrency;
    try {
      while (this.hasWork()) {
        // A place first, then the user: one prioritized while this worker waited for a place still goes first.
        const release = gate ? await gate.acquire(signal) : undefined;
        if (gate && !release) return;
        let used = false;
        try {
          const id = this.next();
          if (id === undefined || signal.aborted) return;
          used = true;
          await this.readOne(id, signal);
        } finally {
          // A place that found no work says nothing of the server: counted as a round trip, its ~0 ms would
          // become a gate's best and make every real one look congested.
          release?.(used);
        }
      }
    } finally {
      this.workers--;
    }
  }

  private async readOne(id: string, signal: AbortSignal): Promise<void> {
    const stamp = this.options.stamp?.() ?? 0;
    let outcome: ReadOutcome | undefined;
    try {
      outcome = { loginId: id, kind: 'read', user: await this.options.read(id, signal), stamp };
    } catch (error) {
      if (signal.aborted) return;
      outcome = this.afterFailure(id, error, stamp);
    }
    this.inFlight.delete(id);
    if (outcome) this.report(outcome);
  }

  /** A failure to report, or undefined when the user went back into the queue for another try. */
  private afterFailure(loginId: string, error: unknown, stamp: number): ReadOutcome | undefined {
    if (isMediumOneError(error, 'notFound')) return { loginId, kind: 'notFound', error, stamp };
    const tries = this.requeues.get(loginId) ?? 0;
    if (isMediumOneError(error, TRANSIENT) && tries < (this.options.maxRequeues ?? 3)) {
      this.requeues.set(loginId, tries + 1);
      this.queue.push(loginId);
      return undefined;
    }
    return { loginId, kind: 'failed', error, stamp };
  }

  private report(outcome: ReadOutcome): void {
    this.pending.delete(outcome.loginId);
    this.done++;
    this.buffer.push(outcome);
    if (this.pending.size === 0) {
      this.flush();
      return;
    }
    this.flushTimer ??= setTimeout(() => this.flush(), this.options.batchMs ?? 100);
  }

  private flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const batch = this.buffer;
    this.buffer = [];
    if (batch.length > 0 && !this.aborted) this.options.onBatch(batch, this.progress);
    this.release(this.pending.size === 0);
  }

  /** Wakes the waiters whose users are all reported (all of them when the reader is done or aborted). */
  private release(all: boolean): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const w = this.waiters[i];
      if (!all) for (const id of w.ids) if (!this.pending.has(id)) w.ids.delete(id);
      if (all || w.ids.size === 0) {
        this.waiters.splice(i, 1);
        w.resolve();
      }
    }
    if (all) {
      this.closed = true;
      this.finish();
    }
  }
}
