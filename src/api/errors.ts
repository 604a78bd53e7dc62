/** What went wrong, in terms the extension can act on (retry, fall back, sign in, stay silent). */
export type ErrorKind =
  | 'invalidUrl'
  | 'loginFailed'
  | 'badRequest'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'listingNotSupported'
  | 'rateLimited'
  | 'server'
  | 'unavailable'
  | 'network'
  | 'timeout'
  | 'malformedResponse'
  | 'cancelled'
  | 'pendingTimeout'
  | 'unaddressableLoginId'
  /** A login_id no request can carry (empty, a control character, a lone UTF-16 surrogate): refused before sending. */
  | 'invalidLoginId';

export interface MediumOneErrorInit {
  kind: ErrorKind;
  /** Plain-language sentence for the user; must already be free of secrets. */
  message: string;
  method: string;
  /** Request path (login_id percent-encoded), never a full URL with credentials. */
  path: string;
  status?: number;
  /** The server's own text, trimmed, length-capped and scrubbed of every secret the client knows. */
  serverMessage?: string;
  /** Low-level cause code such as ECONNRESET; never a body. */
  code?: string;
  cause?: unknown;
  /**
   * True when the change this error reports may still have been applied (its answer was lost and no read could
   * settle it). The message then says "may have been applied".
   */
  mayHaveBeenApplied?: boolean;
}

/** Marks every MediumOneError, whichever copy of this module made it (see `Symbol.hasInstance` below). */
const brand = Symbol.for('mediumOne.MediumOneError');

export class MediumOneError extends Error {
  /**
   * Each bundle (the main one and those loaded on demand: panels, provisioning) holds its own copy of this class,
   * and errors cross between them; the brand makes `instanceof` and `isMediumOneError` hold for every copy.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }

  readonly kind: ErrorKind;
  readonly method: string;
  readonly path: string;
  readonly status?: number;
  readonly serverMessage?: string;
  readonly code?: string;
  readonly mayHaveBeenApplied?: boolean;

  constructor(init: MediumOneErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'MediumOneError';
    Object.defineProperty(this, brand, { value: true });
    this.kind = init.kind;
    this.method = init.method;
    this.path = init.path;
    this.status = init.status;
    this.serverMessage = init.serverMessage;
    this.code = init.code;
    if (init.mayHaveBeenApplied) this.mayHaveBeenApplied = true;
  }
}

/** True for errors of this client, optionally of one kind or one of several kinds. */
export function isMediumOneError(e: unknown, kind?: ErrorKind | readonly ErrorKind[]): e is MediumOneError {
  if (!(e instanceof MediumOneError)) return false;
  if (kind === undefined) return true;
  return typeof kind === 'string' ? e.kind === kind : kind.includes(e.kind);
}

/** True when `e` reports a change that may have been applied all the same (see `MediumOneError.mayHaveBeenApplied`). */
export function mayHaveBeenApplied(e: unknown): boolean {
  return e instanceof MediumOneError && e.mayHaveBeenApplied === true;
}
