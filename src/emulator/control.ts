/*
 * The loopback-only control route, for tests and tools in other processes (the end-to-end suite drives
 * the emulator behind the extension's back through it). Every request must send `X-Emulator-Control: 1`
 * and a loopback Host (so a web page cannot drive it). Every route answers JSON:
 *
 *   GET    /__emulator/state                          projects and users (no passwords)
 *   GET    /__emulator/calls                          the API calls seen
 *   PUT    /__emulator/settings                       RuntimeSettings JSON, merged (a key set to null clears it)
 *   POST   /__emulator/expire-sessions                every session ends now
 *   POST   /__emulator/clear-lockouts
 *   POST   /__emulator/reset                          optional EmulatorSeed body (default: the start seed)
 *   PUT    /__emulator/users/<project>/<login_id>     {password, disabled?, userData?}: create or replace
 *   PATCH  /__emulator/users/<project>/<login_id>     {disabled}: enable or disable
 *   DELETE /__emulator/users/<project>/<login_id>
 */
import type { IncomingMessage } from 'http';
import type { Emulator, EmulatorSeed } from './types';
import { json, readJson, text, INVALID, type Reply } from './http';

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
      emulator.configure(withoutNulls(body));
      return json(200, true);
    case 'POST expire-sessions':
      emulator.expireSessions();
      return json(200, true);
    case 'POST clear-lockouts':
      emulator.clearLockouts();
      return json(200, true);
    case 'POST reset':
      emulator.reset(body as EmulatorSeed | undefined);
      return json(200, true);
  }
  if (parts[0] === 'users' && parts.length === 3) {
    const [, project, loginId] = parts;
    const input = (body ?? {}) as { password?: string; disabled?: boolean; userData?: Record<string, unknown> };
    try {
      if (method === 'PUT') emulator.putUser(project, { loginId, password: input.password ?? 'Device-pass-1', disabled: input.disabled, userData: input.userData });
      else if (method === 'PATCH') emulator.setDisabled(project, loginId, Boolean(input.disabled));
      else if (method === 'DELETE') emulator.removeUser(project, loginId);
      else return text(405, 'Method not allowed');
    } catch (e) {
      return text(404, e instanceof Error ? e.message : String(e));
    }
    return json(200, emulator.getUser(project, loginId) ?? true);
  }
  return text(404, 'Unknown control route');
}

/** JSON has no undefined: a key sent as null means "clear this setting". */
function withoutNulls(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null) return {};
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, v === null ? undefined : v]));
}
