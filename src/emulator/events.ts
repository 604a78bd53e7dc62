// Events as the public "CRUD Events" and "Query Data Stream" documents describe them (SPEC section 7): held in
// memory per project, basic user and stream, never persisted. This file holds the store and the checks of
// what a client sends (the body's lines, the query); eventRoutes.ts speaks HTTP.
import type { EmulatedEvent } from './types';

/** "64k (65536 characters) per event from opening brace to closing brace", counted here in UTF-8 bytes. */
export const EVENT_BYTES = 64 * 1024;
/** "The POST body has a maximum limit of 10MB." */
export const BODY_BYTES = 10 * 1024 * 1024;
/** "limit … must be a whole number up to a maximum of 10,000 (default)". */
export const MAX_LIMIT = 10_000;

const FIELDS = ['event_data', 'observed_at', 'add_client_ip'];

/** One event as a POST line gives it, checked. */
export interface EventInput {
  eventData: Record<string, unknown>;
  /** Epoch ms, when the line gave observed_at. */
  observedMs?: number;
  addClientIp: boolean;
}

export type SortBy = 'observed_at' | 'received_at' | 'internal';

export interface EventQuery {
  /** Epoch ms, inclusive. */
  since?: number;
  /** Epoch ms, exclusive. */
  until?: number;
  limit: number;
  sortBy: SortBy;
  direction: 'asc' | 'desc';
}

export class EventStore {
  /** user key (project + login_id) → stream → events in the order received. */
  private readonly byUser = new Map<string, Map<string, EmulatedEvent[]>>();
  private sequence = 0;

  /** Stores these events (all of them: a body is checked whole before this is called); returns how many. */
  add(project: string, loginId: string, stream: string, inputs: readonly EventInput[], clientIp: string): number {
    const receivedMs = Date.now();
    const receivedAt = new Date(receivedMs).toISOString();
    const key = userKey(project, loginId);
    const streams = this.byUser.get(key) ?? new Map<string, EmulatedEvent[]>();
    this.byUser.set(key, streams);
    const list = streams.get(stream) ?? [];
    streams.set(stream, list);
    for (const input of inputs) {
      const eventData = input.addClientIp ? { ...input.eventData, ip_address: clientIp } : input.eventData;
      list.push({ eventData, observedAt: new Date(input.observedMs ?? receivedMs).toISOString(), receivedAt, sequence: ++this.sequence });
    }
    return inputs.length;
  }

  /** A copy of a user's events in a stream, in the order received. */
  list(project: string, loginId: string, stream: string): EmulatedEvent[] {
    return (this.byUser.get(userKey(project, loginId))?.get(stream) ?? []).map((e) => structuredClone(e));
  }

  /** A deleted user's events go with it (the reference: "all the user's events are deleted too"). */
  removeUser(project: string, loginId: string): void {
    this.byUser.delete(userKey(project, loginId));
  }

  clear(): void {
    this.byUser.clear();
  }
}

const userKey = (project: string, loginId: string) => `${project}\u0000${loginId}`;

/** The events a query selects: filtered on the sort field's time (observed_at for `internal`), sorted, limited. */
export function select(events: readonly EmulatedEvent[], query: EventQuery): EmulatedEvent[] {
  const time = (e: EmulatedEvent) => Date.parse(query.sortBy === 'received_at' ? e.receivedAt : e.observedAt);
  const key = (e: EmulatedEvent) => (query.sortBy === 'internal' ? e.sequence : time(e));
  const sign = query.direction === 'asc' ? 1 : -1;
  return events
    .filter((e) => (query.since === undefined || time(e) >= query.since) && (query.until === undefined || time(e) < query.until))
    // Ties (events received in one body share received_at) keep the order received, reversed for desc.
    .sort((a, b) => sign * (key(a) - key(b) || a.sequence - b.sequence))
    .slice(0, query.limit);
}

/** The wire shape GET answers for one event. */
export const wireEvent = (e: EmulatedEvent) => ({ event_data: e.eventData, observed_at: e.observedAt, received_at: e.receivedAt });

/** The events of a POST body, one JSON document per line (blank lines ignored), or the 400 reason. */
export function parseEventLines(body: string): EventInput[] | string {
  const events: EventInput[] = [];
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    const n = i + 1;
    const bytes = Buffer.byteLength(line, 'utf8');
    if (bytes > EVENT_BYTES) return `line ${n}: the event is ${bytes} bytes, over the limit of ${EVENT_BYTES} bytes per event`;
    let doc: unknown;
    try {
      doc = JSON.parse(line);
    } catch {
      return `line ${n} is not a JSON document (send one JSON document per line)`;
    }
    const event = checkEvent(doc);
    if (typeof event === 'string') return `line ${n}: ${event}`;
    events.push(event);
  }
  return events.length > 0 ? events : 'no events: send one JSON document per line, each with an event_data object';
}

function checkEvent(doc: unknown): EventInput | string {
  if (!isRecord(doc)) return 'an event is a JSON object with event_data';
  const unknown = Object.keys(doc).find((k) => !FIELDS.includes(k));
  if (unknown !== undefined) return `unknown field "${unknown}" (known: ${FIELDS.join(', ')})`;
  const { event_data: eventData, observed_at: observedAt, add_client_ip: addClientIp } = doc;
  if (eventData === undefined) return 'event_data is required';
  if (!isRecord(eventData)) return 'event_data must be a JSON object';
  if (addClientIp !== undefined && typeof addClientIp !== 'boolean') return 'add_client_ip must be true or false';
  if (observedAt === undefined) return { eventData, addClientIp: addClientIp === true };
  const observedMs = typeof observedAt === 'string' ? isoWithZone(observedAt) : undefined;
  if (observedMs === undefined) return `observed_at must be an ISO 8601 time with a time zone (such as 2014-06-11T02:11:25.076Z), not ${JSON.stringify(observedAt)}`;
  return { eventData, observedMs, addClientIp: addClientIp === true };
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** Epoch ms of an ISO 8601 date-time that names its time zone (`Z` or an offset); undefined otherwise. */
export function isoWithZone(value: string): number | undefined {
  const m = ISO.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((part) => Number(part ?? 0));
  const ms = Number(`0.${m[7] ?? '0'}`) * 1000;
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  const local = date.getTime() + ((h * 60 + mi) * 60 + s) * 1000 + ms;
  const zone = m[8].toUpperCase();
  if (zone === 'Z') return local;
  const digits = zone.replace(':', '');
  const [oh, om] = [Number(digits.slice(1, 3)), Number(digits.slice(3, 5) || '0')];
  if (oh > 23 || om > 59) return undefined;
  return local - (zone[0] === '+' ? 1 : -1) * (oh * 60 + om) * 60_000;
}

const QUERY_KEYS = ['since', 'until', 'limit', 'sort_by', 'sort_direction'];

/** The GET query, or the 400 reason. Every parameter is optional; an unknown or repeated one is refused. */
export function parseQuery(params: URLSearchParams): EventQuery | string {
  const names = [...params.keys()];
  const unknown = names.find((k) => !QUERY_KEYS.includes(k));
  if (unknown !== undefined) return `unknown query parameter "${unknown}" (known: ${QUERY_KEYS.join(', ')})`;
  const repeated = names.find((k, i) => names.indexOf(k) !== i);
  if (repeated !== undefined) return `the query parameter "${repeated}" is given more than once`;
  const query: EventQuery = { limit: MAX_LIMIT, sortBy: 'observed_at', direction: 'asc' };
  for (const bound of ['since', 'until'] as const) {
    const raw = params.get(bound);
    if (raw === null) continue;
    const ms = isoWithZone(raw);
    if (ms === undefined) return `${bound} must be an ISO 8601 time with a time zone (such as 2014-06-11T02:11:25Z), not ${JSON.stringify(raw)}`;
    query[bound] = ms;
  }
  const limit = params.get('limit');
  if (limit !== null) {
    if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > MAX_LIMIT) {
      return `limit must be a whole number from 1 to ${MAX_LIMIT}, not ${JSON.stringify(limit)}`;
    }
    query.limit = Number(limit);
  }
  const sortBy = params.get('sort_by');
  if (sortBy !== null) {
    if (sortBy !== 'observed_at' && sortBy !== 'received_at' && sortBy !== 'internal') {
      return `sort_by must be observed_at, received_at or internal, not ${JSON.stringify(sortBy)}`;
    }
    query.sortBy = sortBy;
  }
  const direction = params.get('sort_direction');
  if (direction !== null) {
    if (direction !== 'asc' && direction !== 'desc') return `sort_direction must be asc or desc, not ${JSON.stringify(direction)}`;
    query.direction = direction;
  }
  return query;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
