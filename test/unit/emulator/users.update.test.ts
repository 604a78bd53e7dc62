import * as assert from 'node:assert/strict';
import { basic, parse, project, registration, request } from './fixture';
import { forEachProfile } from './forEachProfile';

const DEFAULT_WEAK = 'the password did not meet minimum complexity requirements (at least 6 characters)';

describe('emulator: PATCH /v2/users/<login_id>', function () {
  forEachProfile((p) => {
    it('200: the body lists the updated fields, and the state holds them', async () => {
      const emu = await p.start();
      const cookie = await p.login(emu);
      const off = await p.request(emu, 'PATCH', '/v2/users/zeta', { cookie, body: { disabled: true } });
      assert.equal(off.status, 200);
      assert.deepEqual(parse(off), ['disabled']);
      assert.equal(emu.getUser(project, 'zeta')?.disabled, true);
      const both = await p.request(emu, 'PATCH', '/v2/users/zeta', { cookie, body: { password: 'Changed-pass-2', disabled: false } });
      assert.deepEqual(parse(both), ['password', 'disabled']);
      assert.equal(emu.getUser(project, 'zeta')?.disabled, false);
      assert.ok(emu.checkPassword(project, 'zeta', 'Changed-pass-2'));
      const pw = await p.request(emu, 'PATCH', '/v2/users/zeta', { cookie, body: { password: 'Changed-pass-3' } });
      assert.deepEqual(parse(pw), ['password']);
    });

    const bad: [string, { body: unknown } | { raw: string }][] = [
      ['neither field', { body: {} }],
      ['a string disabled', { body: { disabled: 'true' } }],
      ['a numeric password', { body: { password: 123456 } }],
      ['a null password', { body: { password: null } }],
      ['a body that is not JSON', { raw: 'disabled=true' }],
    ];
    for (const [what, payload] of bad) {
      it(`400 on ${what}; nothing changes`, async () => {
        const emu = await p.start();
        const res = await p.request(emu, 'PATCH', '/v2/users/zeta', { cookie: await p.login(emu), ...payload });
        p.error(res, 400, /password|disabled/);
        assert.equal(emu.getUser(project, 'zeta')?.disabled, false);
        assert.ok(emu.checkPassword(project, 'zeta', basic.password));
      });
    }

    it('400 on a weak password, with the rule’s message, and the disabled flag in the same call is not applied', async () => {
      const emu = await p.start();
      const res = await p.request(emu, 'PATCH', '/v2/users/zeta', { cookie: await p.login(emu), body: { password: 'abc', disabled: true } });
      const reason = p.error(res, 400);
      if (p.errorBodies !== 'empty') assert.equal(reason, DEFAULT_WEAK);
      assert.equal(emu.getUser(project, 'zeta')?.disabled, false);
      assert.ok(emu.checkPassword(project, 'zeta', basic.password));
    });

    it('401 for Registration and for a Basic user on another user', async () => {
      const emu = await p.start();
      p.error(await p.request(emu, 'PATCH', '/v2/users/zeta', { cookie: await p.login(emu, registration), body: { disabled: true } }), 401, /Registration/);
      p.error(await p.request(emu, 'PATCH', '/v2/users/alpha', { cookie: await p.login(emu, basic), body: { disabled: false } }), 401, /only itself/);
      p.error(await request(emu, 'PATCH', '/v2/users/zeta', { body: { disabled: true } }), 401);
      assert.equal(emu.getUser(project, 'zeta')?.disabled, false);
      assert.equal(emu.getUser(project, 'alpha')?.disabled, true);
    });

    it('a Basic user may change its own password, and logs in with it', async () => {
      const emu = await p.start();
      const res = await p.request(emu, 'PATCH', '/v2/users/zeta', { cookie: await p.login(emu, basic), body: { password: 'Own-new-pass-1' } });
      assert.equal(res.status, 200);
      assert.deepEqual(parse(res), ['password']);
      p.error(await request(emu, 'POST', '/v2/login', { body: basic }), 401);
      await p.login(emu, { ...basic, password: 'Own-new-pass-1' });
    });

    it(`${p.unknownUserStatus} for an unknown user`, async () => {
      const emu = await p.start();
      const res = await p.request(emu, 'PATCH', '/v2/users/ghost', { cookie: await p.login(emu), body: { disabled: true } });
      p.error(res, p.unknownUserStatus, p.unknownUserStatus === 404 ? /no user "ghost"/ : /forbidden/i);
      assert.equal(emu.getUser(project, 'ghost'), undefined);
    });
  });
});

describe('emulator: DELETE /v2/users/<login_id>', function () {
  forEachProfile((p) => {
    it(`204 with an empty body; the user is gone; a second DELETE is ${p.unknownUserStatus}`, async () => {
      const emu = await p.start();
      const cookie = await p.login(emu);
      const res = await p.request(emu, 'DELETE', '/v2/users/alpha', { cookie });
      assert.equal(res.status, 204);
      assert.equal(res.text, '');
      assert.equal(emu.getUser(project, 'alpha'), undefined);
      assert.deepEqual(emu.listUsers(project).map((u) => u.loginId), ['Mid', 'zeta']);
      p.error(await p.request(emu, 'DELETE', '/v2/users/alpha', { cookie }), p.unknownUserStatus);
    });

    it('403 for Registration and Basic (even on itself); 401 without a session', async () => {
      const emu = await p.start();
      p.error(await p.request(emu, 'DELETE', '/v2/users/alpha', { cookie: await p.login(emu, registration) }), 403, /Business/);
      p.error(await p.request(emu, 'DELETE', '/v2/users/zeta', { cookie: await p.login(emu, basic) }), 403, /Business/);
      p.error(await request(emu, 'DELETE', '/v2/users/alpha'), 401);
      assert.deepEqual(emu.listUsers(project).map((u) => u.loginId), ['Mid', 'alpha', 'zeta']);
    });
  });
});
