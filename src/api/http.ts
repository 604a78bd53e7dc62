import type { OutgoingHttpHeaders } from 'http';
import type { CookieJar } from './cookies';
import { defaultHeaders, exchange, NoAnswer, type Ending } from './exchange';
import type { ApiLogger } from './types';
import type { BaseUrl } from './url';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  method: Method;
  /** API path such as /v2/users/joe (the base URL's prefix is added here). */
  path: string;
  /** Sent as JSON; never logged. */
  body?: unknown;
  /** 1-based try number, for the log. */
  attempt: number;
}

export interface HttpResponse {
  status: number;
  /** Full request path as sent (prefix included). */
  path: string;
  header(name: string): string | undefined;
  text: string;
}

/** The code of a try cancelled before anything was sent. */
const notSent = 'NOT_SENT';

/** Connection-level failure codes that prove the request never reached the server. */
const neverSentCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', notSent]);

/** A try that got no HTTP answer: the caller decides whether to repeat it. */
export class TransportError extends Error {
  constructor(
    readonly type: 'network' | 'timeout' | 'cancelled',
    /** Full request path as sent. */
    readonly path: string,
    readonly code?: string,
  ) {
    super(code ?? type);
    this.name = 'TransportError';
  }

  /** False only when the failure proves nothing reached the server (e.g. connection refused). */
  get mayHaveArrived(): boolean {
    return !this.code || !neverSentCodes.has(this.code);
  }
}

export interface TransportOptions {
  base: BaseUrl;
  jar: CookieJar;
  timeoutMs: number;
  logger?: ApiLogger;
}

/** One HTTP exchange: cookies out and in, per-try timeout joined with the caller's signal, one log line. */
export class Transport {
  constructor(private readonly options: TransportOptions) {}

  get origin(): string {
    return this.options.base.origin;
  }

  async send(request: HttpRequest, signal: AbortSignal | undefined): Promise<HttpResponse> {
    const { base, jar, timeoutMs } = this.options;
    const path = base.prefix + request.path;
    if (signal?.aborted) throw new TransportError('cancelled', path, notSent);

    const headers: OutgoingHttpHeaders = { Accept: 'application/json', ...defaultHeaders };
    const body = request.body === undefined ? undefined : Buffer.from(JSON.stringify(request.body));
    if (body) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = body.length;
    } else if (request.method === 'POST') {
      headers['Content-Length'] = 0;
    }
    const cookie = jar.header(path);
    const jarVersion = jar.version;
    if (cookie) headers.Cookie = cookie;

    const started = performance.now();
    try {
      // The caller's abort and the per-try timeout both end the try; the ending says which came first.
      const res = await exchange({ origin: base.origin, path, method: request.method, headers, body, timeoutMs, signal });
      // An answer to a request sent before the jar was cleared (a new sign-in since) belongs to the old session:
      // cookies it sets, e.g. a refreshed token, would overwrite the new session's.
      if (jar.version === jarVersion) jar.store(res.headers['set-cookie'] ?? [], path);
      this.log(request, path, started, res.status);
      return { status: res.status, path, text: res.text, header: (name) => headerValue(res.headers[name.toLowerCase()]) };
    } catch (e) {
      const ending: Ending = e instanceof NoAnswer ? e.ending : { type: 'network' };
      const failure = ending.type === 'network' ? new TransportError('network', path, ending.code) : new TransportError(ending.type, path);
      this.log(request, path, started, undefined, failure.code ?? failure.type);
      throw failure;
    }
  }

  private log(request: HttpRequest, path: string, started: number, status?: number, error?: string): void {
    const entry = {
      method: request.method,
      path,
      ms: Math.round(performance.now() - started),
      attempt: request.attempt,
      ...(status === undefined ? {} : { status }),
      ...(error === undefined ? {} : { error }),
    };
    try {
      this.options.logger?.call(entry);
    } catch {
      // A failing log sink must not fail the call.
    }
  }
}

/** A header as fetch's `Headers.get` gave it: repeated values joined with ", ". */
function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}
