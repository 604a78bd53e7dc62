// Conformance fixture: raw HTTP against the emulator (no src/api), one emulator per test on 127.0.0.1 port 0.
import * as http from 'node:http';
import * as assert from 'node:assert/strict';
import { startEmulator } from '../../../src/emulator';
import type { CallRecord, Emulator, EmulatorOptions, EmulatorSeed } from '../../../src/emulator/types';
import { projectSeed } from '../fixtureSeed';

export const project = 'Conformance';
export const apiKey = 'conf-key-0123456789';
export const otherProject = 'Other';
export const otherApiKey = 'other-key-0123456789';

export const business = { login_id: 'biz@conf.test', password: 'Biz-pass-1', api_key: apiKey };
export const registration = { login_id: 'reg@conf.test', password: 'Reg-pass-1', api_key: apiKey };
/** A basic user that can log in (role Basic). */
export const basic = { login_id: 'zeta', password: 'Zeta-pass-1', api_key: apiKey };

/** Users are seeded out of order so that sorting is visible ('Mid' < 'alpha' < 'zeta' in code-unit order). */
export function testSeed(): EmulatorSeed {
  const account = (a: { login_id: string; password: string }) => ({ loginId: a.login_id, password: a.password });
  return {
    projects: [
      projectSeed({
        name: project,
        apiKey,
        business: account(business),
        registration: account(registration),
        users: [
          { loginId: 'zeta', password: basic.password, mqttId: 'mqttZeta001' },
          { loginId: 'alpha', password: 'Alpha-pass-1', mqttId: 'mqttAlpha01', disabled: true, userData: { site: 'lab', n: 1 } },
          { loginId: 'Mid', password: 'Mid-pass-1', mqttId: 'mqttMid0001' },
        ],
      }),
      projectSeed({
        name: otherProject,
        apiKey: otherApiKey,
        business: { loginId: business.login_id, password: 'Other-biz-1' },
        users: [{ loginId: 'other-device', password: 'Other-dev-1', mqttId: 'mqttOther01' }],
      }),
    ],
  };
}

/** Registers an afterEach that stops every emulator a test started; `start` defaults to the test seed. */
export function emulatorPerTest(): { start(options?: EmulatorOptions): Promise<Emulator> } {
  let running: Emulator[] = [];
  afterEach(async () => {
    const stopping = running;
    running = [];
    await Promise.all(stopping.map((e) => e.stop()));
  });
  return {
    async start(options: EmulatorOptions = {}) {
      const emulator = await startEmulator({ seed: testSeed(), ...options });
      running.push(emulator);
      return emulator;
    },
  };
}

export interface Res {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  ms: number;
}

export interface RequestOptions {
  /** Serialized as JSON. */
  body?: unknown;
  /** Sent as is (wins over `body`). */
  raw?: string;
  cookie?: string;
  /** Extra or replacing headers (undefined removes one). */
  headers?: http.OutgoingHttpHeaders;
  /** A keep-alive agent to reuse connections; default: a fresh connection per request. */
  agent?: http.Agent;
}

/** One request on a fresh connection (unless `options.agent`), the path sent byte for byte; rejects when the socket closes without an answer. */
export function request(emulator: Emulator, method: string, path: string, options: RequestOptions = {}): Promise<Res> {
  const payload = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const headers: http.OutgoingHttpHeaders = { Accept: 'application/json' };
  if (payload !== undefined) {
    headers['Content-Type'] = 'application/json';
    headers['Content-Length'] = Buffer.byteLength(payload);
  }
  if (options.cookie) headers.Cookie = options.cookie;
  // The control route demands its header (a web page cannot send it cross-origin); tests may override it.
  if (path.startsWith('/__emulator/')) headers['X-Emulator-Control'] = '1';
  for (const [k, v] of Object.entries(options.headers ?? {})) {
    if (v === undefined) delete headers[k];
    else headers[k] = v;
  }
  const started = Date.now();
  return new Promise<Res>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: emulator.port, method, path, headers, agent: options.agent ?? false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8'), ms: Date.now() - started }),
      );
    });
    req.on('error', reject);
    req.end(payload);
  });
}

export const parse = (res: Res): unknown => JSON.parse(res.text);

/** The Cookie header that sends back every cookie a 200 login set (`name=value; name=value`). */
export function cookieOf(res: Res): string {
  const setCookie = res.headers['set-cookie'];
  assert.ok(setCookie && setCookie.length > 0, `expected a Set-Cookie, got ${JSON.stringify(setCookie)}`);
  return setCookie.map((c) => c.split(';')[0]).join('; ');
}

export async function login(emulator: Emulator, credentials: { login_id: string; password: string; api_key: string } = business): Promise<string> {
  const res = await request(emulator, 'POST', '/v2/login', { body: credentials });
  assert.equal(res.status, 200, `login of ${credentials.login_id} answered ${res.status} ${res.text}`);
  return cookieOf(res);
}

export const userPath = (loginId: string) => `/v2/users/${encodeURIComponent(loginId)}`;
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Sequential statuses of `n` calls (a dropped call shows as 'dropped'). */
export async function statuses(n: number, call: () => Promise<Res>): Promise<(number | 'dropped')[]> {
  const out: (number | 'dropped')[] = [];
  for (let i = 0; i < n; i++) {
    out.push(await call().then((r) => r.status, () => 'dropped' as const));
  }
  return out;
}

/** A call record without its times (they differ on every run), for comparing whole records. */
export function untimed(record: CallRecord | undefined): Omit<CallRecord, 'receivedAt' | 'answeredAt'> | undefined {
  if (!record) return undefined;
  const { receivedAt: _received, answeredAt: _answered, ...rest } = record;
  return rest;
}
