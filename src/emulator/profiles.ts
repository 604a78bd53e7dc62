// Server profiles: one per row of SPEC section 2's latitude table, plus the events answers' shape and the status
// of a disabled user's refusal (section 7), each a way a real Medium One server may answer where the documents
// leave room. The product must be right on every one, so every suite can run against any
// of them (or several at once: `independent` is the "second server" CI runs the extension against).
import type { RuntimeSettings } from './types';

export interface EmulatorProfile {
  /** One line, shown by `npm run emulator -- --help` and in the README. */
  description: string;
  settings: RuntimeSettings;
}

const base = {
  objects: { description: 'GET /v2/users answers user objects (the default server)', settings: { listing: 'objects' } },
  'login-ids': { description: 'GET /v2/users answers bare login_id strings; each state comes from GET /v2/users/<id>', settings: { listing: 'loginIds' } },
  'no-list-404': { description: 'no list call: GET /v2/users answers 404', settings: { listing: 'unsupported' } },
  'no-list-405': { description: 'no list call: GET /v2/users answers 405 with Allow: POST', settings: { listing: 'notAllowed' } },
  'exists-400': { description: 'creating an existing login_id answers 400 (default 403)', settings: { existsStatus: 400 } },
  'unknown-403': { description: 'GET/PATCH/DELETE of an unknown login_id answers 403 (default 404)', settings: { unknownUserStatus: 403 } },
  'several-cookies': {
    description: 'login sets a session cookie and an m1_csrf token cookie; a call without both answers 401',
    settings: { cookies: 'several' },
  },
  'short-sessions': { description: 'a session ends after 3 calls (the 4th answers 401)', settings: { sessionMaxCalls: 3 } },
  'expiring-sessions': { description: 'a session ends 3 seconds after login', settings: { sessionTtlMs: 3000 } },
  'accepted-202': {
    description: 'every other create answers 202 (1st, 3rd, …); the user appears 0.5 s later',
    settings: { acceptedCreation: { delayMs: 500, share: 0.5 } },
  },
  'no-retry-after': { description: '429 and 503 answers never carry Retry-After', settings: { retryAfter: false } },
  'errors-text': { description: 'error bodies are the reason as plain text (the default)', settings: { errorBodies: 'text' } },
  'errors-json': { description: 'error bodies are JSON: {"error": reason, "status": code}', settings: { errorBodies: 'json' } },
  'errors-empty': { description: 'error answers have no body at all', settings: { errorBodies: 'empty' } },
  'errors-html': { description: 'error bodies are an HTML error page', settings: { errorBodies: 'html' } },
  'events-wrapped': {
    description: 'events answers are objects: GET /v2/events {"events": [...]}, POST {"created": n} (default: an array, a number)',
    settings: { eventsAnswers: 'wrapped' },
  },
  'events-refuse-400': { description: 'an event POST for a disabled user answers 400 (default 403)', settings: { disabledStatus: 400 } },
} satisfies Record<string, EmulatorProfile>;

/** The parts of `independent`, in the order they are shown. */
const INDEPENDENT = [
  'login-ids', 'several-cookies', 'accepted-202', 'short-sessions', 'exists-400', 'unknown-403', 'no-retry-after', 'errors-html',
  'events-wrapped', 'events-refuse-400',
] as const;

export const emulatorProfiles: Readonly<Record<string, Readonly<EmulatorProfile>>> = deepFreeze({
  ...base,
  independent: {
    description: `a server unlike the default in every way at once: ${INDEPENDENT.join(' + ')}`,
    settings: merge(base, [...INDEPENDENT]),
  },
});

/** Every setting some profile sets: applying profiles clears these first, so no earlier profile lingers. */
export const PROFILE_KEYS: readonly (keyof RuntimeSettings)[] = [
  ...new Set(Object.values(base).flatMap((p) => Object.keys(p.settings) as (keyof RuntimeSettings)[])),
];

/** Every profile setting cleared (each key present, undefined): what `configure` needs to forget them. */
export const withoutProfileSettings = (): RuntimeSettings => Object.fromEntries(PROFILE_KEYS.map((k) => [k, undefined]));

/**
 * The settings of one or more profiles merged ("a,b", ["a", "b"] or both). Throws, naming the valid
 * profiles, on an unknown name, and on two profiles that set one setting differently (`login-ids,no-list-404`):
 * a combination means all of its parts, never "the last one wins".
 */
export function profileSettings(names: string | string[]): RuntimeSettings {
  const list = (Array.isArray(names) ? names : [names]).flatMap((n) => n.split(',')).map((n) => n.trim()).filter((n) => n !== '');
  const unknown = list.find((n) => !Object.prototype.hasOwnProperty.call(emulatorProfiles, n));
  if (unknown !== undefined) {
    throw new Error(`Unknown emulator profile "${unknown}". Valid profiles: ${Object.keys(emulatorProfiles).join(', ')}.`);
  }
  return merge(emulatorProfiles, list);
}

function merge(table: Readonly<Record<string, EmulatorProfile>>, names: string[]): RuntimeSettings {
  const merged: Record<string, unknown> = {};
  const setBy: Record<string, string> = {};
  for (const name of names) {
    const { settings } = table[name];
    for (const [key, value] of Object.entries(settings)) {
      if (key in merged && JSON.stringify(merged[key]) !== JSON.stringify(value)) {
        throw new Error(`Emulator profiles "${setBy[key]}" and "${name}" disagree on ${key}: pick one of them.`);
      }
      merged[key] = structuredClone(value); // the caller may change what it gets; the table stays as it is
      setBy[key] = name;
    }
  }
  return merged;
}

/** The table is shared by every caller in the process (tests, the sandbox): nobody may change it for the others. */
function deepFreeze<T extends object>(value: T): T {
  for (const v of Object.values(value)) if (typeof v === 'object' && v !== null) deepFreeze(v as object);
  return Object.freeze(value);
}
