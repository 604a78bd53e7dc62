import { createHash } from 'node:crypto';
import { CookieJar } from './cookies';
import { MediumOneError, isMediumOneError } from './errors';
import { Pace, type SendEnd } from './pace';
import type { Credentials } from './types';
import { l10n } from '../util/l10n';

export type SignIn = (credentials: Credentials) => Promise<void>;

/** A hash, so the latch can tell "credentials changed" without keeping another copy of the secrets. */
function fingerprint(c: Credentials): string {
  return createHash('sha256').update(JSON.stringify([c.loginId, c.password, c.apiKey])).digest('hex');
}

/** Resolves or rejects with `promise`, or rejects with `cancelled` as soon as `signal` aborts. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined, method: string, path: string): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new MediumOneError({ kind: 'cancelled', method, path, message: l10n.t('The request was cancelled.') }));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    const settle = () => signal.removeEventListener('abort', onAbort);
    void promise.then(
      (value) => {
        settle();
        resolve(value);
      },
      (error: unknown) => {
        settle();
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * The first, exclusive use of a fresh session, given to one call that met a 401 on the newest session. While it is
 * held no other call sends, so a 401 on it cannot come from other calls having used the session up (servers may
 * end sessions after a few calls): it is a real refusal. Released as soon as its answer is in.
 */
export interface Probe {
  readonly generation: number;
  release(): void;
}

/** A call waiting for the sign-in that follows its 401; the one that has waited longest gets the probe. */
interface Contender {
  rounds: number;
  probe?: Probe;
}

const loginPath = '/v2/login';

/**
 * The login state of one client (one project): its cookie jar, one shared sign-in at a time (a bulk run of 1,000
 * calls signs in once, not 1,000 times), and the failed-login latch: after a refused login no call signs in on its
 * own again, because every further bad attempt brings the account closer to its 5-minute lockout. The latch
 * opens when `login()` is called explicitly, when the credentials change, or on `reset()`.
 */
export class Session {
  readonly jar = new CookieJar();
  private signedIn = false;
  /** Bumped on each successful sign-in, so a 401 can tell whether another call already signed in again. */
  private generation = 0;
  /** Bumped on reset, so a sign-in that was in flight during a reset does not revive the old session. */
  private epoch = 0;
  private pending?: Promise<void>;
  private failure?: { fingerprint: string; error: MediumOneError };
  private contenders: Contender[] = [];
  private probe?: { handle: Probe; done: Promise<void>; open: () => void };
  private readonly pace = new Pace();

  constructor(
    private readonly credentials: () => Credentials | Promise<Credentials>,
    private readonly signIn: SignIn,
  ) {}

  /** True while a sign-in succeeded and its cookies are alive. */
  get active(): boolean {
    return this.signedIn && this.jar.hasCookies();
  }

  /**
   * Before each send of a call that needs a session: waits for a sign-in in flight and for another call's probe,
   * signs in when there is no session. Between its end and the send other calls run, so `sendable()` confirms.
   */
  async ready(signal: AbortSignal | undefined, probe?: Probe): Promise<number> {
    let waitedForSignIn = false;
    for (;;) {
      if (this.probe && this.probe.handle !== probe) {
        await untilAborted(this.probe.done, signal, 'POST', loginPath);
        continue;
      }
      // After one sign-in the call goes ahead even without cookies: a server may keep its session another way.
      if (this.pending || (!this.active && !waitedForSignIn)) {
        await untilAborted(this.start(false), signal, 'POST', loginPath);
        waitedForSignIn = true;
        continue;
      }
      if (!this.pace.open) {
        await untilAborted(this.pace.next(), signal, 'POST', loginPath);
        continue;
      }
      return this.generation;
    }
  }

  /**
   * Right before a send, with nothing awaited until the cookies are read: the generation the send will use (and
   * the send holds a place on it until `sent()`), or undefined when a sign-in, another call's probe or the pace
   * of a fresh session stands in the way since `ready()` resolved (then wait again).
   */
  sendable(probe?: Probe): number | undefined {
    if (this.pending || (this.probe && this.probe.handle !== probe) || !this.pace.open) return undefined;
    this.pace.begin();
    return this.generation;
  }

  /** A 401 on `generation` that the call reports as a refusal rather than signing in again. */
  refused(generation: number): void {
    if (generation === this.generation) this.pace.refund();
  }

  /** After a send that `sendable()` let begin: how it ended (a 401, an answer, no answer). */
  sent(generation: number, how: SendEnd): void {
    // Sends on an older session hold no place on the current one.
    if (generation === this.generation) this.pace.end(how);
  }

  /**
   * After a 401 on a send made with `generation`. When a newer session exists the call simply repeats with it
   * (resolves undefined). Otherwise the session has ended or the call is refused: sign in again (or join the
   * sign-in already under way) and, when this call has waited longest (`rounds`: the 401s it met so far), hand
   * it the new session's probe.
   */
  async renew(generation: number, rounds: number, signal: AbortSignal | undefined): Promise<Probe | undefined> {
    if (generation < this.generation && !this.pending) return undefined;
    if (generation === this.generation) this.pace.markEnded();
    const me: Contender = { rounds };
    this.contenders.push(me);
    try {
      await untilAborted(this.start(false), signal, 'POST', loginPath);
    } catch (e) {
      // Cancelled just after being chosen: every other call waits for this probe, so it must end here.
      me.probe?.release();
      throw e;
    } finally {
      this.contenders = this.contenders.filter((c) => c !== me);
    }
    return me.probe;
  }

  /** An explicit sign-in (e.g. "Test connection"): opens the latch and signs in now. */
  async login(signal: AbortSignal | undefined): Promise<void> {
    this.failure = undefined;
    this.signedIn = false;
    await untilAborted(this.start(true), signal, 'POST', loginPath);
  }

  /** Forgets cookies, the failed-login latch and any probe. */
  reset(): void {
    this.epoch++;
    this.jar.clear();
    this.signedIn = false;
    this.failure = undefined;
    this.pending = undefined;
    this.probe?.open();
    this.pace.forget();
  }

  private start(explicit: boolean): Promise<void> {
    if (this.pending) return this.pending;
    const run = this.run(explicit).finally(() => {
      if (this.pending === run) this.pending = undefined;
    });
    this.pending = run;
    return run;
  }

  private async run(explicit: boolean): Promise<void> {
    const epoch = this.epoch;
    const credentials = await this.credentials();
    const print = fingerprint(credentials);
    if (this.failure && !explicit) {
      if (this.failure.fingerprint === print) throw this.failure.error;
      this.failure = undefined;
    }
    this.signedIn = false;
    this.jar.clear();
    try {
      await this.signIn(credentials);
    } catch (e) {
      if (epoch === this.epoch && isMediumOneError(e, 'loginFailed')) this.failure = { fingerprint: print, error: e };
      // Calls waiting for a place on the next session must learn that there is none.
      this.pace.forget();
      throw e;
    }
    if (epoch !== this.epoch) return;
    this.signedIn = true;
    this.generation++;
    if (explicit) this.pace.forget();
    else this.pace.restart();
    this.handOutProbe();
  }

  /** Gives the new session's first use to the contender that met the most 401s (the first of them on a tie). */
  private handOutProbe(): void {
    let chosen: Contender | undefined;
    for (const c of this.contenders) if (!chosen || c.rounds > chosen.rounds) chosen = c;
    if (!chosen) return;
    // A probe of an older session proves nothing any more: its waiters go on to wait for the new one.
    this.probe?.open();
    let open = () => {};
    const done = new Promise<void>((resolve) => {
      open = resolve;
    });
    let released = false;
    const handle: Probe = {
      generation: this.generation,
      release: () => {
        if (released) return;
        released = true;
        if (this.probe?.handle === handle) this.probe = undefined;
        open();
      },
    };
    this.probe = { handle, done, open: () => handle.release() };
    chosen.probe = handle;
  }
}
