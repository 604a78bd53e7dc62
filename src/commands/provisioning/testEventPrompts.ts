import * as vscode from 'vscode';
import type { Services } from '../../services';
import { isIsoTimeWithZone, type EventToSend } from '../../api/events';
import { TEST_EVENT_JSON } from '../../provisioning';

/** The event the user wrote, and whether its observed_at is theirs (else each send stamps the time it is sent). */
export interface TestEventPlan {
  event: EventToSend;
  /** False when observed_at is the prefilled time left as it was: a fresh one is put in each event sent. */
  ownObservedAt: boolean;
  count: number;
  intervalSeconds: number;
}

export const MAX_REPEAT = 10_000;
export const MAX_INTERVAL_SECONDS = 3_600;
const FIELDS = ['event_data', 'observed_at', 'add_client_ip'];

/** The body (prefilled, editable, checked as typed), then once or N times every S seconds. */
export async function askTestEvent(s: Services, loginId: string, stream: string): Promise<TestEventPlan> {
  const prefilledAt = new Date().toISOString();
  // The snippets' event with the time it is: the same data shows up alike under Recent Events.
  const prefill = `${TEST_EVENT_JSON.slice(0, -1)}, "observed_at": "${prefilledAt}"}`;
  const title = vscode.l10n.t('Send Test Event for "{0}" to stream "{1}"', loginId, stream);
  const body = await s.prompts.input({
    title,
    prompt: vscode.l10n.t('The event as JSON: event_data (an object), optionally observed_at (ISO 8601 with a time zone) and add_client_ip.'),
    value: prefill,
    ignoreFocusOut: true,
    validateInput: (text) => testEventProblem(text),
  });
  if (body === undefined) throw new vscode.CancellationError();
  const event = JSON.parse(body) as EventToSend;
  const ownObservedAt = event.observed_at !== undefined && event.observed_at !== prefilledAt;

  const once = vscode.l10n.t('Send Once');
  const repeat = vscode.l10n.t('Send Repeatedly…');
  const how = await s.prompts.pick([
    { label: once },
    { label: repeat, detail: vscode.l10n.t('N events, one every S seconds, as a device would (cancellable)') },
  ], { title, ignoreFocusOut: true });
  if (!how) throw new vscode.CancellationError();
  if (how.label === once) return { event, ownObservedAt, count: 1, intervalSeconds: 0 };
  const count = await askWhole(s, title, vscode.l10n.t('How many events? (1 to {0})', MAX_REPEAT.toLocaleString('en-US')), '10', 1, MAX_REPEAT);
  const intervalSeconds = await askWhole(s, title, vscode.l10n.t('Seconds between events? (0 to {0})', MAX_INTERVAL_SECONDS.toLocaleString('en-US')), '5', 0, MAX_INTERVAL_SECONDS);
  return { event, ownObservedAt, count, intervalSeconds };
}

async function askWhole(s: Services, title: string, prompt: string, value: string, min: number, max: number): Promise<number> {
  const text = await s.prompts.input({
    title, prompt, value, ignoreFocusOut: true,
    validateInput: (v) => (/^\s*\d+\s*$/.test(v) && Number(v) >= min && Number(v) <= max ? undefined : vscode.l10n.t('Enter a whole number from {0} to {1}.', min, max)),
  });
  if (text === undefined) throw new vscode.CancellationError();
  return Number(text);
}

/** What is wrong with the typed event, in words that say what to change; undefined when it can be sent. */
export function testEventProblem(text: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return vscode.l10n.t('Not valid JSON: {0}', e instanceof Error ? e.message : String(e));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return vscode.l10n.t('The event must be a JSON object: {"event_data": {…}}.');
  const event = value as Record<string, unknown>;
  const data = event.event_data;
  if (data === undefined) return vscode.l10n.t('The event needs "event_data", an object with the data to send.');
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return vscode.l10n.t('"event_data" must be an object, such as {"test": true}.');
  // Checked here too (the client refuses it before sending): a typo in the time is named as it is typed.
  if (event.observed_at !== undefined && (typeof event.observed_at !== 'string' || !isIsoTimeWithZone(event.observed_at))) return vscode.l10n.t('"observed_at" must be a string: an ISO 8601 time with a time zone, or leave it out.');
  if (event.add_client_ip !== undefined && typeof event.add_client_ip !== 'boolean') return vscode.l10n.t('"add_client_ip" must be true or false.');
  const extra = Object.keys(event).filter((k) => !FIELDS.includes(k));
  if (extra.length > 0) return vscode.l10n.t('Unknown field {0}: an event has only event_data, observed_at and add_client_ip.', extra.map((k) => `"${k}"`).join(', '));
  return undefined;
}
