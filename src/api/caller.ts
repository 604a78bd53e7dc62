import { isMediumOneError, type MediumOneError } from './errors';
import { malformedFailure, sessionsKeptEnding, statusFailure, transportFailure, type Subject } from './failures';
import { TransportError, type HttpResponse, type Transport } from './http';
import { backoffDelayMs, parseRetryAfter, sleep } from './retry';
import type { SendEnd } from './pace';
import type { Probe, Session } from './session';
import type { ApiLogger, RetryPolicy, SendObserver } from './types';
import { uncertainFailure } from './uncertain';

export type Decoded<T> = { ok: true; value: T } | { ok: false; why: string };

/** What reading the server after an uncertain outcome found. */
export type Settled<T> =
  | { applied: true; value: T }
  | { applied: false }
  /** The check itself failed (`check`), or no read can tell (no `check`). */
  | { applied: 'unknown'; check?: MediumOneError };

/** One API call as the client describes it to the caller. */
export interface Exchange<T> extends Subject {
  path: string;
  body?: unknown;
  /** See `HttpRequest.contentType`. */
  contentType?: string;
  /**
   * GET, PATCH, DELETE and login may be sent again when a try's answer is lost (dropped connection, unreadable
   * body). A POST create may not: the caller throws `LostAnswer` and the client checks with GET first. Nor may a
   * POST of events, which nothing can check (see `lostAnswer`).
   */
  safeToRepeat: boolean;
  /**
   * For an exchange not safe to repeat: the error a lost answer ends in, instead of `LostAnswer`. Needed where
   * the exchange is built in another bundle (events), whose copy of `LostAnswer` this module's is not.
   */
  lostAnswer?(failure: MediumOneError): MediumOneError;
  /** Reads a 2xx answer. */
  decode(res: HttpResponse): Decoded<T>;
  /** Turns a non-2xx answer into a result; `answerLost` tells that an earlier try may have been applied. */
  recover?(res: HttpResponse, answerLost: boolean): T | undefined;
  /** Whether a 429/503 answer is backed off and repeated (default: yes). */
  backOffOn?(res: HttpResponse): boolean;
  /**
   * For a change: after a try's answer was lost and the call then failed, reads the server to learn whether the
   * change was applied, before anything is reported.
   */
  settle?(signal: AbortSignal | undefined): Promise<Settled<T>>;
}

/** A try of an exchange that is not safe to repeat got no usable answer: it may or may not have been applied. */
export class LostAnswer extends Error {
  constructor(readonly failure: MediumOneError) {
    super(failure.message);
    this.name = 'LostAnswer';
  }
}

type Outcome<T> = { ok: true; value: T } | { ok: false; res: HttpResponse; tries: number; generation: number };

/** What one call learned across its tries and sign-ins. */
interface CallState {
  /** A try's answer was lost after it may have reached the server. */
  lost: boolean;
  /**
   * The lost answer was a timeout: the server may still be working on it, so a read that shows it not applied
   * does not prove it never will be.
   */
  timedOut?: boolean;
  /** This call's first use of a fresh session, held by no other call. */
  probe?: Probe;
}

export interface CallerOptions {
  transport: Transport;
  session: Session;
  policy: RetryPolicy;
  timeoutMs: number;
  random: () => number;
  logger?: ApiLogger;
  /** Secrets known to the client right now (the login's password and API key). */
  knownSecrets: () => readonly string[];
  /** See `MediumOneClient.observe`. */
  observers: ReadonlySet<SendObserver>;
}

/**
 * How many 401s one call may meet before it stops. Each is followed by a newer session, and the call that has
 * waited longest gets the next fresh session first, so a call under load gets through within a few rounds; the
 * bound is for a server that ends every session before any call can use it.
 */
export const maxSessionRounds = 40;

const isBackOffStatus = (status: number) => status === 429 || status === 503;
/** Server errors a GET repeats: reading changes nothing, and these are often passing. */
const isPassingServerError = (status: number) => status === 500 || status === 502 || status === 504;
/** Calls whose lost answer may hide an applied change (a try that may have arrived is not a harmless repeat). */
const changeOperations: ReadonlySet<string> = new Set(['create', 'update', 'delete', 'sendEvents']);
const lostAnswer = (x: Exchange<unknown>, failure: MediumOneError) => x.lostAnswer?.(failure) ?? new LostAnswer(failure);

/** Runs exchanges: signs in when needed, repeats after a 401 on an ended session, backs off within the retry policy. */
export class Caller {
  constructor(private readonly o: CallerOptions) {}

  /** An exchange that needs a session. */
  async call<T>(x: Exchange<T>, signal: AbortSignal | undefined): Promise<T> {
    const state: CallState = { lost: false };
    try {
      return await this.rounds(x, signal, state);
    } catch (e) {
      if (!state.lost || !isMediumOneError(e) || !x.settle) throw e;
      return await this.settle(x, e, signal, state);
    }
  }

  /**
   * Sessions end (24 h, a restart, a call budget) and calls in flight share one. A 401 on a session older than
   * the newest is repeated with the newest; a 401 on the newest signs in again. Only a 401 on the call's own
   * exclusive first use of a fresh session says the account is not permitted.
   */
  private async rounds<T>(x: Exchange<T>, signal: AbortSignal | undefined, state: CallState): Promise<T> {
    const { session } = this.o;
    for (let round = 0; ; round++) {
      let outcome: Outcome<T>;
      try {
        outcome = await this.tries(x, signal, state);
      } finally {
        state.probe?.release();
      }
      if (outcome.ok) return outcome.value;
      if (outcome.res.status !== 401) throw statusFailure(this.subject(x), outcome.res, outcome.tries);
      // Refused on its first, exclusive send on a fresh session: no other call can have used that session up.
      const probe = state.probe;
      state.probe = undefined;
      if (probe && outcome.tries === 1 && probe.generation === outcome.generation) {
        session.refused(outcome.generation);
        throw statusFailure(this.subject(x), outcome.res, outcome.tries);
      }
      if (round + 1 >= maxSessionRounds) {
        session.refused(outcome.generation);
        throw sessionsKeptEnding(this.subject(x), outcome.res, round + 1);
      }
      state.probe = await session.renew(outcome.generation, round + 1, signal);
    }
  }

  /** After a lost answer and a failure: what the server holds decides between success, failure and "may have". */
  private async settle<T>(x: Exchange<T>, failure: MediumOneError, signal: AbortSignal | undefined, state: CallState): Promise<T> {
    if (failure.kind === 'cancelled' || !x.settle) throw uncertainFailure(failure, x.loginId);
    let settled: Settled<T>;
    try {
      settled = await x.settle(signal);
    } catch (e) {
      if (isMediumOneError(e, 'cancelled')) throw uncertainFailure(failure, x.loginId);
      throw e;
    }
    if (settled.applied === true) {
      this.o.logger?.debug?.(`${x.method} ${x.path}: its answer was lost, and reading the user shows it was applied`);
      return settled.value;
    }
    if (settled.applied === false) throw state.timedOut ? uncertainFailure(failure, x.loginId) : failure;
    throw uncertainFailure(failure, x.loginId, settled.check);
  }

  /**
   * Bounded tries of one exchange: 429/503 answers, lost connections and unreadable bodies are repeated (and
   * passing 5xx on GET). With `state` the exchange needs a session: each send waits for it and records it.
   */
  async tries<T>(x: Exchange<T>, signal: AbortSignal | undefined, state?: CallState): Promise<Outcome<T>> {
    const { policy, transport, session } = this.o;
    const changes = changeOperations.has(x.operation);
    let answerLost = state?.lost ?? false;
    const lose = () => {
      answerLost = true;
      if (state) state.lost = true;
    };
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= policy.maxAttempts;
      let res: HttpResponse;
      let generation = 0;
      // Before the session is asked for: nothing may be awaited between `sendable()` and the send.
      for (const o of this.o.observers) await o.beforeSend?.(signal);
      while (state) {
        await session.ready(signal, state.probe);
        // Checked with nothing awaited before the send reads the cookie jar, so it names the cookies sent.
        const now = session.sendable(state.probe);
        if (now === undefined) continue;
        generation = now;
        break;
      }
      let how: SendEnd = 'lost';
      const sent = performance.now();
      let answer: HttpResponse | undefined;
      try {
        res = answer = await transport.send({ method: x.method, path: x.path, body: x.body, contentType: x.contentType, attempt }, signal);
        how = res.status === 401 ? 'ended' : 'accepted';
      } catch (e) {
        if (!(e instanceof TransportError)) throw e;
        const failure = transportFailure(this.subject(x), e, {
          origin: transport.origin,
          timeoutMs: this.o.timeoutMs,
          tries: attempt,
        });
        const mayHaveArrived = changes && e.mayHaveArrived;
        if (e.type === 'cancelled') throw mayHaveArrived || answerLost ? uncertainFailure(failure, x.loginId) : failure;
        if (mayHaveArrived && !x.safeToRepeat) throw lostAnswer(x, failure);
        if (mayHaveArrived) lose();
        if (mayHaveArrived && e.type === 'timeout' && state) state.timedOut = true;
        // A timeout already cost the user timeoutMs; it is reported (after a check, for a change), not repeated.
        if (e.type === 'timeout' || e.code === 'ENOTFOUND' || last) throw failure;
        await this.pause(x, attempt, `no answer (${e.code ?? 'network error'})`, undefined, signal);
        continue;
      } finally {
        if (state) session.sent(generation, how);
        state?.probe?.release();
        this.observed(performance.now() - sent, answer);
      }

      if (this.repeats(x, res)) {
        if (last) return { ok: false, res, tries: attempt, generation };
        await this.pause(x, attempt, `${res.status}`, parseRetryAfter(res.header('retry-after')), signal);
        continue;
      }
      if (res.status >= 200 && res.status < 300) {
        const decoded = x.decode(res);
        if (decoded.ok) return decoded;
        const failure = malformedFailure(this.subject(x), res, attempt, decoded.why);
        if (!x.safeToRepeat) throw lostAnswer(x, failure);
        if (changes) lose();
        if (last) throw failure;
        await this.pause(x, attempt, `unreadable answer (${decoded.why})`, undefined, signal);
        continue;
      }
      const recovered = x.recover?.(res, answerLost);
      if (recovered !== undefined) return { ok: true, value: recovered };
      return { ok: false, res, tries: attempt, generation };
    }
  }

  /** 429 and 503 are backed off (unless the exchange says otherwise); a GET also repeats passing 5xx answers. */
  private repeats(x: Exchange<unknown>, res: HttpResponse): boolean {
    if (isBackOffStatus(res.status)) return x.backOffOn?.(res) ?? true;
    return x.method === 'GET' && isPassingServerError(res.status);
  }

  private observed(ms: number, res: HttpResponse | undefined): void {
    const retryAfter = res && isBackOffStatus(res.status) ? parseRetryAfter(res.header('retry-after')) : undefined;
    const sample = {
      ms,
      status: res?.status,
      retryAfterMs: retryAfter === undefined ? undefined : Math.min(retryAfter, this.o.policy.maxDelayMs),
    };
    for (const o of this.o.observers) {
      try {
        o.afterSend?.(sample);
      } catch {
        // An observer's failure must not fail the call.
      }
    }
  }

  private subject(x: Exchange<unknown>): Subject {
    return { ...x, secrets: [...x.secrets, ...this.o.knownSecrets()] };
  }

  private async pause(
    x: Exchange<unknown>,
    attempt: number,
    why: string,
    retryAfterMs: number | undefined,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const { policy, random, logger } = this.o;
    const ms = backoffDelayMs(attempt, policy, random, retryAfterMs);
    logger?.debug?.(`${x.method} ${x.path}: ${why}; trying again in ${ms} ms (try ${attempt + 1} of ${policy.maxAttempts})`);
    await sleep(ms, signal, x.method, x.path);
  }
}
