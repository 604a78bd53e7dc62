import * as assert from 'node:assert/strict';
import { apiKey, basic, business, cookieOf, emulatorPerTest, login, otherApiKey, parse, registration, request, sleep } from './fixture';

describe('emulator: POST /v2/login', function () {
  const world = emulatorPerTest();

  it('200: body `true`, a session cookie (HttpOnly, Path=/, 24 h by default) for every role', async () => {
    const emu = await world.start();
    for (const credentials of [business, registration, basic]) {
      const res = await request(emu, 'POST', '/v2/login', { body: credentials });
      assert.equal(res.status, 200);
      assert.equal(res.text, 'true');
      assert.match(String(res.headers['content-type']), /^application\/json/);
      const [setCookie] = res.headers['set-cookie'] ?? [];
      assert.match(setCookie, /^session=[A-Za-z0-9_-]{20,}; /);
      assert.match(setCookie, /; Path=\//);
      assert.match(setCookie, /; HttpOnly/);
      assert.match(setCookie, /; Max-Age=86400$/);
    }
  });

  it('each login is a new session', async () => {
    const emu = await world.start();
    assert.notEqual(await login(emu), await login(emu));
  });

  it('the api_key picks the project: same login_id, other password, other users', async () => {
    const emu = await world.start();
    assert.equal((await request(emu, 'POST', '/v2/login', { body: { ...business, api_key: otherApiKey } })).status, 401);
    const cookie = await login(emu, { ...business, password: 'Other-biz-1', api_key: otherApiKey });
    const list = await request(emu, 'GET', '/v2/users', { cookie });
    assert.deepEqual((parse(list) as { login_id: string }[]).map((u) => u.login_id), ['other-device']);
  });

  const badBodies: [string, string | undefined][] = [
    ['no body', undefined],
    ['invalid JSON', '{"login_id": "biz@conf.test",'],
    ['a JSON array', '[]'],
    ['a JSON string', '"biz@conf.test"'],
    ['no api_key', JSON.stringify({ login_id: business.login_id, password: business.password })],
    ['no password', JSON.stringify({ login_id: business.login_id, api_key: apiKey })],
    ['no login_id', JSON.stringify({ password: business.password, api_key: apiKey })],
    ['an empty login_id', JSON.stringify({ ...business, login_id: '' })],
    ['a numeric password', JSON.stringify({ ...business, password: 12345 })],
  ];
  for (const [what, raw] of badBodies) {
    it(`400 on ${what}, with a reason and no cookie`, async () => {
      const emu = await world.start();
      const res = await request(emu, 'POST', '/v2/login', raw === undefined ? {} : { raw });
      assert.equal(res.status, 400);
      assert.ok(res.text.length > 0);
      assert.equal(res.headers['set-cookie'], undefined);
    });
  }

  it('401 on a wrong password, an unknown login_id or an unknown api_key', async () => {
    const emu = await world.start();
    for (const body of [
      { ...business, password: 'wrong-password' },
      { ...business, login_id: 'nobody@conf.test' },
      { ...business, api_key: 'no-such-key' },
    ]) {
      const res = await request(emu, 'POST', '/v2/login', { body });
      assert.equal(res.status, 401, JSON.stringify(body));
      assert.equal(res.headers['set-cookie'], undefined);
    }
  });
});

describe('emulator: sessions', function () {
  const world = emulatorPerTest();

  it('401 without a cookie or with an unknown one; 200 with the login cookie', async () => {
    const emu = await world.start();
    assert.equal((await request(emu, 'GET', '/v2/users')).status, 401);
    assert.equal((await request(emu, 'GET', '/v2/users', { cookie: 'session=not-a-session' })).status, 401);
    const cookie = await login(emu);
    assert.equal((await request(emu, 'GET', '/v2/users', { cookie: `other=1; ${cookie}; x=y` })).status, 200);
  });

  it('expireSessions() ends every session: 401 until the next login', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    const basicCookie = await login(emu, basic);
    emu.expireSessions();
    assert.equal((await request(emu, 'GET', '/v2/users', { cookie })).status, 401);
    assert.equal((await request(emu, 'GET', '/v2/users/zeta', { cookie: basicCookie })).status, 401);
    const again = await login(emu);
    assert.equal((await request(emu, 'GET', '/v2/users', { cookie: again })).status, 200);
  });

  it('a short sessionTtlMs expires by itself (Max-Age never below 1 s)', async () => {
    const emu = await world.start({ sessionTtlMs: 300 });
    const res = await request(emu, 'POST', '/v2/login', { body: business });
    assert.match(String(res.headers['set-cookie']), /Max-Age=1$/);
    const cookie = cookieOf(res);
    assert.equal((await request(emu, 'GET', '/v2/users', { cookie })).status, 200);
    await sleep(350);
    assert.equal((await request(emu, 'GET', '/v2/users', { cookie })).status, 401);
  });

  it('sessionTtlMs set at runtime applies to the next login', async () => {
    const emu = await world.start();
    emu.configure({ sessionTtlMs: 100 });
    const cookie = await login(emu);
    await sleep(150);
    assert.equal((await request(emu, 'GET', '/v2/users', { cookie })).status, 401);
  });
});

describe('emulator: login lockout', function () {
  const world = emulatorPerTest();
  const wrong = { ...business, password: 'wrong-password' };

  it('locks after lockout.maxAttempts bad passwords: 403 mentioning the lock, even with the right password', async () => {
    const emu = await world.start({ lockout: { maxAttempts: 3, lockMs: 60_000 } });
    for (let i = 0; i < 3; i++) assert.equal((await request(emu, 'POST', '/v2/login', { body: wrong })).status, 401);
    const res = await request(emu, 'POST', '/v2/login', { body: business });
    assert.equal(res.status, 403);
    assert.match(res.text, /lock/i);
    assert.equal(res.headers['set-cookie'], undefined);
    // Per account: the others still log in.
    await login(emu, registration);
  });

  it('unlocks by itself after lockMs', async () => {
    const emu = await world.start({ lockout: { maxAttempts: 2, lockMs: 200 } });
    for (let i = 0; i < 2; i++) await request(emu, 'POST', '/v2/login', { body: wrong });
    assert.equal((await request(emu, 'POST', '/v2/login', { body: business })).status, 403);
    await sleep(250);
    await login(emu);
  });

  it('clearLockouts() unlocks at once', async () => {
    const emu = await world.start({ lockout: { maxAttempts: 1, lockMs: 60_000 } });
    await request(emu, 'POST', '/v2/login', { body: wrong });
    assert.equal((await request(emu, 'POST', '/v2/login', { body: business })).status, 403);
    emu.clearLockouts();
    await login(emu);
  });

  it('a good login resets the count of bad ones', async () => {
    const emu = await world.start({ lockout: { maxAttempts: 3, lockMs: 60_000 } });
    for (let i = 0; i < 2; i++) await request(emu, 'POST', '/v2/login', { body: wrong });
    await login(emu);
    for (let i = 0; i < 2; i++) await request(emu, 'POST', '/v2/login', { body: wrong });
    await login(emu);
  });

  it('defaults to 5 attempts', async () => {
    const emu = await world.start();
    for (let i = 0; i < 4; i++) await request(emu, 'POST', '/v2/login', { body: wrong });
    await login(emu);
    for (let i = 0; i < 5; i++) await request(emu, 'POST', '/v2/login', { body: wrong });
    assert.equal((await request(emu, 'POST', '/v2/login', { body: business })).status, 403);
  });
});
