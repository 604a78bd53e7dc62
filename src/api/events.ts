import type { Exchange } from './caller';
import type { MediumOneClient } from './client';
import { MediumOneError } from './errors';
import { decodeEvents, decodeSendAnswer } from './eventAnswers';
import type { Method } from './http';
import type { StatusMeanings } from './messages';
import type { CallOptions } from './types';
import { loginIdSegment } from './url';
import { l10n } from '../util/l10n';

// POST and GET /v2/events/<stream>/<login_id> (SPEC section 7). Everything the server would refuse for its shape
// or size is refused here first, before anything is sent, with a message that says what to change.
//
// Only the bundles loaded on demand (provisioning, panels) import this module, and only types of it reach the
// main bundle: the calls run through `MediumOneClient.send`, and nothing here relies on `instanceof` of a class
// the main bundle holds its own copy of (MediumOneError is recognised across copies).

export type { EventQuery, EventToSend, ReceivedEvent, SendEventsResult } from './eventTypes';
import type { EventQuery, EventToSend, ReceivedEvent, SendEventsResult } from './eventTypes';

/** The documented limits: 64 KB per event (its JSON line, in UTF-8), 10 MB per request, 10,000 events per query. */
export const EVENT_LIMITS = { eventBytes: 64 * 1024, bodyBytes: 10 * 1024 * 1024, maxQueryLimit: 10_000 } as const;

/**
 * One JSON document per line. The public samples post events as application/json, and one event alone is a plain
 * JSON document, so that is the Content-Type a server following them accepts.
 */
export const eventsContentType = 'application/json';

const eventsBase = '/v2/events/';
const sortFields: readonly string[] = ['observed_at', 'received_at', 'internal'];
const sortDirections: readonly string[] = ['asc', 'desc'];

const count = (n: number) => n.toLocaleString('en-US');

/** A call refused before anything was sent. `status` stays undefined: no server answered. */
function refused(method: Method, path: string, what: string): MediumOneError {
  return new MediumOneError({ kind: 'badRequest', method, path, message: l10n.t('Nothing was sent: {0}.', what) });
}

/** A value as a message may quote it: short, on one line. */
function quoted(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** A stream name no URL path segment can carry: a folder step, or a broken character (a lone UTF-16 surrogate). */
export const isUnaddressableStream = (stream: string): boolean => stream === '.' || stream === '..' || /[\uD800-\uDFFF]/u.test(stream);

/** `/v2/events/<stream>/<login_id>`, both percent-encoded; without a login_id, the signed-in Basic user's own. */
export function eventsPath(stream: string, loginId: string | undefined, method: Method): string {
  if (stream === '') throw refused(method, eventsBase, l10n.t('the stream name is empty (most projects have a stream named "raw")'));
  if (isUnaddressableStream(stream)) {
    throw refused(method, eventsBase, l10n.t('the stream name {0} cannot be put in a URL; check the stream setting', quoted(stream)));
  }
  const path = eventsBase + encodeURIComponent(stream);
  return loginId === undefined ? path : `${path}/${loginIdSegment(loginId, method, `${path}/`)}`;
}

const isoWithZone = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** ISO 8601 with a date, a time and a time zone (Z or an offset), naming a day that exists. */
export function isIsoTimeWithZone(text: string): boolean {
  const m = isoWithZone.exec(text);
  if (!m || !Number.isFinite(Date.parse(text))) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** One event's JSON line, or why it cannot be sent. `n` is its 1-based position, for the message. */
function eventLine(event: EventToSend, n: number, many: boolean): { line: string } | { problem: string } {
  const which = many ? l10n.t('event {0}', n) : l10n.t('the event');
  const problem = (text: string) => ({ problem: text });
  if (!isPlainObject(event)) return problem(l10n.t('{0} is not an object with event_data', which));
  if (!isPlainObject(event.event_data)) {
    return problem(l10n.t('{0} has no event_data object (event_data must be a JSON object, such as {1})', which, '{"temperature": 21}'));
  }
  const doc: Record<string, unknown> = { event_data: event.event_data };
  if (event.observed_at !== undefined) {
    if (typeof event.observed_at !== 'string' || !isIsoTimeWithZone(event.observed_at)) {
      return problem(
        l10n.t("{0}'s observed_at {1} is not an ISO 8601 time with a time zone (such as 2024-05-01T12:00:00Z)", which, quoted(event.observed_at)),
      );
    }
    doc.observed_at = event.observed_at;
  }
  if (event.add_client_ip !== undefined) {
    if (typeof event.add_client_ip !== 'boolean') return problem(l10n.t("{0}'s add_client_ip must be true or false", which));
    doc.add_client_ip = event.add_client_ip;
  }
  try {
    return { line: JSON.stringify(doc) };
  } catch {
    return problem(l10n.t("{0}'s event_data holds a value JSON cannot carry (such as a BigInt or a circular reference)", which));
  }
}

/** The request body (one JSON document per line), or throws the local refusal that says what to change. */
export function eventsBody(events: readonly EventToSend[], path: string): string {
  // Checked at run time too: the command layer hands on what a user typed.
  if (!Array.isArray(events) || events.length === 0) throw refused('POST', path, l10n.t('there are no events to send'));
  const many = events.length > 1;
  const lines: string[] = [];
  let total = 0;
  for (const [i, event] of (events as readonly EventToSend[]).entries()) {
    const checked = eventLine(event, i + 1, many);
    if ('problem' in checked) throw refused('POST', path, checked.problem);
    const { line } = checked;
    const bytes = Buffer.byteLength(line, 'utf8');
    if (bytes > EVENT_LIMITS.eventBytes) {
      const which = many ? l10n.t('event {0}', i + 1) : l10n.t('the event');
      throw refused(
        'POST',
        path,
        l10n.t(
          '{0} is {1} bytes; the limit is {2} bytes per event. Make its event_data smaller or split it into several events',
          which,
          count(bytes),
          count(EVENT_LIMITS.eventBytes),
        ),
      );
    }
    total += bytes + (i > 0 ? 1 : 0);
    lines.push(line);
  }
  if (total > EVENT_LIMITS.bodyBytes) {
    throw refused(
      'POST',
      path,
      l10n.t(
        'the {0} events come to {1} bytes; the limit is {2} bytes per request. Send them in smaller batches',
        count(events.length),
        count(total),
        count(EVENT_LIMITS.bodyBytes),
      ),
    );
  }
  return lines.join('\n');
}

/** The query string for `query`, or throws the local refusal that says what to change. */
export function eventsQuery(query: EventQuery, path: string): string {
  const params = new URLSearchParams();
  for (const key of ['since', 'until'] as const) {
    const value = query[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !isIsoTimeWithZone(value)) {
      throw refused('GET', path, l10n.t('{0} {1} is not an ISO 8601 time with a time zone (such as 2024-05-01T12:00:00Z)', key, quoted(value)));
    }
    params.set(key, value);
  }
  if (query.limit !== undefined) {
    if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > EVENT_LIMITS.maxQueryLimit) {
      throw refused('GET', path, l10n.t('limit must be a whole number from 1 to {0} (got {1})', count(EVENT_LIMITS.maxQueryLimit), quoted(query.limit)));
    }
    params.set('limit', String(query.limit));
  }
  if (query.sortBy !== undefined) {
    if (!sortFields.includes(query.sortBy)) throw refused('GET', path, l10n.t('sortBy must be one of {0}', sortFields.join(', ')));
    params.set('sort_by', query.sortBy);
  }
  if (query.sortDirection !== undefined) {
    if (!sortDirections.includes(query.sortDirection)) throw refused('GET', path, l10n.t('sortDirection must be asc or desc'));
    params.set('sort_direction', query.sortDirection);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

// What each status means for these calls: functions, so each text is read (and translated) when a failure is told.
const sendMeanings: StatusMeanings = (status) => {
  switch (status) {
    case 400:
      return l10n.t('an event is missing its event_data, is malformed, or is over a limit (64 KB per event, 10 MB per request)');
    case 401:
      return l10n.t(
        'the signed-in account may not send events for this user (a disabled user cannot send any event data, nor can any data be sent on its behalf)',
      );
    case 403:
      return l10n.t('the signed-in account may not send events for this user');
    case 404:
      return l10n.t('there is no such user or stream');
  }
  return undefined;
};

const queryMeanings: StatusMeanings = (status) => {
  switch (status) {
    case 400:
      return l10n.t('a query parameter is malformed (since and until need an ISO 8601 time with a time zone; limit is at most 10,000)');
    case 401:
    case 403:
      return l10n.t("the signed-in account may not read this user's events");
    case 404:
      return l10n.t('there is no such user or stream');
  }
  return undefined;
};

/** A lost answer to a POST of events, told as it is: nothing can read back whether the events were stored. */
function mayHaveStored(lost: MediumOneError): MediumOneError {
  return new MediumOneError({
    kind: lost.kind,
    method: lost.method,
    path: lost.path,
    status: lost.status,
    serverMessage: lost.serverMessage,
    code: lost.code,
    cause: lost,
    message: l10n.t(
      "{0} The events may have been stored all the same; they were not sent again, so that none is stored twice. Check the user's recent events before sending them again.",
      lost.message,
    ),
    mayHaveBeenApplied: true,
  });
}

/**
 * POST /v2/events/<stream>/<login_id> (no login_id: the signed-in Basic user's own). Events are not idempotent and
 * nothing can read back whether a batch was stored, so a try whose answer may have arrived (dropped after sending,
 * timed out) is never repeated: it is reported with `mayHaveBeenApplied`. A 429/503 (nothing stored) is backed off
 * and repeated like any call.
 */
export async function sendEvents(
  client: MediumOneClient,
  stream: string,
  loginId: string | undefined,
  events: readonly EventToSend[],
  options: CallOptions = {},
): Promise<SendEventsResult> {
  const path = eventsPath(stream, loginId, 'POST');
  const body = eventsBody(events, path);
  return client.send(
    {
      operation: 'sendEvents',
      method: 'POST',
      path,
      loginId,
      body,
      contentType: eventsContentType,
      secrets: [],
      meanings: sendMeanings,
      safeToRepeat: false,
      lostAnswer: mayHaveStored,
      decode: decodeSendAnswer,
    },
    options,
  );
}

/** GET /v2/events/<stream>/<login_id>?since&until&limit&sort_by&sort_direction (no login_id: the Basic user's own). */
export async function queryEvents(
  client: MediumOneClient,
  stream: string,
  loginId: string | undefined,
  query: EventQuery = {},
  options: CallOptions = {},
): Promise<ReceivedEvent[]> {
  const path = eventsPath(stream, loginId, 'GET');
  const exchange: Exchange<ReceivedEvent[]> = {
    operation: 'queryEvents',
    method: 'GET',
    path: path + eventsQuery(query, path),
    loginId,
    secrets: [],
    meanings: queryMeanings,
    safeToRepeat: true,
    decode: decodeEvents,
  };
  return client.send(exchange, options);
}
