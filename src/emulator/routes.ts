import type { IncomingMessage } from 'http';
import type { PasswordRule, RouteKey } from './types';
import type { ApiContext, Caller, Effective } from './apiContext';
import { json, readJson, text, unknownUserReply, INVALID, type Reply } from './http';
import { matchEventRoute, type EventRoute } from './eventRoutes';
import { publicUser, type ProjectState } from './state';
import { SESSION_COOKIE, TOKEN_COOKIE } from './sessions';

export type { ApiContext, Caller } from './apiContext';


/**
 * Which documented route a request is, from the raw (still percent-encoded) path. A server without the list
 * call (`listing` unsupported or notAllowed) has no such route, so it answers so before looking at the session.
 */
export function matchRoute(method: string, rawPath: string, listing: Effective['listing'] = 'objects'): { key: RouteKey; loginId?: string } | EventRoute | { error: Reply } {
  const parts = rawPath.split('/');
  if (parts[1] !== 'v2') return { error: text(404, 'Not found') };
  if (parts[2] === 'events') return matchEventRoute(method, parts);
  if (parts[2] === 'login' && parts.length === 3) {
    return method === 'POST' ? { key: 'POST /v2/login' } : { error: notAllowed('POST') };
  }
  if (parts[2] !== 'users' || parts.length > 4) return { error: text(404, 'Not found') };
  if (parts.length === 3 || parts[3] === '') {
    const canList = listing === 'objects' || listing === 'loginIds';
    if (method === 'GET' && canList) return { key: 'GET /v2/users' };
    if (method === 'POST') return { key: 'POST /v2/users' };
    if (listing === 'unsupported' && method === 'GET') return { error: text(404, 'Not found') };
    return { error: notAllowed(canList ? 'GET, POST' : 'POST') };
  }
  let loginId: string;
  try {
    loginId = decodeURIComponent(parts[3]);
  } catch {
    return { error: text(400, 'the login_id in the path is not valid percent-encoding') };
  }
  if (method === 'GET' || method === 'PATCH' || method === 'DELETE') return { key: `${method} /v2/users/:id`, loginId };
  return { error: notAllowed('GET, PATCH, DELETE') };
}

/** RFC 9110 §15.5.6: a 405 must list the methods the resource supports. */
const notAllowed = (allow: string): Reply => text(405, 'Method not allowed', { Allow: allow });


/** Runs one documented call, with the roles and statuses of crud-basic-users.txt. */
export async function runApi(ctx: ApiContext, key: RouteKey, loginId: string | undefined, req: IncomingMessage, caller: Caller): Promise<Reply> {
  if (key === 'POST /v2/login') return login(ctx, await readJson(req));
  const { session, project } = caller;
  if (!session || !project) return text(401, 'no logged in user (log in with POST /v2/login first)');
  const role = session.role;
  switch (key) {
    case 'GET /v2/users': {
      if (role !== 'business') return text(403, 'only Business users may list users');
      const listing = ctx.settings().listing;
      const users = [...project.users.values()].sort((a, b) => (a.loginId < b.loginId ? -1 : a.loginId > b.loginId ? 1 : 0));
      return json(200, listing === 'loginIds' ? users.map((u) => u.loginId) : users.map((u) => wire(publicUser(u))));
    }
    case 'POST /v2/users':
      if (role === 'basic') return text(401, 'a Basic user may not create users');
      return create(ctx, project, await readJson(req));
    case 'GET /v2/users/:id': {
      if (role === 'registration') return text(403, 'a Registration user may not read users');
      if (role === 'basic' && loginId !== session.loginId) return text(403, "a Basic user may read only its own data");
      const user = project.users.get(loginId!);
      return user ? json(200, wire(publicUser(user))) : unknownUser(ctx, loginId!);
    }
    case 'PATCH /v2/users/:id': {
      if (role === 'registration') return text(401, 'a Registration user may not update users');
      if (role === 'basic' && loginId !== session.loginId) return text(401, 'a Basic user may update only itself');
      const user = project.users.get(loginId!);
      if (!user) return unknownUser(ctx, loginId!);
      return update(ctx, project, user.loginId, await readJson(req));
    }
    case 'DELETE /v2/users/:id': {
      if (role !== 'business') return text(403, 'only Business users may delete users');
      if (!project.users.delete(loginId!)) return unknownUser(ctx, loginId!);
      ctx.events.removeUser(project.name, loginId!);
      ctx.state.save();
      return { status: 204 };
    }
    default:
      return text(404, 'Not found');
  }
}

const unknownUser = (ctx: ApiContext, loginId: string): Reply => unknownUserReply(ctx.settings().unknownUserStatus, loginId);

/** The wire shape of the reference: {"disabled", "login_id", "user_data", "mqtt_id"}. */
const wire = (u: ReturnType<typeof publicUser>) => ({ disabled: u.disabled, login_id: u.loginId, user_data: u.userData, mqtt_id: u.mqttId });

function login(ctx: ApiContext, body: unknown): Reply {
  if (body === INVALID || !isRecord(body)) return text(400, 'expected a JSON body with login_id, password and api_key');
  const { login_id: loginId, password, api_key: apiKey } = body;
  if (!nonEmpty(loginId) || typeof password !== 'string' || !nonEmpty(apiKey)) {
    return text(400, 'login_id, password and api_key are required');
  }
  const project = ctx.state.byApiKey(apiKey);
  if (!project) return text(401, 'invalid api_key');
  const lockKey = `${project.name}\u0000${loginId}`;
  const settings = ctx.settings();
  const lockedMs = ctx.sessions.lockedFor(lockKey);
  if (lockedMs > 0) {
    return text(403, `account locked after too many failed logins; try again in ${Math.ceil(lockedMs / 1000)} s`);
  }
  const admin = project.admins.get(loginId);
  const basic = project.users.get(loginId);
  const account = admin ?? (basic && { password: basic.password, role: 'basic' as const });
  if (!account || account.password !== password) {
    if (account) ctx.sessions.recordFailure(lockKey, settings.lockout.maxAttempts, settings.lockout.lockMs);
    return text(401, 'invalid login_id or password');
  }
  ctx.sessions.recordSuccess(lockKey);
  const { id, token } = ctx.sessions.create(project.name, loginId, account.role, settings.sessionTtlMs, settings.sessionMaxCalls);
  const maxAge = Math.max(1, Math.floor(settings.sessionTtlMs / 1000));
  const session = `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; Max-Age=${maxAge}`;
  // A CSRF-style token is readable by the page (no HttpOnly), as such tokens are; the API wants it back as a cookie.
  const cookies = settings.cookies === 'several' ? [session, `${TOKEN_COOKIE}=${token}; Path=/; SameSite=Strict; Max-Age=${maxAge}`] : session;
  return json(200, true, { 'Set-Cookie': cookies });
}

function create(ctx: ApiContext, project: ProjectState, body: unknown): Reply {
  if (body === INVALID || !isRecord(body)) return text(400, 'expected a JSON body with login_id and password');
  const { login_id: loginId, password } = body;
  if (!nonEmpty(loginId) || typeof password !== 'string') return text(400, 'login_id and password are required');
  const pendingKey = `${project.name}\u0000${loginId}`;
  if (project.users.has(loginId) || project.admins.has(loginId) || ctx.pending.has(pendingKey)) {
    // The two documented answers, worded differently on purpose: a client must not depend on one phrase.
    return ctx.settings().existsStatus === 400
      ? text(400, `login_id "${loginId}" is already in use`)
      : text(403, `the user "${loginId}" already exists`);
  }
  const weak = checkPassword(ctx.settings().passwordRule, password);
  if (weak) return text(400, `${weak}`);
  const delayMs = ctx.acceptCreate();
  if (delayMs !== undefined) {
    ctx.pending.add(pendingKey);
    ctx.schedule(delayMs, () => {
      ctx.pending.delete(pendingKey);
      if (ctx.state.project(project.name)) ctx.state.putUser(project.name, { loginId, password });
    });
    return json(202, { login_id: loginId });
  }
  ctx.state.putUser(project.name, { loginId, password });
  return json(200, { login_id: loginId });
}

function update(ctx: ApiContext, project: ProjectState, loginId: string, body: unknown): Reply {
  if (body === INVALID || !isRecord(body)) return text(400, 'expected a JSON body with password and/or disabled');
  const { password, disabled } = body;
  if ((password === undefined && disabled === undefined) || (password !== undefined && typeof password !== 'string') ||
      (disabled !== undefined && typeof disabled !== 'boolean')) {
    return text(400, 'give a string password and/or a boolean disabled');
  }
  if (typeof password === 'string') {
    const weak = checkPassword(ctx.settings().passwordRule, password);
    if (weak) return text(400, `${weak}`);
  }
  const user = project.users.get(loginId)!;
  const updated: string[] = [];
  if (typeof password === 'string') {
    user.password = password;
    updated.push('password');
  }
  if (typeof disabled === 'boolean') {
    user.disabled = disabled;
    updated.push('disabled');
  }
  ctx.state.save();
  return json(200, updated);
}

export function checkPassword(rule: PasswordRule, password: string): string | undefined {
  const fails = password.length < rule.minLength || (rule.pattern !== undefined && !new RegExp(rule.pattern).test(password));
  return fails ? rule.message ?? `the password did not meet minimum complexity requirements (at least ${rule.minLength} characters)` : undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
