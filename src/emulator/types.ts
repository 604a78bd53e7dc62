// The emulator's public, in-process contract: what tests, the CLI and the extension's Local Sandbox use.
// Keep it free of anything from src/api: the emulator is an independent stand-in for the real service.

export type AdminRole = 'business' | 'registration';

export interface SeedAdmin {
  loginId: string;
  password: string;
  role: AdminRole;
}

export interface SeedBasicUser {
  loginId: string;
  password: string;
  disabled?: boolean;
  /** Generated when absent. */
  mqttId?: string;
  userData?: Record<string, unknown>;
}

export interface SeedProject {
  name: string;
  /** The project MQTT id (the first part of a device's MQTT username and topic); generated when absent. */
  mqttId?: string;
  /** Login picks the project by api_key. */
  apiKeys: string[];
  admins: SeedAdmin[];
  users: SeedBasicUser[];
}

export interface EmulatorSeed {
  projects: SeedProject[];
}

/** A basic user as the emulator holds it (password included: tests check it through `checkPassword`). */
export interface EmulatedUser {
  loginId: string;
  disabled: boolean;
  mqttId: string;
  userData: Record<string, unknown>;
}

/**
 * An event as the emulator holds it (GET /v2/events answers it in the wire shape: event_data, observed_at,
 * received_at). With add_client_ip the client's address is in `eventData.ip_address`, as the documents say.
 */
export interface EmulatedEvent {
  eventData: Record<string, unknown>;
  /** ISO 8601 in UTC (`…Z`): the time given, or the time received. */
  observedAt: string;
  receivedAt: string;
  /** The order the emulator received events in, across the whole emulator (what sort_by=internal sorts by). */
  sequence: number;
}

/** Facts about a project the emulator serves (no secrets). */
export interface EmulatedProject {
  name: string;
  mqttId: string;
}

/**
 * `drop` closes the socket before the call is applied; `dropAfter` applies it first, then closes the socket
 * without an answer (the "lost answer" case: a create happened but the client never heard).
 */
export type FaultKind = 'status429' | 'status500' | 'status503' | 'drop' | 'dropAfter' | 'malformedJson';

/** A route key is `METHOD /path-pattern`, e.g. `POST /v2/login`, `GET /v2/users/:id`, or `*` for every route. */
export type RouteKey =
  | '*'
  | 'POST /v2/login'
  | 'GET /v2/users'
  | 'POST /v2/users'
  | 'GET /v2/users/:id'
  | 'PATCH /v2/users/:id'
  | 'DELETE /v2/users/:id'
  | 'POST /v2/events/:stream/:id'
  | 'GET /v2/events/:stream/:id';

export interface FaultConfig {
  /** Added to every API response: fixed part plus uniform random jitter, in ms. */
  latencyMs?: number;
  jitterMs?: number;
  /** Per route, probability (0..1) of each fault. Faults are drawn from a seeded PRNG when `randomSeed` is set. */
  routes?: Partial<Record<RouteKey, Partial<Record<FaultKind, number>>>>;
  /** `Retry-After` seconds sent with injected 429/503 (omitted when undefined). */
  retryAfterSeconds?: number;
  randomSeed?: number;
}

export interface RateLimitConfig {
  /** Requests allowed per window per client session/IP; over it the emulator answers 429 with Retry-After. */
  requests: number;
  windowMs: number;
}

export interface PasswordRule {
  minLength: number;
  /** Optional extra rule as a regular expression source the password must match. */
  pattern?: string;
  /** The 400 reason text sent when the rule fails. */
  message?: string;
}

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Loopback only: 127.0.0.1 (default), ::1 or localhost. Any other host is refused. */
  host?: string;
  /** Defaults to `defaultSeed()`. */
  seed?: EmulatorSeed;
  /**
   * When set, state is loaded from this JSON file if it exists and saved to it after every change. Events are
   * not persisted: they live in memory only (a restart empties every stream).
   */
  persistPath?: string;
  /** Session lifetime; default 24 h as the real service. */
  sessionTtlMs?: number;
  /** Bad logins allowed before the account locks, and for how long; default 5 attempts, 5 minutes. */
  lockout?: { maxAttempts: number; lockMs: number };
  /** Default: at least 6 characters. */
  passwordRule?: PasswordRule;
  /**
   * When set, POST /v2/users answers 202 and the user appears after `delayMs`. `share` (0..1, default 1) is the
   * fraction of creates answered so, spread evenly and deterministically: with 0.5 the 1st, 3rd, 5th… create.
   */
  acceptedCreation?: { delayMs: number; share?: number };
  rateLimit?: RateLimitConfig;
  faults?: FaultConfig;
  /**
   * What GET /v2/users answers to a Business user: user objects (default), bare login_id strings (the docs
   * do not fix the shape), or, as on a server without the list call, 404 (`unsupported`) or 405 with
   * `Allow: POST` (`notAllowed`), to anyone, before any session check.
   */
  listing?: 'objects' | 'loginIds' | 'unsupported' | 'notAllowed';
  /** Status of a create whose login_id exists (or is pending after a 202); default 403. */
  existsStatus?: 400 | 403;
  /** Status of GET/PATCH/DELETE of a login_id the project does not have (Business caller); default 404. */
  unknownUserStatus?: 403 | 404;
  /**
   * `single` (default): login sets one session cookie. `several`: it also sets a CSRF-style token cookie
   * (`m1_csrf`), and a call that does not send both back is answered 401.
   */
  cookies?: 'single' | 'several';
  /**
   * A session ends after this many authenticated API calls (the next call with it is 401); default unlimited.
   * Every call that brings the session counts, one then refused by the rate limit or an injected fault included;
   * logins and calls to unknown routes do not.
   */
  sessionMaxCalls?: number;
  /**
   * Whether 429 and 503 answers carry `Retry-After` (default true: the rate limit's always do, injected ones
   * when `faults.retryAfterSeconds` is set). False: none ever does.
   */
  retryAfter?: boolean;
  /**
   * The body of every API error (4xx/5xx): `text` (default) the reason as text/plain; `json` `{"error", "status"}`;
   * `empty` no body at all; `html` an HTML error page naming the status and the reason.
   */
  errorBodies?: 'json' | 'text' | 'empty' | 'html';
  /**
   * The shape of the events answers, which the documents do not fix. `bare` (default): GET answers a JSON array
   * of events, POST the number created. `wrapped`: GET answers `{"events": [...]}`, POST `{"created": n}`.
   */
  eventsAnswers?: 'bare' | 'wrapped';
  /**
   * Status of an event POST for a disabled basic user (its own session or on its behalf); default 403. 401 is
   * what a server that reads "401 without a permitted session" broadly may answer (no profile uses it).
   */
  disabledStatus?: 400 | 401 | 403;
  /**
   * When set, an MQTT 3.1.1 broker (plain TCP, no TLS) listens on the same loopback host, on `port` (0, the
   * default: a free port), for devices as SPEC section 7 describes: username `<project MQTT id>/<user MQTT id>`,
   * password `<API key>/<user password>`, events published to `0/<project MQTT id>/<user MQTT id>/<device id>`
   * land in the events store. See src/emulator/mqtt/connection.ts for what it serves.
   */
  mqtt?: { port?: number };
  /** Optional request log (method, path, status, ms); never given bodies. */
  log?: (line: string) => void;
}

/** What can be changed at runtime, in process or through the loopback control route. */
export type RuntimeSettings = Pick<
  EmulatorOptions,
  | 'sessionTtlMs'
  | 'lockout'
  | 'passwordRule'
  | 'acceptedCreation'
  | 'rateLimit'
  | 'faults'
  | 'listing'
  | 'existsStatus'
  | 'unknownUserStatus'
  | 'cookies'
  | 'sessionMaxCalls'
  | 'retryAfter'
  | 'errorBodies'
  | 'eventsAnswers'
  | 'disabledStatus'
>;

/**
 * One API call. The MQTT broker records its packets too, with method `MQTT`: path `CONNECT` (status the CONNACK
 * return code, 0 accepted), `PUBLISH <topic>` (status 0 and applied when the event was stored, 'dropped' when the
 * broker closed the connection over it) or `PROTOCOL` (a violation, 'dropped'); `reason` says why.
 */
export interface CallRecord {
  method: string;
  /** Raw request path as received (still percent-encoded). */
  path: string;
  status: number | 'dropped';
  /** MQTT records only: why a connection was refused or closed, or where an event went. */
  reason?: string;
  project?: string;
  /** The user concerned: from the path, or for a create from the login_id it created. */
  loginId?: string;
  /** The fault injected on this call, if any. */
  fault?: FaultKind;
  /** The call changed state (a create, update or delete succeeded), even when its answer was then lost or garbled. */
  applied?: boolean;
  /** `performance.now()` of the emulator's process when the request arrived (an in-process test compares its own clock). */
  receivedAt: number;
  /** `performance.now()` when the answer was sent or the socket dropped; absent while the call is in progress. */
  answeredAt?: number;
  /** The Retry-After (seconds) sent with the answer, if any (429 and 503). */
  retryAfterSeconds?: number;
}

export interface Emulator {
  /** e.g. `http://127.0.0.1:41234` (no trailing slash). */
  readonly url: string;
  readonly port: number;
  /** The MQTT broker's port (same host as `url`), undefined when started without `mqtt`. */
  readonly mqttPort: number | undefined;
  /** Change behaviour at runtime; merges into the current settings (a key set to undefined clears it). */
  configure(settings: RuntimeSettings): void;
  /**
   * Becomes the server these profiles describe (see profiles.ts): every setting a profile may set is cleared,
   * then the profiles' settings applied; faults, rate limit, lockout and password rule are kept. Throws on an
   * unknown or conflicting profile, changing nothing.
   */
  useProfiles(names: string | string[]): void;
  /** Ends every session now (the next call answers 401), to exercise re-login. */
  expireSessions(): void;
  /** Clears lockouts. */
  clearLockouts(): void;
  /** Read state. `project` is the project name. */
  listUsers(project: string): EmulatedUser[];
  getUser(project: string, loginId: string): EmulatedUser | undefined;
  checkPassword(project: string, loginId: string, password: string): boolean;
  /** Write state behind the client's back (what another admin would do). */
  putUser(project: string, user: SeedBasicUser): void;
  setDisabled(project: string, loginId: string, disabled: boolean): void;
  removeUser(project: string, loginId: string): void;
  /** The projects served, with their MQTT ids. */
  projects(): EmulatedProject[];
  /** A project's MQTT id; throws on an unknown project. */
  projectMqttId(project: string): string;
  /** The events a user holds in a stream (default `raw`), in the order received. */
  events(project: string, loginId: string, stream?: string): EmulatedEvent[];
  /** Every API call seen since start or `clearCalls()`, in order. */
  calls(): CallRecord[];
  clearCalls(): void;
  /** Replaces the whole state with this seed (every event is gone too). */
  reset(seed?: EmulatorSeed): void;
  stop(): Promise<void>;
}
