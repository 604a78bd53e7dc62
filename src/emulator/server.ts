import * as http from 'http';
import type { AddressInfo, Socket } from 'net';
import type { CallRecord, Emulator, EmulatorOptions, EmulatorSeed, RuntimeSettings } from './types';
import { EmulatorState, publicUser } from './state';
import { Sessions, readCookie, SESSION_COOKIE } from './sessions';
import { shapeError } from './errorBodies';
import { profileSettings, withoutProfileSettings } from './profiles';
import { FaultInjector } from './faults';
import { RateLimiter } from './rateLimit';
import { CONTROL_HEADER, isLoopbackAddress, isLoopbackHost, send, text, type Reply } from './http';
import { matchRoute, runApi, type ApiContext } from './routes';
import { runControl } from './control';
import { defaultSeed } from './seed';
import { checkSettings, SETTING_KEYS } from './validate';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Starts the emulator on loopback. Port 0 (default) picks a free port. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? '127.0.0.1';
  // It serves a sandbox with well-known passwords and a control route: never reachable from another machine.
  if (host !== 'localhost' && !isLoopbackAddress(host)) {
    throw new Error(`The emulator listens on loopback only (127.0.0.0/8, ::1 or localhost), not "${host}".`);
  }
  const startSeed = options.seed ?? defaultSeed();
  const state = new EmulatorState(startSeed, options.persistPath);
  const sessions = new Sessions();
  const faults = new FaultInjector();
  const limiter = new RateLimiter();
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  const pending = new Set<string>();
  let records: CallRecord[] = [];
  let settings: RuntimeSettings = {};
  /** Creates that reached the 202-or-200 decision since acceptedCreation was last set: the share is spread over them. */
  let creates = 0;

  const configure = (next: RuntimeSettings) => {
    settings = { ...settings, ...checkSettings(next) };
    if ('faults' in next) faults.configure(next.faults);
    if ('rateLimit' in next) limiter.configure(next.rateLimit);
    if ('acceptedCreation' in next) creates = 0;
  };
  const initialSettings = Object.fromEntries(SETTING_KEYS.map((k) => [k, options[k]])) as RuntimeSettings;
  configure(initialSettings);

  const ctx: ApiContext = {
    state,
    sessions,
    pending,
    settings: () => ({
      sessionTtlMs: settings.sessionTtlMs ?? DAY_MS,
      lockout: settings.lockout ?? { maxAttempts: 5, lockMs: 5 * 60 * 1000 },
      passwordRule: settings.passwordRule ?? { minLength: 6 },
      listing: settings.listing ?? 'objects',
      existsStatus: settings.existsStatus ?? 403,
      unknownUserStatus: settings.unknownUserStatus ?? 404,
      cookies: settings.cookies ?? 'single',
      sessionMaxCalls: settings.sessionMaxCalls,
    }),
    acceptCreate: () => {
      const accepted = settings.acceptedCreation;
      if (!accepted) return undefined;
      // Deterministic spread: the k-th create is 202 when ceil(k × share) steps up (share 0.5: 1st, 3rd, 5th…).
      const share = accepted.share ?? 1;
      creates += 1;
      return Math.ceil(creates * share) > Math.ceil((creates - 1) * share) ? accepted.delayMs : undefined;
    },
    schedule: (ms, fn) => {
      const t = setTimeout(() => {
        timers.delete(t);
        fn();
      }, ms);
      timers.add(t);
    },
  };

  const cancelTimers = () => {
    for (const t of timers) clearTimeout(t);
    timers.clear();
  };

  const snapshot = () => ({
    projects: state.all().map((p) => ({ name: p.name, users: [...p.users.values()].map(publicUser) })),
  });

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const started = Date.now();
    const method = req.method ?? 'GET';
    const rawPath = (req.url ?? '/').split('?')[0];
    if (rawPath.startsWith('/__emulator/')) {
      if (!isLoopbackAddress(req.socket.remoteAddress)) return send(res, text(403, 'The control route answers loopback only'));
      // A web page the user visits could still reach a loopback port: a custom header needs a CORS preflight
      // (never granted), and a loopback Host header defeats DNS rebinding.
      if (req.headers[CONTROL_HEADER] !== '1' || !isLoopbackHost(req.headers.host)) {
        return send(res, text(403, `The control route needs the header "${CONTROL_HEADER}: 1" and a loopback Host`));
      }
      return send(res, await runControl(emulator, snapshot, method, rawPath, req));
    }
    const record: CallRecord = { method, path: rawPath, status: 0 };
    records.push(record);
    const finish = (reply: Reply | 'dropped', malformed = false) => {
      record.status = reply === 'dropped' ? 'dropped' : reply.status;
      options.log?.(`${method} ${rawPath} ${record.status} ${Date.now() - started}ms`);
      if (reply === 'dropped') req.socket.destroy();
      else send(res, shapeError(reply, settings.errorBodies ?? 'text'), malformed);
    };
    /** Retry-After, unless this server never sends it. */
    const retryAfter = (seconds: number | undefined): Record<string, string> =>
      seconds !== undefined && settings.retryAfter !== false ? { 'Retry-After': String(seconds) } : {};

    const match = matchRoute(method, rawPath, ctx.settings().listing);
    if ('error' in match) return finish(match.error);
    // Login needs no session: a call to it must not spend one's budget.
    const session = match.key === 'POST /v2/login' ? undefined : sessions.use(req.headers.cookie, { requireToken: settings.cookies === 'several' });
    const project = session ? state.project(session.project) : undefined;
    record.project = project?.name;

    const delay = faults.latencyMs();
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    const waitS = limiter.check(readCookie(req.headers.cookie, SESSION_COOKIE) ?? req.socket.remoteAddress ?? '?');
    if (waitS !== undefined) return finish(text(429, 'Too many requests', retryAfter(waitS)));

    if (match.loginId !== undefined) record.loginId = match.loginId;
    const fault = faults.draw(match.key);
    if (fault) record.fault = fault;
    if (fault === 'status429') return finish(text(429, 'Too many requests', retryAfter(faults.retryAfterSeconds)));
    if (fault === 'status500') return finish(text(500, 'Internal server error'));
    if (fault === 'status503') return finish(text(503, 'Service unavailable', retryAfter(faults.retryAfterSeconds)));
    if (fault === 'drop') return finish('dropped');
    const reply = await runApi(ctx, match.key, match.loginId, req, { session, project });
    const changes = match.key === 'POST /v2/users' || match.key === 'PATCH /v2/users/:id' || match.key === 'DELETE /v2/users/:id';
    if (changes && reply.status < 300) record.applied = true;
    const created = (reply.body as { login_id?: unknown } | undefined)?.login_id;
    if (match.key === 'POST /v2/users' && typeof created === 'string') record.loginId = created;
    if (fault === 'dropAfter') return finish('dropped');
    finish(reply, fault === 'malformedJson');
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, text(500, `Emulator error: ${e instanceof Error ? e.message : String(e)}`));
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  const users = (project: string) => state.requireProject(project).users;
  const emulator: Emulator = {
    url: `http://${urlHost}:${port}`,
    port,
    configure,
    useProfiles: (names) => configure({ ...withoutProfileSettings(), ...profileSettings(names) }),
    expireSessions: () => sessions.expireAll(),
    clearLockouts: () => sessions.clearLockouts(),
    listUsers: (project) => [...users(project).values()].map(publicUser).sort((a, b) => (a.loginId < b.loginId ? -1 : 1)),
    getUser: (project, loginId) => {
      const u = users(project).get(loginId);
      return u && publicUser(u);
    },
    checkPassword: (project, loginId, password) => users(project).get(loginId)?.password === password,
    putUser: (project, user) => void state.putUser(project, user),
    setDisabled: (project, loginId, disabled) => {
      const u = users(project).get(loginId);
      if (!u) throw new Error(`The emulator has no user "${loginId}" in "${project}".`);
      u.disabled = disabled;
      state.save();
    },
    removeUser: (project, loginId) => {
      users(project).delete(loginId);
      state.save();
    },
    calls: () => records.map((r) => ({ ...r })),
    clearCalls: () => {
      records = [];
    },
    reset: (seed?: EmulatorSeed) => {
      // Load first: a seed that fails its check leaves everything as it was.
      state.load(seed ?? startSeed);
      // A 202 creation still pending belongs to the old state: it must not land in the new one.
      cancelTimers();
      sessions.expireAll();
      sessions.clearLockouts();
      pending.clear();
      records = [];
      settings = {};
      configure(initialSettings);
    },
    stop: async () => {
      cancelTimers();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await closed;
    },
  };
  return emulator;
}
