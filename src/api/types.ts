// The API client's public vocabulary. Nothing here knows VS Code or the emulator.

export type Role = 'business' | 'registration' | 'basic';

export interface Credentials {
  loginId: string;
  password: string;
  apiKey: string;
}

/** A basic user as GET /v2/users/<login_id> returns it. */
export interface BasicUser {
  loginId: string;
  disabled: boolean;
  mqttId?: string;
  userData: Record<string, unknown>;
  /** Every field the server sent, for the details view (unknown fields kept). */
  raw: Record<string, unknown>;
}

/** One entry of GET /v2/users: the server may send only login_ids, so the details are optional. */
export interface UserSummary {
  loginId: string;
  disabled?: boolean;
  mqttId?: string;
  userData?: Record<string, unknown>;
}

export type CreateResult =
  | { status: 'created'; loginId: string }
  /** 202: accepted, appears later; poll with `waitUntilExists`. */
  | { status: 'pending'; loginId: string };

export interface UserChanges {
  password?: string;
  disabled?: boolean;
}

/** One line per HTTP call: never bodies, never secrets. `path` is the request path (login_id percent-encoded). */
export interface CallLog {
  method: string;
  path: string;
  status?: number;
  ms: number;
  attempt: number;
  error?: string;
}

export interface ApiLogger {
  call(entry: CallLog): void;
  debug?(message: string): void;
}

export interface RetryPolicy {
  /** Total tries for a call that meets 429/503/network faults, first one included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface ClientOptions {
  /** Project base URL, e.g. https://api.mediumone.com. `http:` only for loopback hosts. */
  baseUrl: string;
  /** Asked when a login is needed; lets the caller keep secrets in its own store. */
  credentials: () => Credentials | Promise<Credentials>;
  logger?: ApiLogger;
  /** Per-call timeout (default 30 s). */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /**
   * The signed-in account's role, when known. With it a 403 on a user the account may reach (any user for
   * Business, itself for Basic) is reported as `notFound`: servers answer 403 for unknown users too.
   */
  role?: Role;
  /** Test seam: time source for back-off sleeps is real timers; this only overrides the jitter source. */
  random?: () => number;
}

/** One HTTP try as the client saw it, for a `SendObserver`. */
export interface SendSample {
  /** From the send to the answer or failure. */
  ms: number;
  /** Undefined: no answer (network failure, timeout, cancelled). */
  status?: number;
  /** A 429/503's Retry-After, capped as the client's own wait is (the retry policy's maxDelayMs). */
  retryAfterMs?: number;
}

/** Sees every HTTP try of a client, sign-ins included (the adaptive concurrency controller, src/util). */
export interface SendObserver {
  /** Awaited before every send: may hold it back, e.g. until a Retry-After has passed. */
  beforeSend?(signal: AbortSignal | undefined): Promise<void>;
  /** After every try. Must not throw. */
  afterSend?(sample: SendSample): void;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface WaitOptions extends CallOptions {
  intervalMs?: number;
  maxAttempts?: number;
}
