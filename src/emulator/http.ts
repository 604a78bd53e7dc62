import { isIP } from 'net';
import type { IncomingMessage, ServerResponse } from 'http';

/** The outcome of a route: what to send (the server decides separately whether a fault replaces or drops it). */
export interface Reply {
  status: number;
  body?: unknown;
  /** A plain-text body (error reasons). */
  text?: string;
  /** The type of `text` when it is not text/plain (an HTML error page). */
  textType?: string;
  /** An array sends the header several times (Set-Cookie). */
  headers?: Record<string, string | string[]>;
}

export const json = (status: number, body: unknown, headers?: Reply['headers']): Reply => ({ status, body, headers });
export const text = (status: number, message: string, headers?: Reply['headers']): Reply => ({ status, text: message, headers });

/** Some servers do not tell an unknown user from a forbidden one (403); the documented answer is 404. */
export const unknownUserReply = (status: 403 | 404, loginId: string): Reply =>
  status === 403 ? text(403, 'Forbidden') : text(404, `no user "${loginId}"`);

const MAX_BODY = 64 * 1024;

/** Reads a JSON request body; undefined when empty, the string 'invalid' when it does not parse. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return INVALID;
    chunks.push(chunk as Buffer);
  }
  const raw = Buffer.concat(chunks).toString('utf8').trim();
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return INVALID;
  }
}

export const INVALID = Symbol('invalid JSON');

export function send(res: ServerResponse, reply: Reply, malformed = false): void {
  const headers: Record<string, string | string[]> = { ...reply.headers };
  let payload = '';
  if (reply.text !== undefined) {
    headers['Content-Type'] = reply.textType ?? 'text/plain; charset=utf-8';
    payload = reply.text;
  } else if (reply.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(reply.body);
    // A truncated document: valid start, no end, as a proxy cutting a response short would leave it.
    if (malformed) payload = payload.length > 1 ? payload.slice(0, Math.ceil(payload.length / 2)) : '{';
  } else if (malformed) {
    headers['Content-Type'] = 'application/json';
    payload = '{"login_id":';
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

/** A numeric loopback address. Names never pass: `127.0.0.1.evil.example` is a name that can resolve anywhere. */
export const isLoopbackAddress = (address: string | undefined) =>
  !!address && isIP(address) !== 0 && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));

/** Every control-route request must carry this header with the value 1 (see server.ts). */
export const CONTROL_HEADER = 'x-emulator-control';

/** A Host header naming a loopback host (any port). */
export function isLoopbackHost(host: string | undefined): boolean {
  const name = (host ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  // Only numeric addresses: DNS rebinding uses names like `127.0.0.1.evil.example` that resolve to loopback.
  return name === 'localhost' || isLoopbackAddress(name);
}
