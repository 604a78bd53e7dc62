import * as assert from 'node:assert/strict';
import { apiKey, basic, business, cookieOf, emulatorPerTest, login, otherApiKey, registration, request, sleep } from './fixture';
import { forEachProfile } from './forEachProfile';

describe('emulator: POST /v2/login', function () {
  forEachProfile((p) => {
    const maxAge = p.sessionTtlMs === undefined ? 86400 : Math.floor(p.sessionTtlMs / 1000);

    it(`200: body \`true\`, a session cookie (HttpOnly, Path=/, Max-Age=${maxAge})${p.several ? ' and an m1_csrf token cookie' : ' and no other'}, for every role`, async () => {
      const emu = await p.start();
      for (const credentials of [business, registration, basic]) {
        const res = await request(emu, 'POST', '/v2/login', { body: credentials });
        assert.equal(res.status, 200);
        assert.equal(res.text, 'true');
        assert.match(String(res.headers['content-type']), /^application\/json/);
        const [setCookie, token, ...more] = res.headers['set-cookie'] ?? [];
        assert.match(setCookie, /^session=[A-Za-z0-9_-]{20,}; /);
        assert.match(setCookie, /; Path=\//);
        assert.match(setCookie, /; HttpOnly/);
        assert.match(setCookie, new RegExp(`; Max-Age=${maxAge}$`));
        if (p.several) {
          assert.match(token, new RegExp(`^m1_csrf=[A-Za-z0-9_-]{16,}; Path=/; SameSite=Strict; Max-Age=${maxAge}$`));
        } else {
          assert.equal(token, undefined);
        }
        assert.deepEqual(more, []);
      }
    });

    it('each login is a new session', async () => {
      const emu = await p.start();
      const [first, second] = [await p.login(emu), await p.login(emu)];
      assert.notEqual(first, second);
      if (p.several) assert.notEqual(first.split('; ')[1], second.split('; ')[1], 'a new token too');
    });

    it('the api_key picks the project: same login_id, other password, other users', async () => {
      const emu = await p.start();
      p.error(await request(emu, 'POST', '/v2/login', { body: { ...business, api_key: otherApiKey } }), 401);
      const cookie = await p.login(emu, { ...business, password: 'Other-biz-1', api_key: otherApiKey });
      assert.equal((await p.request(emu, 'GET', '/v2/users/other-device', { cookie })).status, 200);
      p.error(await p.request(emu, 'GET', '/v2/users/zeta', { cookie }), p.unknownUserStatus);
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
        const emu = await p.start();
        const res = await request(emu, 'POST', '/v2/login', raw === undefined ? {} : { raw });
        p.error(res, 400, /login_id/);
        assert.equal(res.headers['set-cookie'], undefined);
      });
    }

    it('401 on a wrong password, an unknown login_id or an unknown api_key', async () => {
      const emu = await p.start();
      for (const body of [
        { ...business, password: 'wrong-password' },
        { ...business, login_id: 'nobody@conf.test' },
        { ...business, api_key: 'no-such-key' },
      ]) {
        const res = await request(emu, 'POST', '/v2/login', { body });
        p.error(res, 401, /invalid/);
        assert.equal(res.headers['set-cookie'], undefined);
      }
    });
  });
});

describe('emulator: sessions', function () {
  forEachProfile((p) => {
    it('401 without a cookie or with an unknown one; 200 with the login cookies', async () => {
      const emu = await p.start();
      p.error(await request(emu, 'GET', '/v2/users/zeta'), 401, /log in/);
      p.error(await request(emu, 'GET', '/v2/users/zeta', { cookie: 'session=not-a-session; m1_csrf=x' }), 401);
      const cookie = await p.login(emu);
      assert.equal((await p.request(emu, 'GET', '/v2/users/zeta', { cookie: `other=1; ${cookie}; x=y` })).status, 200);
    });

    it('expireSessions() ends every session: 401 until the next login', async () => {
      const emu = await p.start();
      const cookie = await p.login(emu);
      const basicCookie = await p.login(emu, basic);
      emu.expireSessions();
      p.error(await request(emu, 'GET', '/v2/users/alpha', { cookie }), 401);
      p.error(await request(emu, 'GET', '/v2/users/zeta', { cookie: basicCookie }), 401);
      const again = await p.login(emu);
      assert.equal((await p.request(emu, 'GET', '/v2/users/alpha', { cookie: again })).status, 200);
    });

    if (p.several) {
      it('a call must send back both cookies: the session alone, the token alone or a wrong token is 401 and spends nothing', async () => {
        const emu = await p.start();
        const res = await request(emu, 'POST', '/v2/login', { body: business });
        const [session, token] = cookieOf(res).split('; ');
        assert.match(token, /^m1_csrf=/);
        const other = cookieOf(await request(emu, 'POST', '/v2/login', { body: business })).split('; ')[1];
        for (const cookie of [session, token, `${session}; m1_csrf=forged`, `${session}; ${other}`]) {
          p.error(await request(emu, 'GET', '/v2/users/zeta', { cookie }), 401, /log in/);
        }
        // The refused calls did not end the session or spend its budget.
        const left = p.sessionMaxCalls ?? 1;
        for (let i = 0; i < left; i++) assert.equal((await request(emu, 'GET', '/v2/users/zeta', { cookie: `${token}; ${session}` })).status, 200);
      });
    } else {
      it('the session cookie alone is enough; a stray m1_csrf cookie changes nothing', async () => {
        const emu = await p.start();
        const cookie = await p.login(emu);
        assert.doesNotMatch(cookie, /m1_csrf/);
        assert.equal((await p.request(emu, 'GET', '/v2/users/zeta', { cookie })).status, 200);
        assert.equal((await p.request(emu, 'GET', '/v2/users/zeta', { cookie: `${cookie}; m1_csrf=anything` })).status, 200);
      });
    }

    if (p.sessionMaxCalls !== undefined) {
      const n = p.sessionMaxCalls;
      it(`a session ends after ${n} calls: call ${n + 1} and later are 401; logins and unknown routes do not count; a new login has a new budget`, async () => {
        const emu = await p.start();
        const cookie = cookieOf(await request(emu, 'POST', '/v2/login', { body: business }));
        // A login sent with the old cookies (as a client re-logging in does) spends nothing of their budget.
        await request(emu, 'POST', '/v2/login', { body: business, cookie });
        // Nor does a call to a route the server does not have.
        p.error(await request(emu, 'GET', '/v2/nothing', { cookie }), 404);
        const calls = ['GET /v2/users/zeta', 'PATCH /v2/users/zeta', 'DELETE /v2/users/Mid', 'GET /v2/users/alpha', 'GET /v2/users/zeta'];
        const got: number[] = [];
        for (const call of calls.slice(0, n + 2)) {
          const [method, path] = call.split(' ');
          got.push((await request(emu, method, path, { cookie, body: method === 'PATCH' ? { disabled: true } : undefined })).status);
        }
        assert.deepEqual(got, [200, 200, 204, 401, 401].slice(0, n + 2));
        const fresh = cookieOf(await request(emu, 'POST', '/v2/login', { body: business }));
        assert.equal((await request(emu, 'GET', '/v2/users/zeta', { cookie: fresh })).status, 200);
      });
    } else {
      it('no call budget: a session serves many calls', async () => {
        const emu = await p.start();
        const cookie = cookieOf(await request(emu, 'POST', '/v2/login', { body: business }));
        for (let i = 0; i < 12; i++) assert.equal((await request(emu, 'GET', '/v2/users/zeta', { cookie })).status, 200);
      });
    }

    if (p.sessionTtlMs !== undefined) {
      const ttl = p.sessionTtlMs;
      it(`a session ends ${ttl} ms after login, by itself`, async function () {
        this.timeout(ttl + 10_000);
        const emu = await p.start();
        const cookie = await p.login(emu);
        assert.equal((await p.request(emu, 'GET', '/v2/users/zeta', { cookie })).status, 200);
        await sleep(ttl + 50);
        p.error(await p.request(emu, 'GET', '/v2/users/zeta', { cookie }), 401);
      });
    }
  });

  describe('on the default server', function () {
    const world = emulatorPerTest();

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

    it('sessionMaxCalls set at runtime applies to the next login', async () => {
      const emu = await world.start();
      const before = await login(emu);
      emu.configure({ sessionMaxCalls: 1 });
      const after = await login(emu);
      assert.deepEqual([(await request(emu, 'GET', '/v2/users', { cookie: after })).status, (await request(emu, 'GET', '/v2/users', { cookie: after })).status], [200, 401]);
      assert.deepEqual([(await request(emu, 'GET', '/v2/users', { cookie: before })).status, (await request(emu, 'GET', '/v2/users', { cookie: before })).status], [200, 200]);
    });

    it("cookies: 'several' set at runtime: a session from before, without a token, is 401 (the client logs in again)", async () => {
      const emu = await world.start();
      const before = await login(emu);
      emu.configure({ cookies: 'several' });
      assert.equal((await request(emu, 'GET', '/v2/users', { cookie: before })).status, 401);
      const after = await login(emu);
      assert.match(after, /^session=[^;]+; m1_csrf=/);
      assert.equal((await request(emu, 'GET', '/v2/users', { cookie: after })).status, 200);
    });
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
