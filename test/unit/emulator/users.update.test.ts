import * as assert from 'node:assert/strict';
import { basic, emulatorPerTest, login, parse, project, registration, request } from './fixture';

const DEFAULT_WEAK = 'the password did not meet minimum complexity requirements (at least 6 characters)';

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
