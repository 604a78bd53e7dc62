import fetch, { type RequestInit } from 'node-fetch';
import type { CookieJar } from './cookies';
import type { ApiLogger } from './types';
import type { BaseUrl } from './url';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  method: Method;
  /** API path such as /v2/users/joe (the base URL's prefix is added here). */
  path: string;
  /** Sent as JSON, or as it is (a string) when `contentType` is given; never logged. */
  body?: unknown;
  /** The Content-Type of a body sent as it is (events go one JSON document per line). */
  contentType?: string;
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

    // One controller per try: the caller's abort and our timeout both end it, and we remember which came first.
    const controller = new AbortController();
    let ended: 'timeout' | 'cancelled' | undefined;
    const onCallerAbort = () => {
      ended ??= 'cancelled';
      controller.abort();
    };
    signal?.addEventListener('abort', onCallerAbort, { once: true });
    const timer = setTimeout(() => {
      ended ??= 'timeout';
      controller.abort();
    }, timeoutMs);

    const headers: Record<string, string> = { Accept: 'application/json' };
    const asIs = request.contentType !== undefined;
    if (request.body !== undefined) headers['Content-Type'] = request.contentType ?? 'application/json';
    const cookie = jar.header(path);
    const jarVersion = jar.version;
    if (cookie) headers.Cookie = cookie;
    const init: RequestInit = {
      method: request.method,
      headers,
      body: asIs ? String(request.body) : request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: controller.signal,
      // Never follow: a redirect could carry the login body (password, API key) to another host.
      redirect: 'manual',
    };

    const started = performance.now();
    try {
      const res = await fetch(base.origin + path, init);
      const text = await res.text();
      // An answer to a request sent before the jar was cleared (a new sign-in since) belongs to the old session:
      // cookies it sets, e.g. a refreshed token, would overwrite the new session's.
      if (jar.version === jarVersion) jar.store(res.headers.raw()['set-cookie'] ?? [], path);
      this.log(request, path, started, res.status);
      return { status: res.status, path, text, header: (name) => res.headers.get(name) ?? undefined };
    } catch (e) {
      const failure = ended
        ? new TransportError(ended, path)
        : new TransportError('network', path, errorCode(e));
      this.log(request, path, started, undefined, failure.code ?? failure.type);
      throw failure;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCallerAbort);
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

function errorCode(e: unknown): string | undefined {
  if (e && typeof e === 'object' && 'code' in e && typeof e.code === 'string') return e.code;
  return undefined;
}
