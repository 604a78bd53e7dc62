import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmulator } from '../../../src/emulator';
import type { EmulatorSeed, RuntimeSettings } from '../../../src/emulator/types';
import { emulatorPerTest, login, parse, project, request, testSeed } from './fixture';

/** Settings as an outside caller might send them (JSON from another process, a typo'd test). */
const loose = (settings: Record<string, unknown>) => settings as RuntimeSettings;

describe('emulator: settings are checked, never silently ignored', function () {
  const world = emulatorPerTest();

  const bad: [string, Record<string, unknown>, RegExp][] = [
    ['an unknown key (typo)', { fault: { latencyMs: 5 } }, /unknown key "fault"/],
    ['an unknown fault kind', { faults: { routes: { 'GET /v2/users': { status502: 1 } } } }, /settings\.faults\.routes\["GET \/v2\/users"\] has an unknown key "status502"/],
    ['an unknown route', { faults: { routes: { 'GET /v2/user': { drop: 1 } } } }, /unknown key "GET \/v2\/user"/],
    ['a probability above 1', { faults: { routes: { '*': { drop: 2 } } } }, /\.drop must be a number from 0 to 1, not 2/],
    ['NaN latency', { faults: { latencyMs: NaN } }, /latencyMs must be a number >= 0, not NaN/],
    ['a fractional Retry-After', { faults: { retryAfterSeconds: 1.5 } }, /retryAfterSeconds must be an integer/],
    ['a zero-length rate window', { rateLimit: { requests: 5, windowMs: 0 } }, /rateLimit\.windowMs/],
    ['a lockout without maxAttempts', { lockout: { lockMs: 10 } }, /lockout\.maxAttempts/],
    ['an invalid password pattern', { passwordRule: { minLength: 1, pattern: '(' } }, /pattern must be a valid regular expression/],
    ['an unknown listing', { listing: 'strings' }, /listing must be one of "objects", "loginIds", "unsupported", "notAllowed", not "strings"/],
    ['acceptedCreation without delayMs', { acceptedCreation: {} }, /acceptedCreation\.delayMs/],
    ['a 202 share above 1', { acceptedCreation: { delayMs: 10, share: 1.5 } }, /acceptedCreation\.share must be a number from 0 to 1, not 1\.5/],
    ['an existsStatus of 409', { existsStatus: 409 }, /existsStatus must be one of 400, 403, not 409/],
    ['an unknownUserStatus as a string', { unknownUserStatus: '403' }, /unknownUserStatus must be one of 403, 404, not "403"/],
    ['an unknown cookies mode', { cookies: 'two' }, /cookies must be one of "single", "several", not "two"/],
    ['a zero sessionMaxCalls', { sessionMaxCalls: 0 }, /sessionMaxCalls must be an integer >= 1, not 0/],
    ['a string retryAfter', { retryAfter: 'no' }, /retryAfter must be one of true, false, not "no"/],
    ['an unknown errorBodies shape', { errorBodies: 'xml' }, /errorBodies must be one of "json", "text", "empty", "html", not "xml"/],
  ];
  for (const [what, settings, message] of bad) {
    it(`configure() throws on ${what}, naming the value's path`, async () => {
      const emu = await world.start();
      assert.throws(() => emu.configure(loose(settings)), message);
    });
  }

  it('startEmulator rejects bad initial settings', async () => {
    await assert.rejects(startEmulator({ seed: testSeed(), rateLimit: { requests: -1, windowMs: 100 } }), /rateLimit\.requests must be an integer >= 0/);
  });

  it('a key set to undefined still clears it (what the API client suite does between tests)', async () => {
    const emu = await world.start({ listing: 'loginIds' });
    emu.configure({ listing: undefined, faults: undefined, rateLimit: undefined });
    const res = await request(emu, 'GET', '/v2/users', { cookie: await login(emu) });
    assert.equal(typeof (parse(res) as unknown[])[0], 'object');
  });

  it('PUT /__emulator/settings: 400 with the reason; nothing of the body is applied', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    const res = await request(emu, 'PUT', '/__emulator/settings', { body: { listing: 'loginIds', faults: { routes: { '*': { status503: 'always' } } } } });
    assert.equal(res.status, 400);
    assert.match(res.text, /status503 must be a number from 0 to 1, not "always"/);
    const list = await request(emu, 'GET', '/v2/users', { cookie });
    assert.equal(list.status, 200);
    assert.equal(typeof (parse(list) as unknown[])[0], 'object', 'the valid listing key was not applied either');
    for (const raw of ['[]', '"faults"', '']) {
      assert.equal((await request(emu, 'PUT', '/__emulator/settings', { raw })).status, 400, JSON.stringify(raw));
    }
  });
});

describe('emulator: seeds are checked', function () {
  const world = emulatorPerTest();

  const mutate = (change: (seed: EmulatorSeed) => void): EmulatorSeed => {
    const seed = testSeed();
    change(seed);
    return seed;
  };
  const bad: [string, EmulatorSeed, RegExp][] = [
    ['an api_key shared by two projects', mutate((s) => s.projects[1].apiKeys.push(s.projects[0].apiKeys[0])), /apiKeys\[1\] "conf-key-0123456789" is used by another project/],
    ['a login_id twice in a project', mutate((s) => s.projects[0].users.push({ loginId: 'zeta', password: 'Again-pass-1' })), /users\[3\]\.loginId "zeta" appears twice/],
    ['an admin who is also a basic user', mutate((s) => s.projects[0].users.push({ loginId: 'reg@conf.test', password: 'x' })), /appears twice/],
    ['two projects with one name', mutate((s) => (s.projects[1].name = project)), /projects\[1\]\.name "Conformance" is used by another project/],
    ['an unknown admin role', mutate((s) => (s.projects[0].admins[0].role = 'basic' as 'business')), /admins\[0\]\.role must be "business" or "registration"/],
    ['a string `disabled`', mutate((s) => (s.projects[0].users[0].disabled = 'yes' as unknown as boolean)), /users\[0\]\.disabled must be a boolean/],
    ['no projects array', { projects: 'none' } as unknown as EmulatorSeed, /seed\.projects must be an array/],
  ];
  for (const [what, seed, message] of bad) {
    it(`startEmulator rejects ${what}`, async () => {
      await assert.rejects(startEmulator({ seed }), message);
    });
  }

  it('reset(seed) throws on a bad seed and leaves the state, sessions and pending creations as they were', async () => {
    const emu = await world.start({ acceptedCreation: { delayMs: 80 } });
    const cookie = await login(emu);
    assert.equal((await request(emu, 'POST', '/v2/users/', { cookie, body: { login_id: 'soon', password: 'Soon-pass-1' } })).status, 202);
    assert.throws(() => emu.reset({ projects: [{ name: 'X', apiKeys: [], admins: [], users: [{ loginId: '', password: 'p' }] }] }), /loginId must be a non-empty string/);
    assert.equal((await request(emu, 'GET', '/v2/users/zeta', { cookie })).status, 200, 'the session survived');
    await new Promise((r) => setTimeout(r, 120));
    assert.ok(emu.getUser(project, 'soon'), 'the pending creation still landed');
  });

  it('POST /__emulator/reset: 400 on a bad seed, the users stay', async () => {
    const emu = await world.start();
    const res = await request(emu, 'POST', '/__emulator/reset', { body: { projects: [{ name: 'X' }] } });
    assert.equal(res.status, 400);
    assert.match(res.text, /body\.projects\[0\]\.apiKeys must be an array/);
    assert.deepEqual(emu.listUsers(project).map((u) => u.loginId), ['Mid', 'alpha', 'zeta']);
  });

  it('a persist file that is not JSON, or not a seed, fails the start with the file named', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'm1-emu-bad-'));
    try {
      const file = path.join(dir, 'state.json');
      fs.writeFileSync(file, '{"projects": [');
      await assert.rejects(startEmulator({ persistPath: file }), (e: Error) => e.message.startsWith(`Cannot read the emulator state from ${file}:`));
      fs.writeFileSync(file, '{"projects": [{"name": "P", "apiKeys": ["k"], "admins": [], "users": [{"loginId": 7}]}]}');
      await assert.rejects(startEmulator({ persistPath: file }), new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.projects\\[0\\]\\.users\\[0\\]\\.loginId`));
      assert.equal(fs.readFileSync(file, 'utf8').includes('"loginId": 7'), true, 'a bad file is never overwritten');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
