import * as http from 'http';
import type { AddressInfo, Socket } from 'net';
import type { CallRecord, Emulator, EmulatorOptions, EmulatorSeed, RuntimeSettings } from './types';
import { EmulatorState, publicUser } from './state';
import { Sessions, readCookie, SESSION_COOKIE } from './sessions';
import { FaultInjector } from './faults';
import { RateLimiter } from './rateLimit';
import { CONTROL_HEADER, isLoopbackAddress, isLoopbackHost, send, text, type Reply } from './http';
import { matchRoute, runApi, type ApiContext } from './routes';
import { runControl } from './control';
import { defaultSeed } from './seed';
import { checkSettings } from './validate';

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

  const configure = (next: RuntimeSettings) => {
    settings = { ...settings, ...checkSettings(next) };
    if ('faults' in next) faults.configure(next.faults);
    if ('rateLimit' in next) limiter.configure(next.rateLimit);
  };
  const initialSettings: RuntimeSettings = {
    sessionTtlMs: options.sessionTtlMs,
    lockout: options.lockout,
    passwordRule: options.passwordRule,
    acceptedCreation: options.acceptedCreation,
    rateLimit: options.rateLimit,
    faults: options.faults,
    listing: options.listing,
  };
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
      acceptedCreation: settings.acceptedCreation,
    }),
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
      else send(res, reply, malformed);
    };

    const match = matchRoute(method, rawPath);
    if ('error' in match) return finish(match.error);
    const found = sessions.find(req.headers.cookie);
    const project = found ? state.project(found.session.project) : undefined;
    record.project = project?.name;

    const delay = faults.latencyMs();
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    const waitS = limiter.check(readCookie(req.headers.cookie, SESSION_COOKIE) ?? req.socket.remoteAddress ?? '?');
    if (waitS !== undefined) return finish(text(429, 'Too many requests', { 'Retry-After': String(waitS) }));

    const fault = faults.draw(match.key);
    const retryAfter: Record<string, string> = faults.retryAfterSeconds !== undefined ? { 'Retry-After': String(faults.retryAfterSeconds) } : {};
    if (fault === 'status429') return finish(text(429, 'Too many requests', retryAfter));
    if (fault === 'status500') return finish(text(500, 'Internal server error'));
    if (fault === 'status503') return finish(text(503, 'Service unavailable', retryAfter));
    if (fault === 'drop') return finish('dropped');
    const reply = await runApi(ctx, match.key, match.loginId, req, { session: found?.session, project });
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
