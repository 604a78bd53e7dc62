/*
 * The loopback-only control route, for tests and tools in other processes (the end-to-end suite drives
 * the emulator behind the extension's back through it). Every request must send `X-Emulator-Control: 1`
 * and a loopback Host (so a web page cannot drive it). Every route answers JSON:
 *
 *   GET    /__emulator/state                          projects (name, mqttId) and users (no passwords)
 *   GET    /__emulator/events/<project>/<login_id>[/<stream>]  the user's events in a stream (default raw), in
 *                                                     the order received: [{eventData, observedAt, receivedAt, sequence}]
 *   GET    /__emulator/calls                          the API calls seen
 *   PUT    /__emulator/settings                       RuntimeSettings JSON, merged (a key set to null clears it)
 *   PUT    /__emulator/profile                        {"profiles": ["login-ids", …]} or {"profile": "a,b"}: become
 *                                                     the server these profiles describe (see profiles.ts)
 *   POST   /__emulator/expire-sessions                every session ends now
 *   POST   /__emulator/clear-lockouts
 *   POST   /__emulator/reset                          optional EmulatorSeed body (default: the start seed)
 *   PUT    /__emulator/users/<project>/<login_id>     {password?, disabled?, mqttId?, userData?}: create or replace
 *   PATCH  /__emulator/users/<project>/<login_id>     {password?, disabled?}: change behind the client's back
 *   DELETE /__emulator/users/<project>/<login_id>
 *
 * <project> is the project name, both segments percent-encoded. Changes answer the user (or `true`).
 * Failures: 400 bad JSON, unknown keys or wrong types (settings and seeds are checked, never half-applied);
 * 404 unknown project, user or route; 405 another method on users/…; 403 not loopback or no header.
 */
import type { IncomingMessage } from 'http';
import type { Emulator } from './types';
import { json, readJson, text, INVALID, type Reply } from './http';
import { checkSeed, checkSettings } from './validate';

export async function runControl(emulator: Emulator, snapshot: () => unknown, method: string, rawPath: string, req: IncomingMessage): Promise<Reply> {
  let parts: string[];
  try {
    parts = rawPath.split('/').slice(2).map((p) => decodeURIComponent(p));
  } catch {
    return text(400, 'Bad request: the path is not valid percent-encoding');
  }
  const body = method === 'GET' || method === 'DELETE' ? undefined : await readJson(req);
  if (body === INVALID) return text(400, 'Bad request: invalid JSON');
  const route = `${method} ${parts[0] ?? ''}`;
  switch (route) {
    case 'GET state':
      return json(200, snapshot());
    case 'GET calls':
      return json(200, emulator.calls());
    case 'PUT settings':
      return attempt(400, () => emulator.configure(checkSettings(withoutNulls(body))));
    case 'PUT profile':
      return attempt(400, () => emulator.useProfiles(profileNames(body)));
    case 'POST expire-sessions':
      emulator.expireSessions();
      return json(200, true);
    case 'POST clear-lockouts':
      emulator.clearLockouts();
      return json(200, true);
    case 'POST reset':
      // Checked before anything is reset, so a bad seed leaves the emulator as it was.
      return attempt(400, () => emulator.reset(body === undefined ? undefined : checkSeed(body, 'body')));
  }
  if (parts[0] === 'events' && (parts.length === 3 || parts.length === 4)) {
    if (method !== 'GET') return text(405, 'Method not allowed', { Allow: 'GET' });
    const [, project, loginId, stream] = parts;
    try {
      return json(200, emulator.events(project, loginId, stream || undefined));
    } catch (e) {
      return text(404, e instanceof Error ? e.message : String(e));
    }
  }
  if (parts[0] === 'users' && parts.length === 3) {
    const [, project, loginId] = parts;
    if (method !== 'PUT' && method !== 'PATCH' && method !== 'DELETE') return text(405, 'Method not allowed', { Allow: 'PUT, PATCH, DELETE' });
    const input = method === 'DELETE' ? {} : userInput(body, method === 'PATCH');
    if (typeof input === 'string') return text(400, input);
    const reply = attempt(404, () => {
      if (method === 'DELETE') return emulator.removeUser(project, loginId);
      const current = emulator.getUser(project, loginId);
      if (method === 'PUT') {
        emulator.putUser(project, { loginId, password: input.password ?? 'Device-pass-1', ...definedOnly(input) });
      } else if (!current) {
        throw new Error(`The emulator has no user "${loginId}" in "${project}".`);
      } else {
        // A password change keeps the user's mqtt_id and data, as the real service would.
        if (input.password !== undefined) emulator.putUser(project, { ...current, password: input.password });
        if (input.disabled !== undefined) emulator.setDisabled(project, loginId, input.disabled);
      }
    });
    return reply.status === 200 ? json(200, emulator.getUser(project, loginId) ?? true) : reply;
  }
  return text(404, 'Unknown control route');
}

/** The names in a PUT profile body, or an Error saying what the body should be. */
function profileNames(body: unknown): string[] {
  const b = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const keys = Object.keys(b);
  const names = keys.length === 1 ? (keys[0] === 'profiles' ? b.profiles : keys[0] === 'profile' ? [b.profile] : undefined) : undefined;
  if (!Array.isArray(names) || !names.every((n): n is string => typeof n === 'string')) {
    throw new Error('expected {"profiles": ["name", …]} or {"profile": "name"}');
  }
  return names;
}

/** JSON has no undefined: a key sent as null means "clear this setting". */
function withoutNulls(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, v === null ? undefined : v]));
}

/** Runs a change; an Error becomes `status` with its message (bad settings: 400, unknown project or user: 404). */
function attempt(status: number, change: () => void): Reply {
  try {
    change();
    return json(200, true);
  } catch (e) {
    return text(status, e instanceof Error ? e.message : String(e));
  }
}

interface UserInput {
  password?: string;
  disabled?: boolean;
  mqttId?: string;
  userData?: Record<string, unknown>;
}

/** The body of PUT/PATCH users/…, or the reason it is refused. PATCH takes only password and/or disabled. */
function userInput(body: unknown, patch: boolean): UserInput | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'expected a JSON object body';
  const b = body as Record<string, unknown>;
  const known = patch ? ['password', 'disabled'] : ['password', 'disabled', 'mqttId', 'userData'];
  const unknown = Object.keys(b).find((k) => !known.includes(k));
  if (unknown) return `unknown field "${unknown}" (known: ${known.join(', ')})`;
  if (b.password !== undefined && typeof b.password !== 'string') return 'password must be a string';
  if (b.disabled !== undefined && typeof b.disabled !== 'boolean') return 'disabled must be a boolean';
  if (b.mqttId !== undefined && (typeof b.mqttId !== 'string' || b.mqttId === '')) return 'mqttId must be a non-empty string';
  if (b.userData !== undefined && (typeof b.userData !== 'object' || b.userData === null || Array.isArray(b.userData))) return 'userData must be an object';
  if (patch && b.password === undefined && b.disabled === undefined) return 'give password and/or disabled';
  return b;
}

const definedOnly = (input: UserInput): UserInput =>
  Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
