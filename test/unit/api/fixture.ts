// One fixture world for the API client tests: the real emulator over HTTP on 127.0.0.1, port 0.
import * as assert from 'node:assert/strict';
import { MediumOneClient } from '../../../src/api/client';
import { MediumOneError, isMediumOneError, type ErrorKind } from '../../../src/api/errors';
import type { ApiLogger, CallLog, ClientOptions, Credentials } from '../../../src/api/types';
import { startEmulator } from '../../../src/emulator';
import type { CallRecord, Emulator, EmulatorSeed, FaultKind, RouteKey } from '../../../src/emulator/types';
import { projectSeed } from '../fixtureSeed';

export const projectName = 'Client Tests';
export const apiKey = 'KEY-client-tests-0123456789abcdef';

export const business: Credentials = { loginId: 'biz@example.com', password: 'Biz-Secret-Pw-77', apiKey };
export const registration: Credentials = { loginId: 'reg@example.com', password: 'Reg-Secret-Pw-88', apiKey };
export const alice = { loginId: 'alice@example.com', password: 'alice-Pw-123', mqttId: 'mqtt-alice' };
export const bob = { loginId: 'bob', password: 'bob-Pw-456' };

export function testSeed(): EmulatorSeed {
  return {
    projects: [
      projectSeed({
        name: projectName,
        apiKey,
        business,
        registration,
        users: [
          { loginId: alice.loginId, password: alice.password, mqttId: alice.mqttId, userData: { team: 'blue' } },
          { loginId: bob.loginId, password: bob.password, disabled: true },
        ],
      }),
    ],
  };
}

/** Starts one emulator for the suite and gives every test a fresh state, settings and call log. */
export function useEmulator(): { readonly emulator: Emulator } {
  const holder: { emulator?: Emulator } = {};
  before(async () => {
    holder.emulator = await startEmulator({ seed: testSeed() });
  });
  beforeEach(() => {
    const emulator = holder.emulator!;
    emulator.reset(testSeed());
    // Every latitude back to the default server; then the rest.
    emulator.useProfiles([]);
    emulator.configure({
      faults: undefined,
      rateLimit: undefined,
      acceptedCreation: undefined,
      sessionTtlMs: undefined,
      lockout: undefined,
      passwordRule: undefined,
    });
    emulator.clearLockouts();
    emulator.clearCalls();
  });
  after(async () => {
    await holder.emulator?.stop();
  });
  return {
    get emulator(): Emulator {
      if (!holder.emulator) throw new Error('emulator not started');
      return holder.emulator;
    },
  };
}

export interface Recorded {
  calls: CallLog[];
  debug: string[];
  logger: ApiLogger;
}

export function recorder(): Recorded {
  const calls: CallLog[] = [];
  const debug: string[] = [];
  return { calls, debug, logger: { call: (entry) => calls.push(entry), debug: (m) => debug.push(m) } };
}

/** Fast back-off so fault tests stay quick; everything else as the extension uses it. */
export function makeClient(
  emulator: Emulator,
  options: Partial<Omit<ClientOptions, 'credentials'>> & { credentials?: Credentials | (() => Credentials) } = {},
): { client: MediumOneClient; log: Recorded } {
  const log = recorder();
  const creds = options.credentials ?? business;
  const client = new MediumOneClient({
    baseUrl: emulator.url,
    logger: log.logger,
    ...options,
    retry: { baseDelayMs: 5, maxDelayMs: 50, ...options.retry },
    credentials: typeof creds === 'function' ? creds : () => creds,
  });
  return { client, log };
}

/** Awaits a rejection and checks it is a MediumOneError of `kind` (or of one of several kinds). */
export async function rejectsWith(promise: Promise<unknown>, kind: ErrorKind | readonly ErrorKind[]): Promise<MediumOneError> {
  const kinds: readonly ErrorKind[] = typeof kind === 'string' ? [kind] : kind;
  try {
    await promise;
  } catch (e) {
    assert.ok(isMediumOneError(e), `expected a MediumOneError, got ${String(e)}`);
    assert.ok(kinds.includes(e.kind), `expected kind ${kinds.join(' or ')}, got ${e.kind}: ${e.message}`);
    return e;
  }
  assert.fail(`expected a ${kinds.join(' or ')} error, but the call succeeded`);
}

/** The emulator's record of calls of one method to paths starting with `prefix`. */
export function seen(emulator: Emulator, method: string, prefix: string): CallRecord[] {
  return emulator.calls().filter((c) => c.method === method && c.path.startsWith(prefix));
}

export const logins = (emulator: Emulator) => seen(emulator, 'POST', '/v2/login');

/** The emulator's route key for a request the client logged. */
function routeOf(entry: CallLog): RouteKey {
  if (entry.path === '/v2/login') return 'POST /v2/login';
  if (entry.path.startsWith('/v2/events/')) return `${entry.method} /v2/events/:stream/:id` as RouteKey;
  if (entry.path === '/v2/users' || entry.path === '/v2/users/') return entry.method === 'POST' ? 'POST /v2/users' : 'GET /v2/users';
  return `${entry.method} /v2/users/:id` as RouteKey;
}

/**
 * Scripted faults over real HTTP: for each route, the fault of each successive try (`undefined`: answer normally;
 * after the list, every try is answered normally). Returns the logger to give the client: it moves each route to
 * its next step as soon as the client has logged a try on it, before the next try is sent.
 */
export function faultScript(emulator: Emulator, script: Partial<Record<RouteKey, readonly (FaultKind | undefined)[]>>): ApiLogger {
  const position = new Map<RouteKey, number>();
  const apply = () => {
    const routes: Partial<Record<RouteKey, Partial<Record<FaultKind, number>>>> = {};
    for (const [route, steps] of Object.entries(script) as [RouteKey, readonly (FaultKind | undefined)[]][]) {
      const fault = steps[position.get(route) ?? 0];
      if (fault) routes[route] = { [fault]: 1 };
    }
    emulator.configure({ faults: { routes } });
  };
  apply();
  return {
    call: (entry) => {
      const route = routeOf(entry);
      if (!(route in script)) return;
      position.set(route, (position.get(route) ?? 0) + 1);
      apply();
    },
  };
}
