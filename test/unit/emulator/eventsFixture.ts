// Helpers of the events conformance suites (events*.test.ts): raw HTTP against /v2/events, and what the
// emulator ends up holding, read in process.
import * as assert from 'node:assert/strict';
import type { EmulatedEvent, Emulator } from '../../../src/emulator/types';
import { project, request, type Res } from './fixture';

/** `/v2/events/<stream>[/<login_id>]`, both percent-encoded; `query` appended as given. */
export function eventsPath(stream: string, loginId?: string, query = ''): string {
  const base = `/v2/events/${encodeURIComponent(stream)}${loginId === undefined ? '' : `/${encodeURIComponent(loginId)}`}`;
  return query === '' ? base : `${base}?${query}`;
}

/** One JSON document per line. */
export const lines = (...events: unknown[]): string => events.map((e) => JSON.stringify(e)).join('\n');

export function postEvents(emu: Emulator, cookie: string | undefined, path: string, body: string): Promise<Res> {
  return request(emu, 'POST', path, { cookie, raw: body });
}

export function getEvents(emu: Emulator, cookie: string | undefined, path: string): Promise<Res> {
  return request(emu, 'GET', path, { cookie });
}

/** What the emulator holds for a user of the conformance project (stream default raw). */
export const held = (emu: Emulator, loginId: string, stream = 'raw'): EmulatedEvent[] => emu.events(project, loginId, stream);

/** The event_data of each event the emulator holds, in the order received. */
export const heldData = (emu: Emulator, loginId: string, stream = 'raw'): unknown[] => held(emu, loginId, stream).map((e) => e.eventData);

/** The events of a bare 200 GET answer (a JSON array). */
export function answered(res: Res): { event_data: unknown; observed_at: string; received_at: string }[] {
  assert.equal(res.status, 200, res.text);
  const body = JSON.parse(res.text) as unknown;
  assert.ok(Array.isArray(body), `expected a JSON array, got ${res.text}`);
  return body as { event_data: unknown; observed_at: string; received_at: string }[];
}

/** Asserts an error status and that its plain-text reason matches. */
export function refused(res: Res, status: number, reason: RegExp): void {
  assert.equal(res.status, status, `expected ${status}, got ${res.status} ${res.text}`);
  assert.match(res.text, reason);
}
