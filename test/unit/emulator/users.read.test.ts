import * as assert from 'node:assert/strict';
import { basic, emulatorPerTest, login, parse, project, registration, request } from './fixture';

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
