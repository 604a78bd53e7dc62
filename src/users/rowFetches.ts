/** How long things take in the tree; tests pass shorter ones. */
export interface RowFetchTiming {
  /** VS Code registers fetched rows after resolving their TreeItems; a parent counts as quiet only once that is done. */
  registerGraceMs: number;
  /** How long a reveal waits for VS Code to fetch a refreshed parent again (it never does for a collapsed one). */
  refetchWaitMs: number;
  /** Under a state filter, read states change which rows show: a project's rows are fetched again this often at most. */
  throttleMs: number;
}

const DEFAULT_TIMING: RowFetchTiming = { registerGraceMs: 50, refetchWaitMs: 1000, throttleMs: 300 };

/**
 * Refresh and reveal bookkeeping per parent of rows ('' = the root, else a project id), for a tree whose host
 * (VS Code) fails with "Element with id … is already registered" when one parent's rows are fetched twice at once:
 * a refresh during a fetch, or a reveal of a row it does not hold yet during a refresh. So a refresh asked for
 * during a fetch is deferred until that fetch ends, and a reveal first waits until the parent is quiet.
 *
 * No VS Code here: the tree provider asks `refreshNow` before it fires a change, runs its fetches through `run`,
 * and `onDeferred` tells it to fire a deferred refresh.
 */
export class RowFetches {
  /** Fetches in flight per parent. */
  private readonly fetching = new Map<string, number>();
  /** Refreshes asked for during a fetch, fired once it ends. */
  private readonly deferred = new Set<string>();
  /** Refreshed and not fetched again yet. */
  private readonly stale = new Set<string>();
  /** Reveals waiting for a parent to be quiet. */
  private readonly quietWaiters = new Map<string, (() => void)[]>();
  /** Parents the host fetched at least once (it only re-fetches those). */
  private readonly everFetched = new Set<string>();
  private readonly throttled = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    private readonly onDeferred: (key: string) => void,
    private readonly timing: RowFetchTiming = DEFAULT_TIMING,
  ) {}

  /** A refresh of this parent (undefined: a node that holds no rows) is due: true to fire it now, false when deferred. */
  refreshNow(key: string | undefined): boolean {
    if (key === undefined) return true;
    this.stale.add(key);
    if (!this.fetching.get(key)) return true;
    this.deferred.add(key);
    return false;
  }

  /** True while the parent's rows are being fetched. */
  isFetching(key: string): boolean {
    return Boolean(this.fetching.get(key));
  }

  /** Runs one fetch of a parent's rows with the bookkeeping above. */
  async run<T>(key: string, rows: () => Promise<T>): Promise<T> {
    this.fetching.set(key, (this.fetching.get(key) ?? 0) + 1);
    try {
      return await rows();
    } finally {
      this.fetching.set(key, (this.fetching.get(key) ?? 1) - 1);
      this.everFetched.add(key);
      // The host registers the rows a moment after the fetch resolves (once their TreeItems are made).
      this.later(() => this.afterFetch(key), this.timing.registerGraceMs);
    }
  }

  /** Resolves once the parent is quiet: at once if it is, else when its refetch is done, or after refetchWaitMs. */
  whenQuiet(key: string): Promise<void> {
    // A parent the host never fetched has nothing to re-fetch: a reveal fetches it once, with no race.
    if (!this.stale.has(key) || !this.everFetched.has(key)) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = this.later(resolve, this.timing.refetchWaitMs);
      const list = this.quietWaiters.get(key) ?? [];
      list.push(() => {
        clearTimeout(timer);
        this.timers.delete(timer);
        resolve();
      });
      this.quietWaiters.set(key, list);
    });
  }

  /** Runs `refresh` for this key once throttleMs from the first call; calls until then add nothing. */
  throttle(key: string, refresh: () => void): void {
    if (this.throttled.has(key)) return;
    this.throttled.set(key, this.later(() => {
      this.throttled.delete(key);
      refresh();
    }, this.timing.throttleMs));
  }

  private afterFetch(key: string): void {
    if (this.fetching.get(key)) return;
    if (this.deferred.delete(key)) {
      this.onDeferred(key);
      return;
    }
    this.stale.delete(key);
    const waiters = this.quietWaiters.get(key) ?? [];
    this.quietWaiters.delete(key);
    waiters.forEach((wake) => wake());
  }

  private later(fn: () => void, ms: number): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
    return timer;
  }

  /** Cancels every timer: nothing fires after the tree is gone. Waiting reveals are released. */
  dispose(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.throttled.clear();
    for (const list of this.quietWaiters.values()) list.forEach((wake) => wake());
    this.quietWaiters.clear();
  }
}
