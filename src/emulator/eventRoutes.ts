// POST and GET /v2/events/<stream>/<login_id> (SPEC section 7): who may send or read whose events, the body's
// limits, the query, and the answer shapes a server may choose (`eventsAnswers`). The store and the checks of
// lines and queries are in events.ts. Where the documents leave room, this emulator chooses (and its tests pin):
// - any non-empty stream name is served (the documents define streams per project; none is refused here);
// - a disabled user's events can still be read (the documents forbid sending only);
// - fields other than event_data, observed_at and add_client_ip, and query parameters other than since, until,
//   limit, sort_by and sort_direction, are refused (400): a typo must not pass unnoticed in a test;
// - GET without sort_by sorts by observed_at; since is inclusive and until exclusive, on the time sort_by names
//   (observed_at for `internal`, which sorts in the order received); times are kept to the millisecond.
import type { IncomingMessage } from 'http';
import { json, text, unknownUserReply, type Reply } from './http';
import { BODY_BYTES, parseEventLines, parseQuery, select, wireEvent } from './events';
import type { ApiContext, Caller } from './apiContext';

export type EventRouteKey = 'POST /v2/events/:stream/:id' | 'GET /v2/events/:stream/:id';

export interface EventRoute {
  key: EventRouteKey;
  stream: string;
  /** Absent when the path leaves it out (a Basic session means itself). */
  loginId?: string;
}

/** `/v2/events/<stream>` or `/v2/events/<stream>/<login_id>` (a trailing slash: no login_id), from the raw path split on `/`. */
export function matchEventRoute(method: string, parts: readonly string[]): EventRoute | { error: Reply } {
  if (parts.length < 4 || parts.length > 5 || parts[3] === '') return { error: text(404, 'Not found') };
  let stream: string;
  let loginId: string | undefined;
  try {
    stream = decodeURIComponent(parts[3]);
    loginId = parts[4] ? decodeURIComponent(parts[4]) : undefined;
  } catch {
    return { error: text(400, 'the stream or login_id in the path is not valid percent-encoding') };
  }
  if (method !== 'GET' && method !== 'POST') return { error: text(405, 'Method not allowed', { Allow: 'GET, POST' }) };
  return { key: `${method} /v2/events/:stream/:id`, stream, loginId };
}

/** Runs one events call for the caller's session. */
export async function runEvents(ctx: ApiContext, route: EventRoute, req: IncomingMessage, caller: Caller): Promise<Reply> {
  const { session, project } = caller;
  if (!session || !project) return text(401, 'no logged in user (log in with POST /v2/login first)');
  if (session.role === 'registration') return text(403, 'a Registration user may not send or read events');
  let loginId = route.loginId;
  if (session.role === 'basic') {
    if (loginId !== undefined && loginId !== session.loginId) return text(403, 'a Basic user may send and read only its own events');
    loginId = session.loginId;
  } else if (loginId === undefined) {
    return text(400, 'a Business user must name the user: /v2/events/<stream>/<login_id>');
  }
  const user = project.users.get(loginId);
  const settings = ctx.settings();
  if (!user) return unknownUserReply(settings.unknownUserStatus, loginId);
  const wrapped = settings.eventsAnswers === 'wrapped';

  if (route.key === 'GET /v2/events/:stream/:id') {
    // Reading is not sending: a disabled user's events can still be read.
    const query = parseQuery(new URL(req.url ?? '/', 'http://emulator').searchParams);
    if (typeof query === 'string') return text(400, query);
    const events = select(ctx.events.list(project.name, loginId, route.stream), query).map(wireEvent);
    return json(200, wrapped ? { events } : events);
  }
  if (user.disabled) {
    return text(settings.disabledStatus, `user ${loginId} is disabled: a disabled basic user cannot send event data, nor can data be sent on its behalf`);
  }
  const body = await readLimited(req, BODY_BYTES);
  if (body === undefined) return text(400, `the body is over the limit of ${BODY_BYTES} bytes`);
  const events = parseEventLines(body.toString('utf8'));
  if (typeof events === 'string') return text(400, events);
  const created = ctx.events.add(project.name, loginId, route.stream, events, clientIp(req));
  return json(200, wrapped ? { created } : created);
}

/**
 * The request body, or undefined once it is over `max` bytes. Past the limit nothing more is kept: the rest
 * of the body is read and thrown away as it arrives (so the client, still sending, gets the 400 rather than
 * a reset connection), never buffered.
 */
function readLimited(req: IncomingMessage, max: number): Promise<Buffer | undefined> {
  const declared = Number(req.headers['content-length']);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const over = () => {
      req.removeListener('data', onData);
      req.removeListener('end', onEnd);
      req.resume(); // discard what is still coming
      resolve(undefined);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) over();
      else chunks.push(chunk);
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    // A request destroyed before or while it is read (the client went away) never emits 'end': end the read
    // here so the caller can record the call as dropped, with nothing stored.
    if (req.destroyed) return reject(new Error('the client went away before its body was read'));
    req.once('close', () => reject(new Error('the client went away while its body was read')));
    req.once('error', reject);
    if (Number.isFinite(declared) && declared > max) return over();
    req.on('data', onData);
    req.on('end', onEnd);
  });
}

/** The caller's address as a device would see it written (an IPv4 client without the `::ffff:` prefix). */
const clientIp = (req: IncomingMessage) => (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
