import * as assert from 'node:assert/strict';
import { isLoopbackAddress } from '../../../src/emulator/http';
import type { CallRecord, EmulatorSeed } from '../../../src/emulator/types';
import { basic, business, emulatorPerTest, login, parse, project, request, untimed } from './fixture';

describe('emulator: control route (/__emulator, loopback only)', function () {
  const world = emulatorPerTest();

  it('GET state: projects and users, no passwords', async () => {
    const emu = await world.start();
    const res = await request(emu, 'GET', '/__emulator/state');
    assert.equal(res.status, 200);
    const state = parse(res) as { projects: { name: string; users: { loginId: string }[] }[] };
    assert.deepEqual(state.projects.map((p) => p.name), [project, 'Other']);
    assert.deepEqual(state.projects[0].users.map((u) => u.loginId).sort(), ['Mid', 'alpha', 'zeta']);
    assert.doesNotMatch(res.text, /password|pass-1/i);
  });

  it('GET calls: the API calls seen (control calls are not among them)', async () => {
    const emu = await world.start();
    await login(emu);
    const res = await request(emu, 'GET', '/__emulator/calls');
    assert.deepEqual((parse(res) as CallRecord[]).map(untimed), [{ method: 'POST', path: '/v2/login', status: 200 }]);
    assert.deepEqual(emu.calls().map(({ method, path, status }) => ({ method, path, status })), [{ method: 'POST', path: '/v2/login', status: 200 }]);
  });

  it('PUT settings merges into the current settings; null clears a key', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    assert.equal((await request(emu, 'PUT', '/__emulator/settings', { body: { listing: 'loginIds' } })).text, 'true');
    assert.equal((await request(emu, 'PUT', '/__emulator/settings', { body: { passwordRule: { minLength: 12 } } })).status, 200);
    assert.deepEqual(parse(await request(emu, 'GET', '/v2/users', { cookie })), ['Mid', 'alpha', 'zeta'], 'listing kept by the merge');
    assert.equal((await request(emu, 'POST', '/v2/users/', { cookie, body: { login_id: 'n', password: 'eleven-char' } })).status, 400);
    await request(emu, 'PUT', '/__emulator/settings', { body: { listing: null } });
    assert.equal(typeof (parse(await request(emu, 'GET', '/v2/users', { cookie })) as unknown[])[0], 'object', 'listing cleared');
    assert.equal((await request(emu, 'POST', '/v2/users/', { cookie, body: { login_id: 'n', password: 'eleven-char' } })).status, 400, 'rule kept');
    await request(emu, 'PUT', '/__emulator/settings', { body: { passwordRule: null, faults: { routes: { 'GET /v2/users': { status503: 1 } }, retryAfterSeconds: 2 } } });
    assert.equal((await request(emu, 'POST', '/v2/users/', { cookie, body: { login_id: 'n', password: 'eleven-char' } })).status, 200);
    const faulted = await request(emu, 'GET', '/v2/users', { cookie });
    assert.equal(faulted.status, 503);
    assert.equal(faulted.headers['retry-after'], '2');
    await request(emu, 'PUT', '/__emulator/settings', { body: { faults: null } });
    assert.equal((await request(emu, 'GET', '/v2/users', { cookie })).status, 200);
  });

  it('PUT profile: {"profiles": [...]} or {"profile": "a,b"} makes the server those profiles; [] is the default server again', async () => {
    const emu = await world.start();
    const put = await request(emu, 'PUT', '/__emulator/profile', { body: { profiles: ['login-ids', 'several-cookies'] } });
    assert.equal(put.status, 200);
    assert.equal(put.text, 'true');
    const cookie = await login(emu);
    assert.match(cookie, /^session=[^;]+; m1_csrf=/);
    assert.deepEqual(parse(await request(emu, 'GET', '/v2/users', { cookie })), ['Mid', 'alpha', 'zeta']);
    assert.equal((await request(emu, 'PUT', '/__emulator/profile', { body: { profile: 'no-list-405,errors-html' } })).status, 200);
    const list = await request(emu, 'GET', '/v2/users', { cookie });
    assert.equal(list.status, 405);
    assert.match(String(list.headers['content-type']), /^text\/html/);
    assert.equal((await request(emu, 'GET', '/v2/users/zeta', { cookie: cookie.split('; ')[0] })).status, 200, 'several-cookies is gone: the session cookie alone will do, and sessions survive the change');
    assert.equal((await request(emu, 'PUT', '/__emulator/profile', { body: { profiles: [] } })).status, 200);
    assert.equal(typeof (parse(await request(emu, 'GET', '/v2/users', { cookie: await login(emu) })) as unknown[])[0], 'object');
  });

  it('PUT profile: 400 naming an unknown profile (and the valid ones), a conflict, or a malformed body; nothing applied', async () => {
    const emu = await world.start();
    const cases: [unknown, RegExp][] = [
      [{ profiles: ['login-ids', 'loginids'] }, /Unknown emulator profile "loginids"\. Valid profiles: objects, login-ids/],
      [{ profile: 'login-ids,no-list-404' }, /disagree on listing/],
      [{ profiles: 'login-ids' }, /expected \{"profiles": \["name", …\]\} or \{"profile": "name"\}/],
      [{ profiles: [1] }, /expected \{"profiles"/],
      [{ profile: 'login-ids', profiles: [] }, /expected \{"profiles"/],
      [{ name: 'login-ids' }, /expected \{"profiles"/],
      [['login-ids'], /expected \{"profiles"/],
    ];
    for (const [body, reason] of cases) {
      const res = await request(emu, 'PUT', '/__emulator/profile', { body });
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.match(res.text, reason);
    }
    assert.equal(typeof (parse(await request(emu, 'GET', '/v2/users', { cookie: await login(emu) })) as unknown[])[0], 'object');
  });

  it('PUT settings takes every profile setting too', async () => {
    const emu = await world.start();
    const body = { listing: 'notAllowed', existsStatus: 400, unknownUserStatus: 403, cookies: 'several', sessionMaxCalls: 2, acceptedCreation: { delayMs: 60_000, share: 0.5 }, retryAfter: false, errorBodies: 'empty' };
    assert.equal((await request(emu, 'PUT', '/__emulator/settings', { body })).status, 200);
    const cookie = await login(emu);
    assert.match(cookie, /m1_csrf=/);
    const ghost = await request(emu, 'GET', '/v2/users/ghost', { cookie });
    assert.deepEqual([ghost.status, ghost.text], [403, '']);
    assert.equal((await request(emu, 'POST', '/v2/users/', { cookie, body: { login_id: 'zeta', password: 'Zeta-pass-9' } })).status, 400);
    assert.equal((await request(emu, 'GET', '/v2/users/zeta', { cookie })).status, 401, 'the budget of 2 is spent');
    assert.equal((await request(emu, 'GET', '/v2/users')).status, 405);
  });

  it('is not subject to faults or the rate limit', async () => {
    const emu = await world.start({ faults: { routes: { '*': { drop: 1 } } }, rateLimit: { requests: 1, windowMs: 60_000 } });
    for (let i = 0; i < 3; i++) assert.equal((await request(emu, 'GET', '/__emulator/state')).status, 200);
    assert.deepEqual(emu.calls(), []);
  });

  it('POST expire-sessions: the next call is 401', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    assert.equal((await request(emu, 'POST', '/__emulator/expire-sessions')).status, 200);
    assert.equal((await request(emu, 'GET', '/v2/users', { cookie })).status, 401);
  });

  it('POST clear-lockouts', async () => {
    const emu = await world.start({ lockout: { maxAttempts: 1, lockMs: 60_000 } });
    await request(emu, 'POST', '/v2/login', { body: { ...business, password: 'bad-password' } });
    assert.equal((await request(emu, 'POST', '/v2/login', { body: business })).status, 403);
    assert.equal((await request(emu, 'POST', '/__emulator/clear-lockouts')).status, 200);
    await login(emu);
  });

  it('POST reset: back to the start seed, or to the seed in the body', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    await request(emu, 'DELETE', '/v2/users/zeta', { cookie });
    assert.equal((await request(emu, 'POST', '/__emulator/reset')).status, 200);
    assert.deepEqual(emu.listUsers(project).map((u) => u.loginId), ['Mid', 'alpha', 'zeta']);
    assert.equal((await request(emu, 'GET', '/v2/users', { cookie })).status, 401, 'sessions end on reset');
    const seed: EmulatorSeed = { projects: [{ name: 'Fresh', apiKeys: ['fresh-key'], admins: [{ loginId: 'b', password: 'B-pass-1', role: 'business' }], users: [] }] };
    assert.equal((await request(emu, 'POST', '/__emulator/reset', { body: seed })).status, 200);
    const fresh = await login(emu, { login_id: 'b', password: 'B-pass-1', api_key: 'fresh-key' });
    assert.deepEqual(parse(await request(emu, 'GET', '/v2/users', { cookie: fresh })), []);
  });

  it('users PUT creates or replaces, PATCH enables/disables, DELETE removes (percent-encoded segments)', async () => {
    const emu = await world.start();
    const path = `/__emulator/users/${encodeURIComponent(project)}/${encodeURIComponent('ctl/user@x.io')}`;
    const put = await request(emu, 'PUT', path, { body: { password: 'Ctl-pass-1', userData: { a: 1 } } });
    assert.equal(put.status, 200);
    assert.deepEqual((parse(put) as { loginId: string; userData: unknown }).userData, { a: 1 });
    assert.equal(emu.getUser(project, 'ctl/user@x.io')?.disabled, false);
    await login(emu, { login_id: 'ctl/user@x.io', password: 'Ctl-pass-1', api_key: basic.api_key });
    assert.equal((await request(emu, 'PATCH', path, { body: { disabled: true } })).status, 200);
    assert.equal(emu.getUser(project, 'ctl/user@x.io')?.disabled, true);
    assert.equal((await request(emu, 'PATCH', path, { body: { disabled: false } })).status, 200);
    assert.equal(emu.getUser(project, 'ctl/user@x.io')?.disabled, false);
    assert.equal((await request(emu, 'DELETE', path)).status, 200);
    assert.equal(emu.getUser(project, 'ctl/user@x.io'), undefined);
  });

  it('404 on an unknown project, user or control route; 405 on another method; 400 on bad JSON or bad encoding', async () => {
    const emu = await world.start();
    assert.equal((await request(emu, 'PUT', '/__emulator/users/Nope/u', { body: { password: 'Xx-pass-1' } })).status, 404);
    assert.equal((await request(emu, 'PATCH', `/__emulator/users/${project}/ghost`, { body: { disabled: true } })).status, 404);
    assert.equal((await request(emu, 'GET', '/__emulator/nothing')).status, 404);
    assert.equal((await request(emu, 'POST', `/__emulator/users/${project}/zeta`, { body: {} })).status, 405);
    assert.equal((await request(emu, 'PUT', '/__emulator/settings', { raw: '{nope' })).status, 400);
    assert.equal((await request(emu, 'PUT', `/__emulator/users/${project}/%E0%A4%A`, { body: { password: 'Xx-pass-1' } })).status, 400);
  });

  it('answers from 127.0.0.1; anything but a loopback address is refused (the check the route runs first)', async () => {
    const emu = await world.start();
    assert.equal((await request(emu, 'GET', '/__emulator/state')).status, 200);
    for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) assert.equal(isLoopbackAddress(address), true, address);
    for (const address of [undefined, '', '10.0.0.1', '192.168.1.20', '0.0.0.0', '::', '::ffff:10.0.0.1', 'fe80::1', '1127.0.0.1', '127.0.0.1.evil.example', '127.evil.example']) {
      assert.equal(isLoopbackAddress(address), false, String(address));
    }
  });

  it('refuses a request a web page could make: no control header, or a foreign Host', async () => {
    const emu = await world.start();
    const noHeader = await request(emu, 'POST', '/__emulator/reset', { headers: { 'X-Emulator-Control': undefined } });
    assert.equal(noHeader.status, 403);
    assert.match(noHeader.text, /X-Emulator-Control/i);
    const rebound = await request(emu, 'POST', '/__emulator/expire-sessions', { headers: { Host: 'evil.example:80' } });
    assert.equal(rebound.status, 403);
    // DNS rebinding with a name that starts like a loopback address.
    const lookalike = await request(emu, 'GET', '/__emulator/state', { headers: { Host: `127.0.0.1.evil.example:${emu.port}` } });
    assert.equal(lookalike.status, 403);
    assert.equal((await request(emu, 'GET', '/__emulator/state', { headers: { Host: `[::1]:${emu.port}` } })).status, 200);
    assert.equal((await request(emu, 'GET', '/__emulator/state', { headers: { Host: `localhost:${emu.port}` } })).status, 200);
  });

  it('users PATCH changes a password behind the client\'s back, keeping the mqtt_id and data; PUT may fix the mqtt_id', async () => {
    const emu = await world.start();
    const userPath = `/__emulator/users/${encodeURIComponent(project)}/alpha`;
    const before = emu.getUser(project, 'alpha');
    const res = await request(emu, 'PATCH', userPath, { body: { password: 'Changed-by-ctl-1' } });
    assert.equal(res.status, 200);
    assert.deepEqual(parse(res), before);
    assert.ok(emu.checkPassword(project, 'alpha', 'Changed-by-ctl-1'));
    assert.equal(emu.getUser(project, 'alpha')?.disabled, true, 'a password change leaves disabled alone');
    const put = await request(emu, 'PUT', `/__emulator/users/${encodeURIComponent(project)}/fixed`, { body: { mqttId: 'fixedMqtt01' } });
    assert.deepEqual(parse(put), { loginId: 'fixed', disabled: false, mqttId: 'fixedMqtt01', userData: {} });
    assert.ok(emu.checkPassword(project, 'fixed', 'Device-pass-1'), 'the sandbox device password by default');
  });

  it('users bodies are checked: 400 with the reason, nothing changed; 405 names the methods', async () => {
    const emu = await world.start();
    const userPath = `/__emulator/users/${encodeURIComponent(project)}/zeta`;
    const cases: [string, unknown, RegExp][] = [
      ['PATCH', {}, /password and\/or disabled/],
      ['PATCH', { disabled: 'true' }, /disabled must be a boolean/],
      ['PATCH', { mqttId: 'x' }, /unknown field "mqttId"/],
      ['PUT', { password: 123456 }, /password must be a string/],
      ['PUT', { userData: [] }, /userData must be an object/],
      ['PUT', [], /JSON object/],
    ];
    for (const [method, body, reason] of cases) {
      const res = await request(emu, method, userPath, { body });
      assert.equal(res.status, 400, `${method} ${JSON.stringify(body)}`);
      assert.match(res.text, reason);
    }
    assert.deepEqual(emu.getUser(project, 'zeta'), { loginId: 'zeta', disabled: false, mqttId: 'mqttZeta001', userData: {} });
    assert.ok(emu.checkPassword(project, 'zeta', basic.password));
    const wrong = await request(emu, 'GET', userPath);
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.allow, 'PUT, PATCH, DELETE');
  });
});
