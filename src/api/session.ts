import { createHash } from 'node:crypto';
import { CookieJar } from './cookies';
import { MediumOneError, isMediumOneError } from './errors';
import type { Credentials } from './types';

export type SignIn = (credentials: Credentials) => Promise<void>;

/** A hash, so the latch can tell "credentials changed" without keeping another copy of the secrets. */
function fingerprint(c: Credentials): string {
  return createHash('sha256').update(JSON.stringify([c.loginId, c.password, c.apiKey])).digest('hex');
}

/** Resolves or rejects with `promise`, or rejects with `cancelled` as soon as `signal` aborts. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined, method: string, path: string): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new MediumOneError({ kind: 'cancelled', method, path, message: 'The request was cancelled.' }));
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

  constructor(
    private readonly credentials: () => Credentials | Promise<Credentials>,
    private readonly signIn: SignIn,
  ) {}

  /** True while a sign-in succeeded and its cookies are alive. */
  get active(): boolean {
    return this.signedIn && this.jar.hasCookies();
  }

  /** Before a call: signs in when there is no session. Returns the session generation the call will use. */
  async ensure(signal: AbortSignal | undefined): Promise<number> {
    if (!this.active || this.pending) await untilAborted(this.start(false), signal, 'POST', '/v2/login');
    return this.generation;
  }

  /** After a 401 on a call made with `generation`: signs in again, unless another call already did. */
  async renew(generation: number, signal: AbortSignal | undefined): Promise<void> {
    // While another call's sign-in is in flight, join it: clearing the jar now could wipe the cookies it just got.
    if (!this.pending && (generation === this.generation || !this.active)) {
      this.signedIn = false;
      this.jar.clear();
    }
    await this.ensure(signal);
  }

  /** An explicit sign-in (e.g. "Test connection"): opens the latch and signs in now. */
  async login(signal: AbortSignal | undefined): Promise<void> {
    this.failure = undefined;
    this.signedIn = false;
    await untilAborted(this.start(true), signal, 'POST', '/v2/login');
  }

  /** Forgets cookies and the failed-login latch. */
  reset(): void {
    this.epoch++;
    this.jar.clear();
    this.signedIn = false;
    this.failure = undefined;
    this.pending = undefined;
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
      throw e;
    }
    if (epoch !== this.epoch) return;
    this.signedIn = true;
    this.generation++;
  }
}
