/**
 * How many calls one server gets at once, learned while they run: no setting to tune (issue 12). Knows nothing of
 * VS Code or of the API client's internals, so the bulk runner, the state reader, the benchmark and plain-Node tests
 * share it. It is fed one sample per HTTP try (`afterSend`, through the client's observer hook) and may hold sends
 * back (`beforeSend`), which is how a `Retry-After` holds every call to that server, not only the refused one.
 *
 * - Latency: grows while round trips stay within `tolerance` × the best one seen (+ `slackMs`) — `slowStartStep`
 *   more per good sample until the first back-off (the limit triples each round trip, so a far server reaches the
 *   ceiling in a few round trips), one more per round trip after it — and shrinks by `latencyCut` once per round
 *   trip while recent round trips are `congested` × the best: the server or the path is queueing.
 * - 429 / 503: no call starts until `Retry-After` has passed. A 429 whose Retry-After is a second or more is a
 *   windowed rate limit: halving the calls in flight would not stop a near server from exceeding it (even one call
 *   at a time is 50 calls a second at 20 ms), so sends are spaced at `rateMargin` × the rate the server served
 *   over the last window instead, and that rate creeps up after `probeAfterMs` without a 429. Any other 429 / 503
 *   halves the limit. Samples of calls sent before the last reaction belong to the same episode and change nothing.
 */

/** One HTTP try as the client saw it. */
export interface SendSample {
  /** From the send to the answer or failure. */
  ms: number;
  /** Undefined: no answer (network failure, timeout, cancelled). */
  status?: number;
  /** A 429/503's Retry-After, as long as the client itself waits (its retry policy caps it). */
  retryAfterMs?: number;
}

/** Hands out places for calls in flight; `undefined` when the signal aborted while waiting. */
export interface ConcurrencyGate {
  /** The most places ever handed out at once: callers need no more workers than this. */
  readonly ceiling: number;
  /** The place's release: `used` false gives back a place that found no work (it says nothing of the server). */
  acquire(signal?: AbortSignal): Promise<((used?: boolean) => void) | undefined>;
}

export interface AdaptiveConcurrencyOptions {
  /** The most calls in flight, ever (`mediumOne.concurrency`). */
  ceiling: number;
  tuning?: Partial<Tuning>;
  /** Milliseconds clock; default `performance.now()`. */
  now?: () => number;
}

/** The controller's constants; tests and the benchmark may override them, the extension uses the defaults. */
export interface Tuning {
  /** Calls in flight at first. */
  initial: number;
  /** Grow while a round trip is within this many times the best one seen. */
  tolerance: number;
  /** Shrink (by `latencyCut`) while recent round trips are this many times the best one seen. */
  congested: number;
  latencyCut: number;
  /**
   * Milliseconds added to both latency bounds: on a near server a round trip of 10 ms that takes 25 ms now and then
   * (a busy event loop, a garbage collection) is noise, not a queue.
   */
  slackMs: number;
  /** Calls added per good sample until the first back-off (1 doubles the limit each round trip). */
  slowStartStep: number;
  /** Sends are paced at this share of the rate the server served when it answered 429. */
  rateMargin: number;
  /** A 429 whose Retry-After is at least this is a windowed rate limit (see the file comment). */
  rateWindowMs: number;
  /**
   * After this long without a 429 the pacing rate grows by `rateRecovery` each second (the limit may have been
   * raised). Slowly: each probe past a windowed limit costs up to a window of waiting.
   */
  probeAfterMs: number;
  rateRecovery: number;
  /** How many samples the best round trip is remembered for: a server that got slower for good sets a new best. */
  bestRttSamples: number;
}

export const defaultTuning: Tuning = {
  initial: 4,
  tolerance: 1.5,
  congested: 2,
  latencyCut: 0.8,
  slackMs: 10,
  slowStartStep: 2,
  rateMargin: 0.97,
  rateWindowMs: 1000,
  probeAfterMs: 30_000,
  rateRecovery: 1.01,
  bestRttSamples: 500,
};

/** Fewer of our own answers than this in a rate window say nothing of the server's rate (see `busy`). */
const MIN_SERVED_TO_PACE = 4;

export class AdaptiveConcurrency implements ConcurrencyGate {
  ceiling: number;
  private limitF: number;
  private slowStart = true;
  private active = 0;
  private peakActive = 0;
  private readonly waiters = new Set<() => void>();
  private holdUntil = 0;
  /** Sends per second; undefined: not paced. */
  private rate?: number;
  private rateSince = 0;
  private nextSend = 0;
  private best = Infinity;
  private nextBest = Infinity;
  private bestSamples = 0;
  private recentRtt?: number;
  /** When the limit or rate last reacted: older calls' samples are of the same episode. */
  private lastReaction = -Infinity;
  private readonly answeredAt: number[] = [];
  /** Set by `observing()`: sends are paced by `beforeSend`, not by `acquire`. */
  private sendsObserved = false;
  private readonly now: () => number;
  private readonly t: Tuning;

  constructor(options: AdaptiveConcurrencyOptions) {
    this.t = { ...defaultTuning, ...options.tuning };
    this.ceiling = wholeAtLeastOne(options.ceiling);
    this.limitF = Math.min(this.ceiling, wholeAtLeastOne(this.t.initial));
    this.now = options.now ?? (() => performance.now());
  }

  /** Calls allowed in flight now. */
  get limit(): number {
    return Math.max(1, Math.min(this.ceiling, Math.floor(this.limitF)));
  }

  /** What the controller holds now, for logs, tests and the benchmark. */
  get state(): { limit: number; inFlight: number; peakInFlight: number; ratePerSecond?: number; holdMs: number } {
    const holdMs = Math.max(0, this.holdUntil - this.now());
    return { limit: this.limit, inFlight: this.active, peakInFlight: this.peakActive, ratePerSecond: this.rate, holdMs };
  }

  /** A new ceiling (the setting changed): takes effect for the next places handed out. */
  setCeiling(ceiling: number): void {
    this.ceiling = wholeAtLeastOne(ceiling);
    this.wake();
  }

  /** The client reports every try to this controller: sends are paced in `beforeSend` from now on. */
  observing(): void {
    this.sendsObserved = true;
  }

  async acquire(signal?: AbortSignal): Promise<((used?: boolean) => void) | undefined> {
    for (;;) {
      if (signal?.aborted) return undefined;
      if (this.active < this.limit) {
        const wait = this.sendsObserved ? this.holdMs() : this.sendDelay();
        if (wait <= 0) return this.take();
        if (!(await pause(wait, signal))) return undefined;
        continue;
      }
      if (!(await this.nextWake(signal))) return undefined;
    }
  }

  /** Awaited by the client before every send: honours Retry-After and the learned rate. */
  async beforeSend(signal?: AbortSignal): Promise<void> {
    for (let wait = this.sendDelay(); wait > 0; wait = this.sendDelay()) {
      if (!(await pause(wait, signal))) return;
    }
  }

  afterSend(sample: SendSample): void {
    const now = this.now();
    const sentAt = now - sample.ms;
    if (sample.status === 429 || sample.status === 503) {
      this.busy(sample, sentAt, now);
      return;
    }
    if (sample.status === undefined) return;
    this.answeredAt.push(now);
    if (this.answeredAt.length > 4096) this.answeredAt.splice(0, 2048);
    this.recoverRate(now);
    this.roundTrip(sample.ms, sentAt, now);
  }

  private take(): (used?: boolean) => void {
    this.active++;
    this.peakActive = Math.max(this.peakActive, this.active);
    const started = this.now();
    let released = false;
    return (used = true) => {
      if (released) return;
      released = true;
      this.active--;
      // A client that does not report its sends: the place's whole use stands in for one round trip.
      if (used && !this.sendsObserved) this.afterSend({ ms: this.now() - started, status: 200 });
      this.wake();
    };
  }

  private roundTrip(ms: number, sentAt: number, now: number): void {
    this.nextBest = Math.min(this.nextBest, ms);
    if (++this.bestSamples >= this.t.bestRttSamples) {
      this.best = this.nextBest;
      this.nextBest = Infinity;
      this.bestSamples = 0;
    }
    this.best = Math.min(this.best, ms);
    this.recentRtt = this.recentRtt === undefined ? ms : this.recentRtt + (ms - this.recentRtt) / Math.max(4, this.limit);
    const congested = this.best * this.t.congested + this.t.slackMs;
    // Both the recent average and this round trip: an average still full of a sign-in's wait is not a queue.
    if (this.recentRtt > congested && ms > congested) {
      if (sentAt <= this.lastReaction) return;
      this.cut(this.t.latencyCut, now);
    } else if (ms <= this.best * this.t.tolerance + this.t.slackMs && this.active >= this.limit - 1) {
      // Only while the places are in use: an idle limit proves nothing about the server.
      this.limitF = Math.min(this.ceiling, this.limitF + (this.slowStart ? this.t.slowStartStep : 1 / this.limit));
      this.wake();
    }
  }

  private busy(sample: SendSample, sentAt: number, now: number): void {
    const hold = sample.retryAfterMs;
    if (hold !== undefined && hold > 0) this.holdUntil = Math.max(this.holdUntil, now + hold);
    if (sentAt <= this.lastReaction) return;
    const span = Math.max(this.t.rateWindowMs, hold ?? 0);
    const served = this.answeredAt.filter((t) => t > now - span).length;
    // Pacing needs our own answers in the window to measure by: a window another client used up before our first
    // call would set a rate of one call a second, and the slow creep back would cost minutes. Then hold and halve.
    if (sample.status === 429 && hold !== undefined && hold >= this.t.rateWindowMs && served >= MIN_SERVED_TO_PACE) {
      this.rate = Math.max(1000 / span, this.t.rateMargin * Math.min((served * 1000) / span, this.rate ?? Infinity));
      this.rateSince = now;
      this.lastReaction = now;
      return;
    }
    this.cut(0.5, now);
  }

  private cut(factor: number, now: number): void {
    this.limitF = Math.max(1, this.limitF * factor);
    this.slowStart = false;
    this.lastReaction = now;
  }

  private recoverRate(now: number): void {
    if (this.rate === undefined || now - this.rateSince < this.t.probeAfterMs) return;
    this.rate *= this.t.rateRecovery;
    this.rateSince = now - this.t.probeAfterMs + 1000;
    // Once pacing cannot bind (more than the ceiling could send in a best round trip), it is dropped.
    if (Number.isFinite(this.best) && this.rate > (this.ceiling * 1000) / Math.max(1, this.best)) this.rate = undefined;
  }

  private holdMs = (): number => this.holdUntil - this.now();

  /** Milliseconds until a send may start; 0 takes the send's turn. */
  private sendDelay(): number {
    const now = this.now();
    if (this.holdUntil > now) return this.holdUntil - now;
    if (this.rate === undefined) return 0;
    if (this.nextSend > now) return this.nextSend - now;
    // A timer that fires late would lose its lateness for good: a send may catch up on a schedule up to half the
    // margin's worth of a window behind, which still keeps a window's sends under the limit.
    const catchUp = (this.t.rateWindowMs * (1 - this.t.rateMargin)) / 2;
    this.nextSend = Math.max(this.nextSend, now - catchUp) + 1000 / this.rate;
    return 0;
  }

  private wake(): void {
    const waiting = [...this.waiters];
    this.waiters.clear();
    for (const w of waiting) w();
  }

  /** Resolves true at the next release or growth, false when the signal aborts first. */
  private nextWake(signal?: AbortSignal): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      const onAbort = () => {
        this.waiters.delete(wake);
        resolve(false);
      };
      const wake = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve(true);
      };
      this.waiters.add(wake);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}

const wholeAtLeastOne = (n: number): number => (Number.isFinite(n) ? Math.max(1, Math.floor(n)) : 1);

/** Resolves true after `ms`, false as soon as the signal aborts. */
function pause(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    if (signal?.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, Math.max(1, Math.ceil(ms)));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
