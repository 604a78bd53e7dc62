import * as assert from 'node:assert/strict';
import { basic, emulatorPerTest, login, parse, project, registration, request, sleep, userPath } from './fixture';

const DEFAULT_WEAK = 'the password did not meet minimum complexity requirements (at least 6 characters)';

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
