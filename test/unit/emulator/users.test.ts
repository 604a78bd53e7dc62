import * as assert from 'node:assert/strict';
import { basic, emulatorPerTest, login, parse, project, registration, request, sleep, userPath } from './fixture';

const DEFAULT_WEAK = 'the password did not meet minimum complexity requirements (at least 6 characters)';

describe('emulator: GET /v2/users', function () {
  const world = emulatorPerTest();

  it('200: user objects of the wire shape, sorted by login_id (with or without the trailing slash)', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    for (const path of ['/v2/users', '/v2/users/']) {
      const res = await request(emu, 'GET', path, { cookie });
      assert.equal(res.status, 200);
      assert.match(String(res.headers['content-type']), /^application\/json/);
      assert.deepEqual(parse(res), [
        { disabled: false, login_id: 'Mid', user_data: {}, mqtt_id: 'mqttMid0001' },
        { disabled: true, login_id: 'alpha', user_data: { site: 'lab', n: 1 }, mqtt_id: 'mqttAlpha01' },
        { disabled: false, login_id: 'zeta', user_data: {}, mqtt_id: 'mqttZeta001' },
      ]);
    }
  });

  it("listing 'loginIds': sorted login_id strings", async () => {
    const emu = await world.start({ listing: 'loginIds' });
    const res = await request(emu, 'GET', '/v2/users', { cookie: await login(emu) });
    assert.equal(res.status, 200);
    assert.deepEqual(parse(res), ['Mid', 'alpha', 'zeta']);
  });

  it("listing 'unsupported': 404, as a server without the list call", async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    emu.configure({ listing: 'unsupported' });
    assert.equal((await request(emu, 'GET', '/v2/users', { cookie })).status, 404);
    emu.configure({ listing: undefined });
    assert.equal((await request(emu, 'GET', '/v2/users', { cookie })).status, 200);
  });

  it('403 for Registration and Basic; 401 without a session', async () => {
    const emu = await world.start();
    assert.equal((await request(emu, 'GET', '/v2/users', { cookie: await login(emu, registration) })).status, 403);
    assert.equal((await request(emu, 'GET', '/v2/users', { cookie: await login(emu, basic) })).status, 403);
    assert.equal((await request(emu, 'GET', '/v2/users')).status, 401);
  });
});

describe('emulator: POST /v2/users (create)', function () {
  const world = emulatorPerTest();

  for (const path of ['/v2/users/', '/v2/users']) {
    it(`200 {"login_id"} on POST ${path}; the user exists, enabled, with an mqtt_id and the password`, async () => {
      const emu = await world.start();
      const res = await request(emu, 'POST', path, { cookie: await login(emu), body: { login_id: 'new@x.io', password: 'New-pass-1' } });
      assert.equal(res.status, 200);
      assert.equal(res.text, '{"login_id":"new@x.io"}');
      const user = emu.getUser(project, 'new@x.io');
      assert.ok(user);
      assert.equal(user.disabled, false);
      assert.match(user.mqttId, /^[A-Za-z0-9_-]{11}$/);
      assert.deepEqual(user.userData, {});
      assert.ok(emu.checkPassword(project, 'new@x.io', 'New-pass-1'));
    });
  }

  it('a Registration user may create too', async () => {
    const emu = await world.start();
    const res = await request(emu, 'POST', '/v2/users/', { cookie: await login(emu, registration), body: { login_id: 'r1', password: 'Reg-made-1' } });
    assert.equal(res.status, 200);
    assert.ok(emu.getUser(project, 'r1'));
  });

  it('202 with acceptedCreation: not there yet, a second POST is refused as existing, then it appears', async () => {
    const emu = await world.start({ acceptedCreation: { delayMs: 300 } });
    const cookie = await login(emu);
    const body = { login_id: 'later@x.io', password: 'Later-pass-1' };
    const res = await request(emu, 'POST', '/v2/users/', { cookie, body });
    assert.equal(res.status, 202);
    assert.deepEqual(parse(res), { login_id: 'later@x.io' });
    assert.equal((await request(emu, 'GET', userPath('later@x.io'), { cookie })).status, 404);
    assert.equal(emu.getUser(project, 'later@x.io'), undefined);
    const second = await request(emu, 'POST', '/v2/users/', { cookie, body: { ...body, password: 'Other-pass-2' } });
    assert.equal(second.status, 403);
    assert.match(second.text, /exists/);
    await sleep(400);
    const got = await request(emu, 'GET', userPath('later@x.io'), { cookie });
    assert.equal(got.status, 200);
    assert.equal((parse(got) as { login_id: string }).login_id, 'later@x.io');
    assert.ok(emu.checkPassword(project, 'later@x.io', 'Later-pass-1'), 'the first password wins');
  });

  const missing: [string, string | undefined][] = [
    ['no body', undefined],
    ['invalid JSON', '{"login_id":'],
    ['no password', '{"login_id":"a@x.io"}'],
    ['no login_id', '{"password":"Good-pass-1"}'],
    ['an empty login_id', '{"login_id":"","password":"Good-pass-1"}'],
    ['a numeric login_id', '{"login_id":42,"password":"Good-pass-1"}'],
  ];
  for (const [what, raw] of missing) {
    it(`400 on ${what}`, async () => {
      const emu = await world.start();
      const before = emu.listUsers(project);
      const res = await request(emu, 'POST', '/v2/users/', raw === undefined ? { cookie: await login(emu) } : { cookie: await login(emu), raw });
      assert.equal(res.status, 400);
      assert.ok(res.text.length > 0);
      assert.deepEqual(emu.listUsers(project), before);
    });
  }

  it('400 on a weak password with the default rule (6 characters) and its message', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    const res = await request(emu, 'POST', '/v2/users/', { cookie, body: { login_id: 'weak', password: '12345' } });
    assert.equal(res.status, 400);
    assert.equal(res.text, DEFAULT_WEAK);
    assert.equal(emu.getUser(project, 'weak'), undefined);
    assert.equal((await request(emu, 'POST', '/v2/users/', { cookie, body: { login_id: 'weak', password: '123456' } })).status, 200);
  });

  it('400 on a weak password with a configured passwordRule: its message, its pattern', async () => {
    const emu = await world.start({ passwordRule: { minLength: 8, pattern: '[0-9]', message: 'at least 8 characters and a digit' } });
    const cookie = await login(emu);
    for (const password of ['abc1', 'abcdefgh']) {
      const res = await request(emu, 'POST', '/v2/users/', { cookie, body: { login_id: 'ruled', password } });
      assert.equal(res.status, 400, password);
      assert.equal(res.text, 'at least 8 characters and a digit');
    }
    assert.equal((await request(emu, 'POST', '/v2/users/', { cookie, body: { login_id: 'ruled', password: 'abcdefg1' } })).status, 200);
    emu.configure({ passwordRule: { minLength: 20 } });
    const res = await request(emu, 'POST', '/v2/users/', { cookie, body: { login_id: 'ruled2', password: 'abcdefg1' } });
    assert.equal(res.status, 400);
    assert.match(res.text, /at least 20 characters/);
  });

  it('403 when the login_id exists (a basic user or an admin)', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    for (const loginId of ['zeta', 'reg@conf.test']) {
      const res = await request(emu, 'POST', '/v2/users/', { cookie, body: { login_id: loginId, password: 'Fresh-pass-1' } });
      assert.equal(res.status, 403);
      assert.match(res.text, /already exists/);
    }
    assert.ok(emu.checkPassword(project, 'zeta', basic.password), 'the existing user is untouched');
  });

  it('401 for a Basic user and without a session', async () => {
    const emu = await world.start();
    const body = { login_id: 'nope', password: 'Nope-pass-1' };
    assert.equal((await request(emu, 'POST', '/v2/users/', { cookie: await login(emu, basic), body })).status, 401);
    assert.equal((await request(emu, 'POST', '/v2/users/', { body })).status, 401);
    assert.equal(emu.getUser(project, 'nope'), undefined);
  });
});

describe('emulator: GET /v2/users/<login_id>', function () {
  const world = emulatorPerTest();

  it('200 with exactly {"disabled","login_id","user_data","mqtt_id"}, in that order', async () => {
    const emu = await world.start();
    const res = await request(emu, 'GET', '/v2/users/alpha', { cookie: await login(emu) });
    assert.equal(res.status, 200);
    assert.equal(res.text, '{"disabled":true,"login_id":"alpha","user_data":{"site":"lab","n":1},"mqtt_id":"mqttAlpha01"}');
  });

  it('a Basic user reads itself (200) but not another user (403, even one that does not exist)', async () => {
    const emu = await world.start();
    const cookie = await login(emu, basic);
    const self = await request(emu, 'GET', '/v2/users/zeta', { cookie });
    assert.equal(self.status, 200);
    assert.deepEqual(parse(self), { disabled: false, login_id: 'zeta', user_data: {}, mqtt_id: 'mqttZeta001' });
    assert.equal((await request(emu, 'GET', '/v2/users/alpha', { cookie })).status, 403);
    assert.equal((await request(emu, 'GET', '/v2/users/ghost', { cookie })).status, 403);
  });

  it('403 for Registration, 404 for an unknown user, 401 without a session', async () => {
    const emu = await world.start();
    assert.equal((await request(emu, 'GET', '/v2/users/zeta', { cookie: await login(emu, registration) })).status, 403);
    assert.equal((await request(emu, 'GET', '/v2/users/ghost', { cookie: await login(emu) })).status, 404);
    assert.equal((await request(emu, 'GET', '/v2/users/zeta')).status, 401);
  });

  it('sees writes made behind the client’s back (putUser, setDisabled, removeUser)', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    emu.putUser(project, { loginId: 'side', password: 'Side-pass-1', userData: { k: 'v' } });
    emu.setDisabled(project, 'side', true);
    const res = await request(emu, 'GET', '/v2/users/side', { cookie });
    assert.deepEqual(parse(res), { disabled: true, login_id: 'side', user_data: { k: 'v' }, mqtt_id: emu.getUser(project, 'side')?.mqttId });
    emu.removeUser(project, 'side');
    assert.equal((await request(emu, 'GET', '/v2/users/side', { cookie })).status, 404);
  });
});

describe('emulator: PATCH /v2/users/<login_id>', function () {
  const world = emulatorPerTest();

  it('200: the body lists the updated fields, and the state holds them', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    const off = await request(emu, 'PATCH', '/v2/users/zeta', { cookie, body: { disabled: true } });
    assert.equal(off.status, 200);
    assert.deepEqual(parse(off), ['disabled']);
    assert.equal(emu.getUser(project, 'zeta')?.disabled, true);
    const both = await request(emu, 'PATCH', '/v2/users/zeta', { cookie, body: { password: 'Changed-pass-2', disabled: false } });
    assert.deepEqual(parse(both), ['password', 'disabled']);
    assert.equal(emu.getUser(project, 'zeta')?.disabled, false);
    assert.ok(emu.checkPassword(project, 'zeta', 'Changed-pass-2'));
    const pw = await request(emu, 'PATCH', '/v2/users/zeta', { cookie, body: { password: 'Changed-pass-3' } });
    assert.deepEqual(parse(pw), ['password']);
  });

  const bad: [string, unknown][] = [
    ['neither field', {}],
    ['a string disabled', { disabled: 'true' }],
    ['a numeric password', { password: 123456 }],
    ['a null password', { password: null }],
  ];
  for (const [what, body] of bad) {
    it(`400 on ${what}; nothing changes`, async () => {
      const emu = await world.start();
      const res = await request(emu, 'PATCH', '/v2/users/zeta', { cookie: await login(emu), body });
      assert.equal(res.status, 400);
      assert.equal(emu.getUser(project, 'zeta')?.disabled, false);
      assert.ok(emu.checkPassword(project, 'zeta', basic.password));
    });
  }

  it('400 on a body that is not JSON', async () => {
    const emu = await world.start();
    assert.equal((await request(emu, 'PATCH', '/v2/users/zeta', { cookie: await login(emu), raw: 'disabled=true' })).status, 400);
  });

  it('400 on a weak password, with the rule’s message, and the disabled flag in the same call is not applied', async () => {
    const emu = await world.start();
    const res = await request(emu, 'PATCH', '/v2/users/zeta', { cookie: await login(emu), body: { password: 'abc', disabled: true } });
    assert.equal(res.status, 400);
    assert.equal(res.text, DEFAULT_WEAK);
    assert.equal(emu.getUser(project, 'zeta')?.disabled, false);
    assert.ok(emu.checkPassword(project, 'zeta', basic.password));
  });

  it('401 for Registration and for a Basic user on another user', async () => {
    const emu = await world.start();
    assert.equal((await request(emu, 'PATCH', '/v2/users/zeta', { cookie: await login(emu, registration), body: { disabled: true } })).status, 401);
    assert.equal((await request(emu, 'PATCH', '/v2/users/alpha', { cookie: await login(emu, basic), body: { disabled: false } })).status, 401);
    assert.equal((await request(emu, 'PATCH', '/v2/users/zeta', { body: { disabled: true } })).status, 401);
    assert.equal(emu.getUser(project, 'zeta')?.disabled, false);
    assert.equal(emu.getUser(project, 'alpha')?.disabled, true);
  });

  it('a Basic user may change its own password, and logs in with it', async () => {
    const emu = await world.start();
    const res = await request(emu, 'PATCH', '/v2/users/zeta', { cookie: await login(emu, basic), body: { password: 'Own-new-pass-1' } });
    assert.equal(res.status, 200);
    assert.deepEqual(parse(res), ['password']);
    assert.equal((await request(emu, 'POST', '/v2/login', { body: basic })).status, 401);
    await login(emu, { ...basic, password: 'Own-new-pass-1' });
  });

  it('404 for an unknown user', async () => {
    const emu = await world.start();
    assert.equal((await request(emu, 'PATCH', '/v2/users/ghost', { cookie: await login(emu), body: { disabled: true } })).status, 404);
    assert.equal(emu.getUser(project, 'ghost'), undefined);
  });
});

describe('emulator: DELETE /v2/users/<login_id>', function () {
  const world = emulatorPerTest();

  it('204 with an empty body; the user is gone; a second DELETE is 404', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    const res = await request(emu, 'DELETE', '/v2/users/alpha', { cookie });
    assert.equal(res.status, 204);
    assert.equal(res.text, '');
    assert.equal(emu.getUser(project, 'alpha'), undefined);
    assert.deepEqual(emu.listUsers(project).map((u) => u.loginId), ['Mid', 'zeta']);
    assert.equal((await request(emu, 'DELETE', '/v2/users/alpha', { cookie })).status, 404);
  });

  it('403 for Registration and Basic (even on itself); 401 without a session', async () => {
    const emu = await world.start();
    assert.equal((await request(emu, 'DELETE', '/v2/users/alpha', { cookie: await login(emu, registration) })).status, 403);
    assert.equal((await request(emu, 'DELETE', '/v2/users/zeta', { cookie: await login(emu, basic) })).status, 403);
    assert.equal((await request(emu, 'DELETE', '/v2/users/alpha')).status, 401);
    assert.deepEqual(emu.listUsers(project).map((u) => u.loginId), ['Mid', 'alpha', 'zeta']);
  });
});

describe('emulator: routing', function () {
  const world = emulatorPerTest();

  it('404 on unknown routes, logged in or not', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    for (const path of ['/', '/v1/users', '/v2', '/v2/nothing', '/v2/login/', '/v2/users/zeta/extra', '/v2/users//']) {
      assert.equal((await request(emu, 'GET', path, { cookie })).status, 404, path);
    }
  });

  it('405 on a documented path with another method, with an Allow header', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    const cases: [string, string, string][] = [
      ['GET', '/v2/login', 'POST'],
      ['PUT', '/v2/login', 'POST'],
      ['DELETE', '/v2/users', 'GET, POST'],
      ['PATCH', '/v2/users/', 'GET, POST'],
      ['POST', '/v2/users/zeta', 'GET, PATCH, DELETE'],
      ['PUT', '/v2/users/zeta', 'GET, PATCH, DELETE'],
    ];
    for (const [method, path, allow] of cases) {
      const res = await request(emu, method, path, { cookie });
      assert.equal(res.status, 405, `${method} ${path}`);
      assert.equal(res.headers.allow, allow, `${method} ${path}`);
    }
  });

  it('400 on a login_id that is not valid percent-encoding', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    for (const path of ['/v2/users/%E0%A4%A', '/v2/users/%zz', '/v2/users/abc%']) {
      const res = await request(emu, 'GET', path, { cookie });
      assert.equal(res.status, 400, path);
      assert.match(res.text, /percent-encoding/);
    }
  });

  it('ignores the query string', async () => {
    const emu = await world.start();
    const res = await request(emu, 'GET', '/v2/users/zeta?fields=all', { cookie: await login(emu) });
    assert.equal(res.status, 200);
    assert.equal((parse(res) as { login_id: string }).login_id, 'zeta');
  });
});
