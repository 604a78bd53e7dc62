import type { MediumOneError } from './errors';
import { malformedFailure, statusFailure, transportFailure, type Subject } from './failures';
import { TransportError, type HttpResponse, type Transport } from './http';
import { backoffDelayMs, parseRetryAfter, sleep } from './retry';
import type { Session } from './session';
import type { ApiLogger, RetryPolicy } from './types';

export type Decoded<T> = { ok: true; value: T } | { ok: false; why: string };

/** One API call as the client describes it to the caller. */
export interface Exchange<T> extends Subject {
  path: string;
  body?: unknown;
  /**
   * GET, PATCH, DELETE and login may be sent again when a try's answer is lost (dropped connection, unreadable
   * body). A POST create may not: the caller throws `LostAnswer` and the client checks with GET first.
   */
  safeToRepeat: boolean;
  /** Reads a 2xx answer. */
  decode(res: HttpResponse): Decoded<T>;
  /** Turns a non-2xx answer into a result; `answerLost` tells that an earlier try may have been applied. */
  recover?(res: HttpResponse, answerLost: boolean): T | undefined;
  /** Whether a 429/503 answer is backed off and repeated (default: yes). */
  backOffOn?(res: HttpResponse): boolean;
}

/** A try of an exchange that is not safe to repeat got no usable answer: it may or may not have been applied. */
export class LostAnswer extends Error {
  constructor(readonly failure: MediumOneError) {
    super(failure.message);
    this.name = 'LostAnswer';
  }
}

type Outcome<T> = { ok: true; value: T } | { ok: false; res: HttpResponse; tries: number };

export interface CallerOptions {
  transport: Transport;
  session: Session;
  policy: RetryPolicy;
  timeoutMs: number;
  random: () => number;
  logger?: ApiLogger;
  /** Secrets known to the client right now (the login's password and API key). */
  knownSecrets: () => readonly string[];
}

const isBackOffStatus = (status: number) => status === 429 || status === 503;

/** Runs exchanges: signs in when needed, repeats once after a 401, backs off within the retry policy. */
export class Caller {
  constructor(private readonly o: CallerOptions) {}

  /** An exchange that needs a session. */
  async call<T>(x: Exchange<T>, signal: AbortSignal | undefined): Promise<T> {
    let renewed = false;
    for (;;) {
      const generation = await this.o.session.ensure(signal);
      const outcome = await this.tries(x, signal);
      if (outcome.ok) return outcome.value;
      if (outcome.res.status === 401 && !renewed) {
        // Sessions end (24 h, or server restarts): sign in again once and repeat. A second 401 is a real refusal.
        renewed = true;
        await this.o.session.renew(generation, signal);
        continue;
      }
      throw statusFailure(this.subject(x), outcome.res, outcome.tries);
    }
  }

  /** Bounded tries of one exchange: 429/503 answers, lost connections and unreadable bodies are repeated. */
  async tries<T>(x: Exchange<T>, signal: AbortSignal | undefined): Promise<Outcome<T>> {
    const { policy, transport } = this.o;
    let answerLost = false;
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= policy.maxAttempts;
      let res: HttpResponse;
      try {
        res = await transport.send({ method: x.method, path: x.path, body: x.body, attempt }, signal);
      } catch (e) {
        if (!(e instanceof TransportError)) throw e;
        const failure = transportFailure(this.subject(x), e, {
          origin: transport.origin,
          timeoutMs: this.o.timeoutMs,
          tries: attempt,
        });
        // A timeout already cost the user timeoutMs; it is reported, not repeated.
        if (e.type !== 'network' || e.code === 'ENOTFOUND') throw failure;
        if (e.mayHaveArrived) {
          if (!x.safeToRepeat) throw new LostAnswer(failure);
          answerLost = true;
        }
        if (last) throw failure;
        await this.pause(x, attempt, `no answer (${e.code ?? 'network error'})`, undefined, signal);
        continue;
      }

      if (isBackOffStatus(res.status) && (x.backOffOn?.(res) ?? true)) {
        if (last) return { ok: false, res, tries: attempt };
        await this.pause(x, attempt, `${res.status}`, parseRetryAfter(res.header('retry-after')), signal);
        continue;
      }
      if (res.status >= 200 && res.status < 300) {
        const decoded = x.decode(res);
        if (decoded.ok) return decoded;
        const failure = malformedFailure(this.subject(x), res, attempt, decoded.why);
        if (!x.safeToRepeat) throw new LostAnswer(failure);
        answerLost = true;
        if (last) throw failure;
        await this.pause(x, attempt, `unreadable answer (${decoded.why})`, undefined, signal);
        continue;
      }
      const recovered = x.recover?.(res, answerLost);
      if (recovered !== undefined) return { ok: true, value: recovered };
      return { ok: false, res, tries: attempt };
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
