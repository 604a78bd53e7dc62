import type { EventRowView } from '../protocol/userDetails';

// How the Recent Events section shows events: times for the reader's language, data as JSON cut to a preview.
// Pure (no `vscode`: the language is passed in) so unit tests check it under Node.

/** What the table needs of an event (the API client's ReceivedEvent has these and more). */
export interface EventLike {
  data: unknown;
  observedAt?: string;
  receivedAt?: string;
}

/** A cell shows at most this much data; the whole JSON is one click away. */
export const DATA_PREVIEW = { chars: 400, lines: 10 } as const;

/** `lang` when Intl knows it (VS Code may report a pseudo-locale such as qps-ploc), else English. */
function locale(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

const parse = (iso: string | undefined): number | undefined => {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
};

/** A server time for the reader (date and time in their language, their zone); a time that does not parse as sent. */
export function formatTime(iso: string, lang: string): string {
  const ms = parse(iso);
  if (ms === undefined) return iso;
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'medium' }).format(ms);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Infinity],
];

/** "5 minutes ago", "yesterday", "in 2 hours" (a device clock ahead of ours): the largest unit that fits. */
export function relativeTime(thenMs: number, nowMs: number, lang: string): string {
  const format = new Intl.RelativeTimeFormat(locale(lang), { numeric: 'auto' });
  let amount = (thenMs - nowMs) / 1000;
  for (const [unit, perNext] of UNITS) {
    // Rounded first, so 59.6 seconds reads "1 minute ago", not "60 seconds ago".
    if (Math.abs(Math.round(amount)) < perNext) return format.format(Math.round(amount), unit);
    amount /= perNext;
  }
  return format.format(Math.round(amount), 'year');
}

/** The data as indented JSON; past DATA_PREVIEW, a preview ending in "…" plus the whole text. */
export function dataText(data: unknown): { data: string; full?: string } {
  // Parsed JSON always stringifies; undefined (no data) shows as nothing.
  const text = JSON.stringify(data, null, 2) ?? '';
  const lines = text.split('\n');
  if (text.length <= DATA_PREVIEW.chars && lines.length <= DATA_PREVIEW.lines) return { data: text };
  const preview = lines.slice(0, DATA_PREVIEW.lines).join('\n').slice(0, DATA_PREVIEW.chars);
  return { data: `${preview}…`, full: text };
}

export function eventRows(events: readonly EventLike[], lang: string): EventRowView[] {
  return events.map((e) => ({
    // An event without an observed time (the server did not send one) still shows its received time, or nothing.
    observed: e.observedAt ? formatTime(e.observedAt, lang) : '',
    observedIso: e.observedAt,
    received: e.receivedAt ? formatTime(e.receivedAt, lang) : undefined,
    receivedIso: e.receivedAt,
    ...dataText(e.data),
  }));
}

/**
 * The newest time any event carries (observed, else received): "last seen". Computed, not taken from the first
 * row, since a server may sort by another time than the one it shows.
 */
export function newestTime(events: readonly EventLike[]): string | undefined {
  let best: { iso: string; ms: number } | undefined;
  for (const e of events) {
    const iso = e.observedAt ?? e.receivedAt;
    const ms = parse(iso);
    if (iso && ms !== undefined && (!best || ms > best.ms)) best = { iso, ms };
  }
  return best?.iso;
}
