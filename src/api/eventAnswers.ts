import type { Decoded } from './caller';
import { decoded } from './decode';
import type { ReceivedEvent, SendEventsResult } from './eventTypes';
import type { HttpResponse } from './http';

// The events answers' shapes are not documented (SPEC section 7), so these read every shape a server may choose.

/** Keys a server may name its count of created events with, most telling first. */
const countKeys = ['created', 'events_created', 'eventsCreated', 'count', 'num_events', 'inserted', 'accepted'];
/** Names of numbers an answer may carry that are not a count of events (a status, a code, a time). */
const notCounts = /status|code|time|took|elapsed|duration|(^|_)ms$|millis|seconds|version|id$/i;
/** Keys a server may hold its list of events in, most telling first; else its first list is taken. */
const listKeys = ['events', 'data', 'results', 'items', 'records', 'rows'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parsed(text: string): { json: unknown } | undefined {
  if (text.trim() === '') return undefined;
  try {
    return { json: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** A JSON number or a numeric string that can be a count of events. */
function asCount(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/**
 * The number of events created, from a number, a numeric string or an object holding one (`{"created": 2}`,
 * `{"count": 2}`, or any object whose only number it is); undefined when the answer says none.
 */
export function createdCount(text: string): number | undefined {
  const body = parsed(text);
  if (!body) return undefined;
  const { json } = body;
  if (!isRecord(json)) return asCount(json);
  for (const key of countKeys) {
    const n = asCount(json[key]);
    if (n !== undefined) return n;
  }
  // The object's only number, unless its name says it is something else: `{"status": 200}` is not 200 events.
  const numbers = Object.entries(json).filter(([k, v]) => typeof v === 'number' && !notCounts.test(k)).map(([, v]) => v);
  return numbers.length === 1 ? asCount(numbers[0]) : undefined;
}

/** Any 2xx is a success: an empty or unreadable body only leaves the count unknown (never a reason to send again). */
export function decodeSendAnswer(res: HttpResponse): Decoded<SendEventsResult> {
  const created = createdCount(res.text);
  return decoded(created === undefined ? { status: res.status } : { created, status: res.status });
}

/** Below this a number is taken as epoch seconds (1e11 ms is in 1973; 1e11 s is in the year 5138). */
const secondsBelow = 1e11;

/** An ISO time from a string as given, or from a number of epoch milliseconds (or seconds, when small). */
function timeOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  const date = new Date(Math.abs(value) < secondsBelow ? value * 1000 : value);
  return Number.isFinite(date.getTime()) ? date.toISOString() : undefined;
}

export function receivedEvent(raw: Record<string, unknown>): ReceivedEvent {
  const event: ReceivedEvent = { data: raw.event_data ?? raw, raw };
  const observedAt = timeOf(raw.observed_at ?? raw.observedAt);
  const receivedAt = timeOf(raw.received_at ?? raw.receivedAt);
  if (observedAt !== undefined) event.observedAt = observedAt;
  if (receivedAt !== undefined) event.receivedAt = receivedAt;
  return event;
}

/** The list an object answer holds: under a telling key, else its first list. */
function listIn(body: Record<string, unknown>): unknown[] | undefined {
  for (const key of listKeys) {
    const value = body[key];
    if (Array.isArray(value)) return value as unknown[];
  }
  return Object.values(body).find((v): v is unknown[] => Array.isArray(v));
}

/** An item of the list: an object, or a string holding one (some servers send each event as JSON text). */
function eventObject(item: unknown): Record<string, unknown> | undefined {
  if (isRecord(item)) return item;
  if (typeof item !== 'string') return undefined;
  const inner = parsed(item);
  return inner && isRecord(inner.json) ? inner.json : undefined;
}

/** A JSON array of events, or an object holding one; a 204 with no body is no events. */
export function decodeEvents(res: HttpResponse): Decoded<ReceivedEvent[]> {
  if (res.status === 204 && res.text.trim() === '') return decoded([]);
  const body = parsed(res.text);
  if (!body) return { ok: false, why: res.text.trim() === '' ? 'the body is empty' : 'the body is not valid JSON' };
  const list = Array.isArray(body.json) ? body.json : isRecord(body.json) ? listIn(body.json) : undefined;
  if (!list) return { ok: false, why: 'the body is neither a list of events nor an object holding one' };
  const events: ReceivedEvent[] = [];
  for (const [i, item] of list.entries()) {
    const object = eventObject(item);
    if (!object) return { ok: false, why: `item ${i + 1} of the list is not an event object` };
    events.push(receivedEvent(object));
  }
  return decoded(events);
}
