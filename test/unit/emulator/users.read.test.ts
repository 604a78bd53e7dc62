import * as assert from 'node:assert/strict';
import { basic, emulatorPerTest, login, parse, project, registration, request } from './fixture';
import { forEachProfile } from './forEachProfile';

describe('emulator: GET /v2/users', function () {
  const world = emulatorPerTest();

  forEachProfile((p) => {
    const hasList = p.listing === 'objects' || p.listing === 'loginIds';

    it(`a Business user: ${p.listing === 'objects' ? 'user objects of the wire shape' : p.listing === 'loginIds' ? 'login_id strings' : 'no list call'}, sorted by login_id (with or without the trailing slash)`, async () => {
      const emu = await p.start();
      const cookie = await p.login(emu);
      for (const path of ['/v2/users', '/v2/users/']) {
        const res = await p.request(emu, 'GET', path, { cookie });
        if (p.listing === 'unsupported') {
          p.error(res, 404, /not found/i);
          continue;
        }
        if (p.listing === 'notAllowed') {
          p.error(res, 405, /not allowed/i);
          assert.equal(res.headers.allow, 'POST');
          continue;
        }
        assert.equal(res.status, 200);
        assert.match(String(res.headers['content-type']), /^application\/json/);
        assert.deepEqual(
          parse(res),
          p.listing === 'loginIds'
            ? ['Mid', 'alpha', 'zeta']
            : [
                { disabled: false, login_id: 'Mid', user_data: {}, mqtt_id: 'mqttMid0001' },
                { disabled: true, login_id: 'alpha', user_data: { site: 'lab', n: 1 }, mqtt_id: 'mqttAlpha01' },
                { disabled: false, login_id: 'zeta', user_data: {}, mqtt_id: 'mqttZeta001' },
              ],
        );
      }
    });

    if (hasList) {
      it('403 for Registration and Basic; 401 without a session', async () => {
        const emu = await p.start();
        p.error(await p.request(emu, 'GET', '/v2/users', { cookie: await p.login(emu, registration) }), 403, /Business/);
        p.error(await p.request(emu, 'GET', '/v2/users', { cookie: await p.login(emu, basic) }), 403, /Business/);
        p.error(await request(emu, 'GET', '/v2/users'), 401, /log in/);
      });
    } else {
      it('no list call for anyone: the same answer with any role or no session, and POST still creates', async () => {
        const emu = await p.start();
        const status = p.listing === 'unsupported' ? 404 : 405;
        for (const cookie of [await p.login(emu, registration), await p.login(emu, basic), undefined]) {
          p.error(await p.request(emu, 'GET', '/v2/users', { cookie }), status);
        }
        const created = await p.request(emu, 'POST', '/v2/users', { cookie: await p.login(emu), body: { login_id: 'still', password: 'Still-pass-1' } });
        assert.ok(p.created.includes(created.status), String(created.status));
      });
    }
  });

  it('the listing changes at runtime, in both directions', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    emu.configure({ listing: 'unsupported' });
    assert.equal((await request(emu, 'GET', '/v2/users', { cookie })).status, 404);
    emu.configure({ listing: 'notAllowed' });
    assert.equal((await request(emu, 'GET', '/v2/users', { cookie })).status, 405);
    emu.configure({ listing: undefined });
    assert.equal((await request(emu, 'GET', '/v2/users', { cookie })).status, 200);
  });
});

describe('emulator: GET /v2/users/<login_id>', function () {
  forEachProfile((p) => {
    it('200 with exactly {"disabled","login_id","user_data","mqtt_id"}, in that order', async () => {
      const emu = await p.start();
      const res = await p.request(emu, 'GET', '/v2/users/alpha', { cookie: await p.login(emu) });
      assert.equal(res.status, 200);
      assert.equal(res.text, '{"disabled":true,"login_id":"alpha","user_data":{"site":"lab","n":1},"mqtt_id":"mqttAlpha01"}');
    });

    it('a Basic user reads itself (200) but not another user (403, even one that does not exist)', async () => {
      const emu = await p.start();
      const cookie = await p.login(emu, basic);
      const self = await p.request(emu, 'GET', '/v2/users/zeta', { cookie });
      assert.equal(self.status, 200);
      assert.deepEqual(parse(self), { disabled: false, login_id: 'zeta', user_data: {}, mqtt_id: 'mqttZeta001' });
      p.error(await p.request(emu, 'GET', '/v2/users/alpha', { cookie }), 403, /only its own/);
      p.error(await p.request(emu, 'GET', '/v2/users/ghost', { cookie }), 403, /only its own/);
    });

    it(`403 for Registration, ${p.unknownUserStatus} for an unknown user, 401 without a session`, async () => {
      const emu = await p.start();
      p.error(await p.request(emu, 'GET', '/v2/users/zeta', { cookie: await p.login(emu, registration) }), 403, /Registration/);
      p.error(await p.request(emu, 'GET', '/v2/users/ghost', { cookie: await p.login(emu) }), p.unknownUserStatus, p.unknownUserStatus === 404 ? /no user "ghost"/ : /forbidden/i);
      p.error(await request(emu, 'GET', '/v2/users/zeta'), 401);
    });

    it('sees writes made behind the client’s back (putUser, setDisabled, removeUser)', async () => {
      const emu = await p.start();
      const cookie = await p.login(emu);
      emu.putUser(project, { loginId: 'side', password: 'Side-pass-1', userData: { k: 'v' } });
      emu.setDisabled(project, 'side', true);
      const res = await p.request(emu, 'GET', '/v2/users/side', { cookie });
      assert.deepEqual(parse(res), { disabled: true, login_id: 'side', user_data: { k: 'v' }, mqtt_id: emu.getUser(project, 'side')?.mqttId });
      emu.removeUser(project, 'side');
      p.error(await p.request(emu, 'GET', '/v2/users/side', { cookie }), p.unknownUserStatus);
    });
  });
});
