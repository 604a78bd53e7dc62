// Runtime checks for what reaches the emulator from outside the type system: settings sent to the control
// route, seeds read from files (--seed, the persist file) or posted to reset. A typo such as `{"fault": …}`
// must fail loudly with the path of the bad value, not be merged and silently ignored (a test would then
// "pass" without its fault ever firing).
import type { EmulatorSeed, FaultKind, RouteKey, RuntimeSettings } from './types';

const ROUTE_KEYS: readonly RouteKey[] = [
  '*', 'POST /v2/login', 'GET /v2/users', 'POST /v2/users', 'GET /v2/users/:id', 'PATCH /v2/users/:id', 'DELETE /v2/users/:id',
  'POST /v2/events/:stream/:id', 'GET /v2/events/:stream/:id',
];
const FAULT_KINDS: readonly FaultKind[] = ['status429', 'status500', 'status503', 'drop', 'dropAfter', 'malformedJson'];
/** Every key RuntimeSettings has, as the checks below know them. */
export const SETTING_KEYS: readonly (keyof RuntimeSettings)[] = [
  'sessionTtlMs', 'lockout', 'passwordRule', 'acceptedCreation', 'rateLimit', 'faults', 'listing',
  'existsStatus', 'unknownUserStatus', 'cookies', 'sessionMaxCalls', 'retryAfter', 'errorBodies', 'eventsAnswers', 'disabledStatus',
];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(path: string, expected: string, value: unknown): never {
  const shown = typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value)); // NaN, not null
  throw new Error(`${path} must be ${expected}, not ${shown}`);
}

function obj(v: unknown, path: string, allowed?: readonly string[]): Obj {
  if (!isObj(v)) fail(path, 'an object', v);
  const unknown = allowed && Object.keys(v).find((k) => !allowed.includes(k));
  if (unknown) throw new Error(`${path} has an unknown key "${unknown}" (known: ${allowed.join(', ')})`);
  return v;
}

function num(v: unknown, path: string, min: number, max = Infinity, integer = false): void {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
    fail(path, `${integer ? 'an integer' : 'a number'} ${max === Infinity ? `>= ${min}` : `from ${min} to ${max}`}`, v);
  }
}

const optional = (o: Obj, key: string, check: (v: unknown, path: string) => void, path: string) => {
  if (o[key] !== undefined) check(o[key], `${path}.${key}`);
};

function str(v: unknown, path: string, nonEmpty = false): asserts v is string {
  if (typeof v !== 'string' || (nonEmpty && v === '')) fail(path, nonEmpty ? 'a non-empty string' : 'a string', v);
}

/** Checks settings before they are merged; a key present with `undefined` (in process) means "clear it". */
export function checkSettings(value: unknown): RuntimeSettings {
  const s = obj(value, 'settings', SETTING_KEYS);
  optional(s, 'sessionTtlMs', (v, p) => num(v, p, 1), 'settings');
  optional(s, 'lockout', (v, p) => {
    const o = obj(v, p, ['maxAttempts', 'lockMs']);
    num(o.maxAttempts, `${p}.maxAttempts`, 1, Infinity, true);
    num(o.lockMs, `${p}.lockMs`, 0);
  }, 'settings');
  optional(s, 'passwordRule', (v, p) => {
    const o = obj(v, p, ['minLength', 'pattern', 'message']);
    num(o.minLength, `${p}.minLength`, 0, Infinity, true);
    optional(o, 'pattern', (pv, pp) => {
      str(pv, pp);
      try {
        new RegExp(pv);
      } catch {
        fail(pp, 'a valid regular expression', pv);
      }
    }, p);
    optional(o, 'message', (mv, mp) => str(mv, mp, true), p);
  }, 'settings');
  optional(s, 'acceptedCreation', (v, p) => {
    const o = obj(v, p, ['delayMs', 'share']);
    num(o.delayMs, `${p}.delayMs`, 0);
    optional(o, 'share', (x, xp) => num(x, xp, 0, 1), p);
  }, 'settings');
  optional(s, 'rateLimit', (v, p) => {
    const o = obj(v, p, ['requests', 'windowMs']);
    num(o.requests, `${p}.requests`, 0, Infinity, true);
    num(o.windowMs, `${p}.windowMs`, 1);
  }, 'settings');
  optional(s, 'faults', checkFaults, 'settings');
  optional(s, 'listing', oneOf(['objects', 'loginIds', 'unsupported', 'notAllowed']), 'settings');
  optional(s, 'existsStatus', oneOf([400, 403]), 'settings');
  optional(s, 'unknownUserStatus', oneOf([403, 404]), 'settings');
  optional(s, 'cookies', oneOf(['single', 'several']), 'settings');
  optional(s, 'sessionMaxCalls', (v, p) => num(v, p, 1, Infinity, true), 'settings');
  optional(s, 'retryAfter', oneOf([true, false]), 'settings');
  optional(s, 'errorBodies', oneOf(['json', 'text', 'empty', 'html']), 'settings');
  optional(s, 'eventsAnswers', oneOf(['bare', 'wrapped']), 'settings');
  optional(s, 'disabledStatus', oneOf([400, 401, 403]), 'settings');
  return s;
}

const oneOf = (values: readonly (string | number | boolean)[]) => (v: unknown, path: string) => {
  if (!(values as readonly unknown[]).includes(v)) fail(path, `one of ${values.map((x) => JSON.stringify(x)).join(', ')}`, v);
};

function checkFaults(v: unknown, p: string): void {
  const f = obj(v, p, ['latencyMs', 'jitterMs', 'routes', 'retryAfterSeconds', 'randomSeed']);
  optional(f, 'latencyMs', (x, xp) => num(x, xp, 0), p);
  optional(f, 'jitterMs', (x, xp) => num(x, xp, 0), p);
  optional(f, 'retryAfterSeconds', (x, xp) => num(x, xp, 0, Infinity, true), p);
  optional(f, 'randomSeed', (x, xp) => num(x, xp, -Infinity), p);
  optional(f, 'routes', (routes, rp) => {
    for (const [route, table] of Object.entries(obj(routes, rp, ROUTE_KEYS))) {
      for (const [kind, probability] of Object.entries(obj(table, `${rp}["${route}"]`, FAULT_KINDS))) {
        num(probability, `${rp}["${route}"].${kind}`, 0, 1);
      }
    }
  }, p);
}

/** Checks a seed's shape and that api keys and login_ids are unique where the service needs them to be. */
export function checkSeed(value: unknown, source: string): EmulatorSeed {
  const seed = obj(value, source);
  if (!Array.isArray(seed.projects)) fail(`${source}.projects`, 'an array', seed.projects);
  const names = new Set<string>();
  const apiKeys = new Set<string>();
  seed.projects.forEach((raw: unknown, i) => {
    const p = `${source}.projects[${i}]`;
    const project = obj(raw, p);
    str(project.name, `${p}.name`, true);
    optional(project, 'mqttId', (v, vp) => str(v, vp, true), p);
    if (names.has(project.name)) throw new Error(`${p}.name "${project.name}" is used by another project`);
    names.add(project.name);
    list(project.apiKeys, `${p}.apiKeys`).forEach((key, k) => {
      str(key, `${p}.apiKeys[${k}]`, true);
      if (apiKeys.has(key)) throw new Error(`${p}.apiKeys[${k}] "${key}" is used by another project (login picks the project by api_key)`);
      apiKeys.add(key);
    });
    const loginIds = new Set<string>();
    const account = (a: Obj, ap: string) => {
      str(a.loginId, `${ap}.loginId`, true);
      str(a.password, `${ap}.password`);
      if (loginIds.has(a.loginId)) throw new Error(`${ap}.loginId "${a.loginId}" appears twice in the project`);
      loginIds.add(a.loginId);
    };
    list(project.admins, `${p}.admins`).forEach((raw2, k) => {
      const a = obj(raw2, `${p}.admins[${k}]`);
      account(a, `${p}.admins[${k}]`);
      if (a.role !== 'business' && a.role !== 'registration') fail(`${p}.admins[${k}].role`, '"business" or "registration"', a.role);
    });
    list(project.users, `${p}.users`).forEach((raw2, k) => {
      const up = `${p}.users[${k}]`;
      const u = obj(raw2, up);
      account(u, up);
      if (u.disabled !== undefined && typeof u.disabled !== 'boolean') fail(`${up}.disabled`, 'a boolean', u.disabled);
      optional(u, 'mqttId', (v, vp) => str(v, vp, true), up);
      optional(u, 'userData', (v, vp) => obj(v, vp), up);
    });
  });
  return value as EmulatorSeed;
}

function list(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) fail(path, 'an array', v);
  return v;
}
