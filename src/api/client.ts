import * as z from 'zod/mini';
import { Caller, type Exchange } from './caller';
import { createWithoutDuplicates } from './create';
import { decodeJson, mapDecoded } from './decode';
import { MediumOneError, isMediumOneError } from './errors';
import { mentionsLock, statusFailure } from './failures';
import { shownLoginId } from './messages';
import { Transport, type Method } from './http';
import { retryPolicy, sleep } from './retry';
import { loginResponseSchema, summaryFromEntry, updateResponseSchema, updatedFields, userFromBody, userListSchema, userSchema } from './schemas';
import { Session } from './session';
import { settleDelete, settleUpdate } from './settle';
import type { BasicUser, CallOptions, ClientOptions, CreateResult, Credentials, RetryPolicy, Role, SendObserver, UserChanges, UserSummary, WaitOptions } from './types';
import { checkNewLoginId, parseBaseUrl, paths, userPath } from './url';
import { l10n } from '../util/l10n';

export const defaultTimeoutMs = 30_000;

/**
 * The Medium One /v2 API for one project: one cookie session shared by every call in flight, one retry policy, no
 * globals. Every call signs in when there is no session, repeats after a 401 on a session that has ended (see
 * `Caller`), backs off on 429/503 and lost connections, and after a lost answer to a change reads the user before
 * it reports (`mayHaveBeenApplied`).
 */
export class MediumOneClient {
  /** The normalised base URL (no trailing slash). */
  readonly baseUrl: string;
  private readonly session: Session;
  private readonly caller: Caller;
  private readonly policy: RetryPolicy;
  private readonly random: () => number;
  /** The login's password and API key, kept only to scrub them from any text the client hands out. */
  private loginSecrets: readonly string[] = [];
  /** The account of the last sign-in, for `mayReach`. */
  private signedInAs?: string;
  private readonly role?: Role;
  private readonly observers = new Set<SendObserver>();

  /** Throws `invalidUrl` for a malformed base URL, or plain http to a host that is not loopback. */
  constructor(options: ClientOptions) {
    const base = parseBaseUrl(options.baseUrl);
    this.baseUrl = base.origin + base.prefix;
    this.policy = retryPolicy(options.retry);
    this.random = options.random ?? Math.random;
    this.role = options.role;
    const timeoutMs = options.timeoutMs !== undefined && options.timeoutMs > 0 ? options.timeoutMs : defaultTimeoutMs;
    this.session = new Session(options.credentials, (c) => this.signIn(c));
    this.caller = new Caller({
      transport: new Transport({ base, jar: this.session.jar, timeoutMs, logger: options.logger }),
      session: this.session,
      policy: this.policy,
      timeoutMs,
      random: this.random,
      logger: options.logger,
      knownSecrets: () => this.loginSecrets,
      observers: this.observers,
    });
  }

  /** Sees every HTTP try from now on (see `SendObserver`); returns the function that stops it. */
  observe(observer: SendObserver): () => void {
    this.observers.add(observer);
    return () => void this.observers.delete(observer);
  }

  /** True while a sign-in succeeded and its session cookies are alive. */
  get signedIn(): boolean {
    return this.session.active;
  }

  /**
   * Signs in now (e.g. "Test connection", or after fixing credentials). This is the only way, besides changed
   * credentials or `signOut()`, to sign in again after a refused login.
   */
  async login(options: CallOptions = {}): Promise<void> {
    await this.session.login(options.signal);
  }

  /** Forgets the session cookies and the failed-login latch. */
  signOut(): void {
    this.session.reset();
  }

  /** Same as `signOut()`. */
  resetSession(): void {
    this.session.reset();
  }

  /** GET /v2/users. Throws `listingNotSupported` (404/405) where the server has no list call. */
  async listUsers(options: CallOptions = {}): Promise<UserSummary[]> {
    return this.caller.call(
      {
        operation: 'list',
        method: 'GET',
        path: paths.users,
        secrets: [],
        safeToRepeat: true,
        decode: (res) => mapDecoded(decodeJson(userListSchema, res.text), (list) => list.map(summaryFromEntry)),
      },
      options.signal,
    );
  }

  /** GET /v2/users/<login_id>. */
  async getUser(loginId: string, options: CallOptions = {}): Promise<BasicUser> {
    return this.caller.call(
      {
        ...this.aboutUser('get', 'GET', loginId),
        secrets: [],
        decode: (res) => mapDecoded(decodeJson(userSchema, res.text), (body) => userFromBody(body, loginId)),
      },
      options.signal,
    );
  }

  /**
   * POST /v2/users/. 200 = created, 202 = pending (see `waitUntilExists`). When an answer is lost (connection
   * dropped after sending, unreadable body), the user may or may not exist, so the client asks with GET before it
   * sends the POST again; a repeated POST answered "exists" counts as created. No user is ever created twice.
   * `earlierMayHaveApplied`: an earlier try of this very create (a run before this one, whose answer was lost) may
   * have landed; an answer that the user exists is then taken as that create's, as after a lost answer.
   */
  async createUser(input: { loginId: string; password: string; earlierMayHaveApplied?: boolean }, options: CallOptions = {}): Promise<CreateResult> {
    checkNewLoginId(input.loginId);
    return createWithoutDuplicates(
      { caller: this.caller, policy: this.policy, random: this.random, getUser: (id, o) => this.getUser(id, o) },
      input,
      options.signal,
    );
  }

  /**
   * Polls GET /v2/users/<login_id> after a 202 until the user exists (404 = not yet). Bounded: after
   * `maxAttempts` checks (default 30, every `intervalMs`, default 1 s) it throws `pendingTimeout`.
   */
  async waitUntilExists(loginId: string, options: WaitOptions = {}): Promise<BasicUser> {
    const intervalMs = options.intervalMs ?? 1000;
    const maxAttempts = Math.max(1, options.maxAttempts ?? 30);
    const path = userPath(loginId, 'GET');
    for (let check = 1; ; check++) {
      try {
        return await this.getUser(loginId, { signal: options.signal });
      } catch (e) {
        // Without a role, a 403 while the user is pending is most likely "not yet" too (servers answer 403 for unknown users).
        if (!isMediumOneError(e, 'notFound') && !(this.role === undefined && isMediumOneError(e, 'forbidden'))) throw e;
      }
      if (check >= maxAttempts) {
        const seconds = Math.round((intervalMs * (maxAttempts - 1)) / 100) / 10;
        throw new MediumOneError({
          kind: 'pendingTimeout',
          method: 'GET',
          path,
          status: 404,
          message:
            `Medium One accepted ${shownLoginId(loginId)} for creation, but it had not appeared after ${maxAttempts} checks ` +
            `(${seconds} s). It may still appear later: refresh to check.`,
        });
      }
      await sleep(intervalMs, options.signal, 'GET', path);
    }
  }

  /** PATCH /v2/users/<login_id>. Returns the names of the updated fields, as the server lists them. */
  async updateUser(loginId: string, changes: UserChanges, options: CallOptions = {}): Promise<string[]> {
    const about = this.aboutUser('update', 'PATCH', loginId);
    const body: Record<string, unknown> = {};
    if (changes.password !== undefined) body.password = changes.password;
    if (changes.disabled !== undefined) body.disabled = changes.disabled;
    const sent = Object.keys(body);
    if (sent.length === 0) {
      throw new MediumOneError({
        kind: 'badRequest',
        method: 'PATCH',
        path: about.path,
        message: l10n.t('Nothing to change for {0}: give a new password or an enabled/disabled state.', shownLoginId(loginId)),
      });
    }
    return this.caller.call(
      {
        ...about,
        body,
        secrets: changes.password ? [changes.password] : [],
        decode: (res) =>
          mapDecoded(decodeJson(updateResponseSchema, res.text, { value: null }), (b) => updatedFields(b, sent)),
        settle: (signal) => settleUpdate((id, o) => this.getUser(id, o), loginId, changes, sent, signal),
      },
      options.signal,
    );
  }

  /** DELETE /v2/users/<login_id> (all the user's events are deleted too). */
  async deleteUser(loginId: string, options: CallOptions = {}): Promise<void> {
    await this.caller.call(
      {
        ...this.aboutUser('delete', 'DELETE', loginId),
        secrets: [],
        // 204 has no body; a 200 may carry any JSON. A body that is not JSON means the answer was garbled.
        decode: (res) => mapDecoded(decodeJson(z.unknown(), res.text, { value: null }), () => true),
        // A repeat that finds the user gone after a lost answer: the earlier try deleted it.
        recover: (res, answerLost) =>
          answerLost && (res.status === 404 || (res.status === 403 && this.mayReach(loginId, 'delete'))) ? true : undefined,
        settle: (signal) => settleDelete((id, o) => this.getUser(id, o), loginId, signal),
      },
      options.signal,
    );
  }

  /**
   * Runs a call described outside the client with its session, sign-ins, back-off, observers and scrubbing: the
   * events calls (src/api/events.ts), which only the bundles loaded on demand carry, so the main one stays small.
   */
  async send<T>(exchange: Exchange<T>, options: CallOptions = {}): Promise<T> {
    return this.caller.call(exchange, options.signal);
  }

  /**
   * What every call about one user shares: its path (which refuses a login_id no URL can carry), and a 403 read as
   * "no such user" where this account may reach that user. Each is safe to repeat after a lost answer.
   */
  private aboutUser(operation: 'get' | 'update' | 'delete', method: Method, loginId: string) {
    return {
      operation,
      method,
      path: userPath(loginId, method),
      loginId,
      forbiddenMeansMissing: () => this.mayReach(loginId, operation),
      safeToRepeat: true,
    };
  }

  /** Whether the signed-in account may read or change this user at all: then a 403 about it means "no such user". */
  private mayReach(loginId: string, operation: 'get' | 'update' | 'delete'): boolean {
    if (this.role === 'business') return true;
    return this.role === 'basic' && operation !== 'delete' && loginId === this.signedInAs;
  }

  /** POST /v2/login, run by the session: backs off on 429/503/lost connections, never repeats a refusal. */
  private async signIn(credentials: Credentials): Promise<void> {
    this.loginSecrets = [credentials.password, credentials.apiKey];
    this.signedInAs = credentials.loginId;
    const exchange: Exchange<boolean> = {
      operation: 'login',
      method: 'POST',
      path: paths.login,
      loginId: credentials.loginId,
      body: { login_id: credentials.loginId, password: credentials.password, api_key: credentials.apiKey },
      secrets: [],
      safeToRepeat: true,
      decode: (res) => decodeJson(loginResponseSchema, res.text),
      // A lockout answered with 429 is not a rate limit to wait out: trying again only extends it.
      backOffOn: (res) => !mentionsLock(res.text),
    };
    const outcome = await this.caller.tries(exchange, undefined);
    if (!outcome.ok) {
      throw statusFailure({ ...exchange, secrets: this.loginSecrets }, outcome.res, outcome.tries);
    }
    if (!outcome.value) {
      throw new MediumOneError({
        kind: 'loginFailed',
        status: 200,
        method: 'POST',
        path: paths.login,
        message:
          `Medium One did not accept the sign-in as ${shownLoginId(credentials.loginId)} (it answered false). Check the ` +
          "project's login_id, password and API key. The extension will not try again on its own: repeated failed " +
          'sign-ins lock the account for 5 minutes.',
      });
    }
  }
}
