import type * as http from 'http';
import { performance } from 'perf_hooks';
import type { Emulator } from './types';
import type { CallLog } from './callLog';
import type { SettingsInForce } from './settingsInForce';
import { readCookie, SESSION_COOKIE } from './sessions';
import { shapeError } from './errorBodies';
import { CONTROL_HEADER, isLoopbackAddress, isLoopbackHost, send, text, type Reply } from './http';
import { matchRoute, runApi, type ApiContext } from './routes';
import { runControl } from './control';
import { runEvents } from './eventRoutes';

export interface RequestHandlerParts {
  /** What the API routes read and change. */
  api: ApiContext;
  settings: SettingsInForce;
  calls: CallLog;
  /** The in-process emulator the control route drives (it exists once the server listens). */
  controlled: () => Emulator;
  /** What the control route shows as the whole state. */
  snapshot: () => unknown;
  /** Request log: method, path, status, ms; never bodies. */
  log?: (line: string) => void;
}

/** Answers one HTTP request: the loopback control route, or the API with its rate limit and injected faults. */
export function requestHandler(parts: RequestHandlerParts): (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> {
  return async (req, res) => {
    const method = req.method ?? 'GET';
    const rawPath = (req.url ?? '/').split('?')[0];
    if (rawPath.startsWith('/__emulator/')) return send(res, await control(parts, req, method, rawPath));
    return answerApi(parts, req, res, method, rawPath);
  };
}

async function control(parts: RequestHandlerParts, req: http.IncomingMessage, method: string, rawPath: string): Promise<Reply> {
  if (!isLoopbackAddress(req.socket.remoteAddress)) return text(403, 'The control route answers loopback only');
  // A web page the user visits could still reach a loopback port: a custom header needs a CORS preflight
  // (never granted), and a loopback Host header defeats DNS rebinding.
  if (req.headers[CONTROL_HEADER] !== '1' || !isLoopbackHost(req.headers.host)) {
    return text(403, `The control route needs the header "${CONTROL_HEADER}: 1" and a loopback Host`);
  }
  return runControl(parts.controlled(), parts.snapshot, method, rawPath, req);
}

const CHANGES = new Set(['POST /v2/users', 'PATCH /v2/users/:id', 'DELETE /v2/users/:id', 'POST /v2/events/:stream/:id']);

async function answerApi(parts: RequestHandlerParts, req: http.IncomingMessage, res: http.ServerResponse, method: string, rawPath: string): Promise<void> {
  const { api, settings } = parts;
  const started = Date.now();
  const record = parts.calls.open(method, rawPath);
  // The server side of a socket is destroyed once the client closed it (its timeout or a cancel): from then on
  // no answer can reach it, and a body not yet read will never arrive.
  const clientGone = () => req.socket.destroyed;
  const finish = (given: Reply | 'dropped', malformed = false) => {
    const reply = clientGone() ? 'dropped' : given;
    record.status = reply === 'dropped' ? 'dropped' : reply.status;
    const retryAfter = reply === 'dropped' ? undefined : reply.headers?.['Retry-After'];
    if (typeof retryAfter === 'string') record.retryAfterSeconds = Number(retryAfter);
    record.answeredAt = performance.now();
    parts.log?.(`${method} ${rawPath} ${record.status} ${Date.now() - started}ms`);
    if (reply === 'dropped') req.socket.destroy();
    else send(res, shapeError(reply, settings.errorBodies), malformed);
  };

  const match = matchRoute(method, rawPath, settings.effective().listing);
  if ('error' in match) return finish(match.error);
  // Login needs no session: a call to it must not spend one's budget.
  const session = match.key === 'POST /v2/login' ? undefined : api.sessions.use(req.headers.cookie, { requireToken: settings.requireToken });
  const project = session ? api.state.project(session.project) : undefined;
  record.project = project?.name;

  const delay = settings.faults.latencyMs();
  if (delay > 0) await new Promise((r) => setTimeout(r, delay));
  if (clientGone()) return finish('dropped');
  const waitS = settings.limiter.check(readCookie(req.headers.cookie, SESSION_COOKIE) ?? req.socket.remoteAddress ?? '?');
  if (waitS !== undefined) return finish(text(429, 'Too many requests', settings.retryAfter(waitS)));

  if (match.loginId !== undefined) record.loginId = match.loginId;
  const fault = settings.faults.draw(match.key);
  if (fault) record.fault = fault;
  const faultRetryAfter = () => settings.retryAfter(settings.faults.retryAfterSeconds);
  if (fault === 'status429') return finish(text(429, 'Too many requests', faultRetryAfter()));
  if (fault === 'status500') return finish(text(500, 'Internal server error'));
  if (fault === 'status503') return finish(text(503, 'Service unavailable', faultRetryAfter()));
  if (fault === 'drop') return finish('dropped');
  const caller = { session, project };
  let reply: Reply;
  try {
    reply = 'stream' in match ? await runEvents(api, match, req, caller) : await runApi(api, match.key, match.loginId, req, caller);
  } catch (e) {
    // A body cut off by the client going away: nothing was applied, and the record must still end.
    if (clientGone()) return finish('dropped');
    throw e;
  }
  if (CHANGES.has(match.key) && reply.status < 300) record.applied = true;
  const created = (reply.body as { login_id?: unknown } | undefined)?.login_id;
  if (match.key === 'POST /v2/users' && typeof created === 'string') record.loginId = created;
  if (fault === 'dropAfter') return finish('dropped');
  finish(reply, fault === 'malformedJson');
}
