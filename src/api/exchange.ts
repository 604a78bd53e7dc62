// 'http' and 'https', not 'node:…': VS Code's proxy support hands extensions patched copies of these modules by
// those names (as node-fetch, which the client used before, required them), and each request looks `request` up
// on the module when it is sent, so a patch made after this file loaded still applies.
import * as http from 'http';
import * as https from 'https';
import type { Readable } from 'stream';
import * as zlib from 'zlib';

/** One HTTP answer, read whole. */
export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** Why a try ended without an answer: the caller's cancel, the per-try timeout, or the connection (with its code). */
export type Ending = { type: 'cancelled' | 'timeout' } | { type: 'network'; code?: string };

/** What `exchange` rejects with. */
export class NoAnswer extends Error {
  constructor(readonly ending: Ending) {
    super(ending.type);
    this.name = 'NoAnswer';
  }
}

export interface ExchangeRequest {
  /** `https://host:port` */
  origin: string;
  /** Full request path, prefix included, as sent. */
  path: string;
  method: string;
  headers: http.OutgoingHttpHeaders;
  body?: Buffer;
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * The headers node-fetch 2.7 added to every request: servers (and firewalls in front of them) saw these until the
 * client sent its requests itself, so they stay as they were.
 */
export const defaultHeaders = {
  'User-Agent': 'node-fetch/1.0 (+https://github.com/bitinn/node-fetch)',
  'Accept-Encoding': 'gzip,deflate',
} as const;

/** A body cut short: the connection closed before the answer was complete. */
const prematureClose = 'ERR_STREAM_PREMATURE_CLOSE';

/**
 * The path as node-fetch put it on the wire: its URL parsing also escaped ', ^ and |, which encodeURIComponent
 * (login_ids) and WHATWG URL (the base URL's path) leave as they are.
 */
function wirePath(path: string): string {
  return path.replace(/['^|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const zlibOptions = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };

const isDeflate = (coding: string | undefined) => coding === 'deflate' || coding === 'x-deflate';

/** The body as node-fetch decoded it: gzip and brotli are unpacked (deflate: see `exchange`), anything else is kept. */
function decoded(res: http.IncomingMessage, method: string): Readable {
  const coding = res.headers['content-encoding'];
  if (!coding || method === 'HEAD' || res.statusCode === 204 || res.statusCode === 304) return res;
  if (coding === 'gzip' || coding === 'x-gzip') return res.pipe(zlib.createGunzip(zlibOptions));
  if (coding === 'br') return res.pipe(zlib.createBrotliDecompress());
  return res;
}

/**
 * One request on Node's global agent (connections kept alive), its answer read whole. Node's own request API,
 * without node-fetch's Request/Headers/Response objects and body stream copies, which cost more CPU per call than
 * the rest of the client. Never follows a redirect: a 3xx is an answer like any other. Rejects with `NoAnswer`.
 */
export function exchange(r: ExchangeRequest): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    let settled = false;
    let req: http.ClientRequest | undefined;
    let body: Readable | undefined;
    const finish = (result: { answer: Answer } | { ending: Ending }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      r.signal?.removeEventListener('abort', onAbort);
      if ('answer' in result) return resolve(result.answer);
      req?.destroy();
      body?.destroy();
      reject(new NoAnswer(result.ending));
    };
    const onAbort = () => finish({ ending: { type: 'cancelled' } });
    const timer = setTimeout(() => finish({ ending: { type: 'timeout' } }), r.timeoutMs);
    r.signal?.addEventListener('abort', onAbort, { once: true });
    const failed = (e: unknown) => finish({ ending: { type: 'network', code: errorCode(e) } });
    const send = r.origin.startsWith('https:') ? https.request : http.request;
    try {
      req = send(r.origin + wirePath(r.path), { method: r.method, headers: r.headers });
    } catch (e) {
      failed(e);
      return;
    }
    req.on('error', failed);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      const answer = () => ({ answer: { status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') } });
      const read = (stream: Readable) => {
        body = stream;
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => finish(answer()));
        if (stream !== res) stream.on('error', failed);
      };
      // The answer ended before its length or last chunk: the server (or a proxy) closed the connection mid-body.
      const cut = () => finish({ ending: { type: 'network', code: prematureClose } });
      res.on('aborted', cut);
      res.on('error', cut);
      const coding = res.headers['content-encoding'];
      if (!isDeflate(coding) || r.method === 'HEAD' || res.statusCode === 204 || res.statusCode === 304) {
        read(decoded(res, r.method));
        return;
      }
      // Deflate comes raw or zlib-wrapped, told by the first byte (as node-fetch told them); no byte, no body.
      res.once('data', (first: Buffer) => {
        const inflate = (first[0] & 0x0f) === 0x08 ? zlib.createInflate() : zlib.createInflateRaw();
        read(inflate);
        inflate.write(first);
        res.pipe(inflate);
      });
      res.once('end', () => {
        if (!body) finish(answer());
      });
    });
    req.end(r.body);
  });
}

export function errorCode(e: unknown): string | undefined {
  if (e && typeof e === 'object' && 'code' in e && typeof e.code === 'string') return e.code;
  return undefined;
}
