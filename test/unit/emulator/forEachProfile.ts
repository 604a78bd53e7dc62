// Runs conformance suites once per server profile (src/emulator/profiles.ts). Each run knows what its profile
// promises (`p.listing`, `p.existsStatus`, …) so a test asserts that profile's documented answer, not the
// default server's.
import * as assert from 'node:assert/strict';
import { Agent, STATUS_CODES } from 'node:http';
import { emulatorProfiles, startEmulator } from '../../../src/emulator';
import type { Emulator, EmulatorOptions, RuntimeSettings } from '../../../src/emulator/types';
import { business, cookieOf, request, testSeed, type RequestOptions, type Res } from './fixture';

type Credentials = typeof business;

/** A profile with the emulator's defaults filled in, and helpers that speak to a server of that profile. */
export interface ProfileUnderTest {
  readonly name: string;
  readonly settings: RuntimeSettings;
  readonly listing: NonNullable<RuntimeSettings['listing']>;
  readonly existsStatus: 400 | 403;
  readonly unknownUserStatus: 403 | 404;
  readonly several: boolean;
  readonly sessionMaxCalls: number | undefined;
  readonly sessionTtlMs: number | undefined;
  /** The share of creates answered 202 (0 when the profile answers every create 200). */
  readonly acceptedShare: number;
  readonly retryAfter: boolean;
  readonly errorBodies: NonNullable<RuntimeSettings['errorBodies']>;
  /** The statuses a successful create may have here. */
  readonly created: readonly number[];
  /** An emulator on the test seed with this profile, then `options` (a test's own settings win). */
  start(options?: EmulatorOptions): Promise<Emulator>;
  /** Logs in; the cookie string it returns is a handle that stays usable past a call budget (see `request`). */
  login(emu: Emulator, credentials?: Credentials): Promise<string>;
  /** The fixture's `request`, except that a handle whose session spent its call budget is logged in again first. */
  request(emu: Emulator, method: string, path: string, options?: RequestOptions): Promise<Res>;
  /** After a create answered 200 or 202: resolves once the user exists on the server. */
  landed(emu: Emulator, project: string, loginId: string): Promise<void>;
  /**
   * Asserts the status and that the body has this profile's error shape; returns the reason the body carries
   * ('' where the profile sends none). With `reason`, asserts it matches wherever the profile sends one.
   */
  error(res: Res, status: number, reason?: RegExp): string;
  /** The login_ids a 200 list carries, whatever this profile's list shape. */
  listed(res: Res): string[];
}

/**
 * The accepted-creation delay used under test: the profile's 202 and the user appearing later are what is
 * tested; waiting its full delay in every create of every suite would only make the run slow.
 */
const TEST_ACCEPTED_DELAY_MS = 40;

/** `describe(profile …)` once per profile, each with its own `ProfileUnderTest`; stops every emulator it started. */
export function forEachProfile(body: (p: ProfileUnderTest) => void): void {
  for (const [name, { settings }] of Object.entries(emulatorProfiles)) {
    describe(`profile ${name}`, function () {
      // Connections are reused, as clients do: a fresh connection costs about twice the CPU of a call on a reused one.
      const agent = new Agent({ keepAlive: true });
      const p = profileUnderTest(name, settings, agent);
      afterEach(() => p.stopAll());
      after(() => agent.destroy());
      body(p);
    });
  }
}

function profileUnderTest(name: string, settings: RuntimeSettings, agent: Agent): ProfileUnderTest & { stopAll(): Promise<void> } {
  let running: Emulator[] = [];
  /** Per login handle: the credentials, the cookie in force and the calls it has made. */
  const handles = new Map<string, { credentials: Credentials; cookie: string; used: number }>();
  const errorBodies = settings.errorBodies ?? 'text';
  const acceptedShare = settings.acceptedCreation ? (settings.acceptedCreation.share ?? 1) : 0;

  const p: ProfileUnderTest & { stopAll(): Promise<void> } = {
    name,
    settings,
    listing: settings.listing ?? 'objects',
    existsStatus: settings.existsStatus ?? 403,
    unknownUserStatus: settings.unknownUserStatus ?? 404,
    several: settings.cookies === 'several',
    sessionMaxCalls: settings.sessionMaxCalls,
    sessionTtlMs: settings.sessionTtlMs,
    acceptedShare,
    retryAfter: settings.retryAfter ?? true,
    errorBodies,
    created: acceptedShare === 0 ? [200] : acceptedShare === 1 ? [202] : [200, 202],

    async start(options = {}) {
      const accepted = settings.acceptedCreation && { ...settings.acceptedCreation, delayMs: TEST_ACCEPTED_DELAY_MS };
      const emu = await startEmulator({ seed: testSeed(), ...settings, acceptedCreation: accepted, ...options });
      running.push(emu);
      return emu;
    },

    async login(emu, credentials = business) {
      const res = await request(emu, 'POST', '/v2/login', { body: credentials, agent });
      assert.equal(res.status, 200, `login of ${credentials.login_id} answered ${res.status} ${res.text}`);
      const cookie = cookieOf(res);
      handles.set(cookie, { credentials, cookie, used: 0 });
      return cookie;
    },

    async request(emu, method, path, options = {}) {
      const handle = options.cookie === undefined ? undefined : [...handles.entries()].find(([h]) => options.cookie!.includes(h));
      if (!handle) return request(emu, method, path, { agent, ...options });
      const [key, state] = handle;
      // A client meets the budget as a 401 and logs in again; the suites here test endpoints, not that dance.
      if (p.sessionMaxCalls !== undefined && state.used >= p.sessionMaxCalls) {
        const res = await request(emu, 'POST', '/v2/login', { body: state.credentials, agent });
        assert.equal(res.status, 200, `login again answered ${res.status}`);
        state.cookie = cookieOf(res);
        state.used = 0;
      }
      state.used += 1;
      return request(emu, method, path, { agent, ...options, cookie: options.cookie!.replace(key, state.cookie) });
    },

    async landed(emu, project, loginId) {
      for (let waited = 0; !emu.getUser(project, loginId); waited += 10) {
        assert.ok(waited < TEST_ACCEPTED_DELAY_MS + 2000, `"${loginId}" never appeared`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },

    error(res, status, reason) {
      assert.equal(res.status, status, `expected ${status}, got ${res.status} ${res.text}`);
      const said = reasonIn(res, errorBodies);
      if (reason && errorBodies !== 'empty') assert.match(said, reason);
      return said;
    },

    listed(res) {
      assert.equal(res.status, 200, res.text);
      const list = JSON.parse(res.text) as unknown[];
      assert.ok(Array.isArray(list));
      return list.map((item) => {
        if (p.listing === 'loginIds') {
          assert.equal(typeof item, 'string');
          return item as string;
        }
        assert.equal(typeof item, 'object');
        return (item as { login_id: string }).login_id;
      });
    },

    async stopAll() {
      const stopping = running;
      running = [];
      handles.clear();
      await Promise.all(stopping.map((e) => e.stop()));
    },
  };
  return p;
}

/** The reason an error body carries, after checking the body has the shape `errorBodies` promises. */
function reasonIn(res: Res, errorBodies: ProfileUnderTest['errorBodies']): string {
  const type = String(res.headers['content-type'] ?? '');
  switch (errorBodies) {
    case 'text':
      assert.match(type, /^text\/plain/);
      assert.ok(res.text.length > 0, 'a plain-text error body with the reason');
      return res.text;
    case 'json': {
      assert.match(type, /^application\/json/);
      const body = JSON.parse(res.text) as { error: unknown; status: unknown };
      assert.deepEqual(Object.keys(body), ['error', 'status']);
      assert.equal(body.status, res.status);
      assert.equal(typeof body.error, 'string');
      return body.error as string;
    }
    case 'empty':
      assert.equal(res.text, '');
      assert.equal(res.headers['content-type'], undefined);
      return '';
    case 'html': {
      assert.match(type, /^text\/html/);
      assert.match(res.text, /^<!DOCTYPE html>/);
      assert.ok(res.text.includes(`<title>${res.status} ${STATUS_CODES[res.status]}</title>`), res.text);
      const reason = /<p>(.*)<\/p>/s.exec(res.text);
      assert.ok(reason, res.text);
      const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
      return reason[1].replace(/&(amp|lt|gt|quot|#39);/g, (e) => entities[e]);
    }
  }
}
