import * as assert from 'node:assert/strict';
import { basic, emulatorPerTest, login, parse, project, registration, request, sleep, userPath } from './fixture';
import { forEachProfile } from './forEachProfile';

const DEFAULT_WEAK = 'the password did not meet minimum complexity requirements (at least 6 characters)';

describe('emulator: POST /v2/users (create)', function () {
  forEachProfile((p) => {
    for (const path of ['/v2/users/', '/v2/users']) {
      it(`${p.created.join(' or ')} {"login_id"} on POST ${path}; the user exists, enabled, with an mqtt_id and the password`, async () => {
        const emu = await p.start();
        const res = await p.request(emu, 'POST', path, { cookie: await p.login(emu), body: { login_id: 'new@x.io', password: 'New-pass-1' } });
        assert.ok(p.created.includes(res.status), String(res.status));
        assert.equal(res.text, '{"login_id":"new@x.io"}');
        await p.landed(emu, project, 'new@x.io');
        const user = emu.getUser(project, 'new@x.io');
        assert.ok(user);
        assert.equal(user.disabled, false);
        assert.match(user.mqttId, /^[A-Za-z0-9_-]{11}$/);
        assert.deepEqual(user.userData, {});
        assert.ok(emu.checkPassword(project, 'new@x.io', 'New-pass-1'));
      });
    }

    it('a Registration user may create too', async () => {
      const emu = await p.start();
      const res = await p.request(emu, 'POST', '/v2/users/', { cookie: await p.login(emu, registration), body: { login_id: 'r1', password: 'Reg-made-1' } });
      assert.ok(p.created.includes(res.status), String(res.status));
      await p.landed(emu, project, 'r1');
    });

    it(p.acceptedShare === 0 ? 'every create answers 200 and the user is there at once' : `a share of ${p.acceptedShare} of the creates answers 202, spread evenly from the first; each user appears later`, async () => {
      // A 202 user appears after a delay; the GET right after its create must not race it, even on a loaded machine.
      const accepted = p.settings.acceptedCreation && { ...p.settings.acceptedCreation, delayMs: 1000 };
      const emu = await p.start(accepted ? { acceptedCreation: accepted } : {});
      const cookie = await p.login(emu);
      const answered: number[] = [];
      for (let i = 0; i < 8; i++) {
        const res = await p.request(emu, 'POST', '/v2/users/', { cookie, body: { login_id: `many-${i}`, password: 'Many-pass-1' } });
        answered.push(res.status);
        assert.deepEqual(parse(res), { login_id: `many-${i}` });
        if (res.status === 202) {
          assert.equal(emu.getUser(project, `many-${i}`), undefined, 'a 202 user is not there yet');
          p.error(await p.request(emu, 'GET', userPath(`many-${i}`), { cookie }), p.unknownUserStatus);
        } else {
          assert.ok(emu.getUser(project, `many-${i}`), 'a 200 user is there at once');
        }
      }
      const expected = { 0: [200, 200, 200, 200, 200, 200, 200, 200], 0.5: [202, 200, 202, 200, 202, 200, 202, 200], 1: [202, 202, 202, 202, 202, 202, 202, 202] }[p.acceptedShare];
      assert.deepEqual(answered, expected);
      for (let i = 0; i < 8; i++) await p.landed(emu, project, `many-${i}`);
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
        const emu = await p.start();
        const before = emu.listUsers(project);
        const cookie = await p.login(emu);
        const res = await p.request(emu, 'POST', '/v2/users/', raw === undefined ? { cookie } : { cookie, raw });
        p.error(res, 400, /login_id/);
        assert.deepEqual(emu.listUsers(project), before);
      });
    }

    it('400 on a weak password with the default rule (6 characters) and its message', async () => {
      const emu = await p.start();
      const cookie = await p.login(emu);
      const res = await p.request(emu, 'POST', '/v2/users/', { cookie, body: { login_id: 'weak', password: '12345' } });
      const reason = p.error(res, 400);
      if (p.errorBodies !== 'empty') assert.equal(reason, DEFAULT_WEAK);
      assert.equal(emu.getUser(project, 'weak'), undefined);
      const ok = await p.request(emu, 'POST', '/v2/users/', { cookie, body: { login_id: 'weak', password: '123456' } });
      assert.ok(p.created.includes(ok.status), String(ok.status));
    });

    it(`${p.existsStatus} when the login_id exists (a basic user, an admin, or one accepted with 202 and not there yet)`, async () => {
      const emu = await p.start({ acceptedCreation: { delayMs: 60_000 } });
      const cookie = await p.login(emu);
      assert.equal((await p.request(emu, 'POST', '/v2/users/', { cookie, body: { login_id: 'pending', password: 'Pending-pass-1' } })).status, 202);
      for (const loginId of ['zeta', 'reg@conf.test', 'pending']) {
        const res = await p.request(emu, 'POST', '/v2/users/', { cookie, body: { login_id: loginId, password: 'Fresh-pass-1' } });
        p.error(res, p.existsStatus, p.existsStatus === 403 ? /already exists/ : /already in use/);
      }
      assert.ok(emu.checkPassword(project, 'zeta', basic.password), 'the existing user is untouched');
    });

    it('401 for a Basic user and without a session', async () => {
      const emu = await p.start();
      const body = { login_id: 'nope', password: 'Nope-pass-1' };
      p.error(await p.request(emu, 'POST', '/v2/users/', { cookie: await p.login(emu, basic), body }), 401, /Basic/);
      p.error(await request(emu, 'POST', '/v2/users/', { body }), 401, /log in/);
      assert.equal(emu.getUser(project, 'nope'), undefined);
    });
  });

  describe('on the default server', function () {
    const world = emulatorPerTest();

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

    it('the 202 share restarts when acceptedCreation is set again', async () => {
      const emu = await world.start({ acceptedCreation: { delayMs: 60_000, share: 0.5 } });
      const cookie = await login(emu);
      const create = async (id: string) => (await request(emu, 'POST', '/v2/users/', { cookie, body: { login_id: id, password: 'Share-pass-1' } })).status;
      assert.deepEqual([await create('s1'), await create('s2'), await create('s3')], [202, 200, 202]);
      emu.configure({ acceptedCreation: { delayMs: 60_000, share: 0.5 } });
      assert.deepEqual([await create('s4'), await create('s5')], [202, 200]);
      emu.configure({ acceptedCreation: { delayMs: 60_000, share: 0.25 } });
      assert.deepEqual([await create('s6'), await create('s7'), await create('s8'), await create('s9'), await create('s10')], [202, 200, 200, 200, 202]);
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
  });
});
