import * as assert from 'node:assert/strict';
import { emulatorPerTest, login, parse, project, request, userPath } from './fixture';

const ids = ['a/b', 'x?y#z', '%2F', 'ü@example.com', 'a b+c', `${'long-id.'.repeat(37)}4567`];

describe('emulator: percent-encoded login_ids round-trip', function () {
  const world = emulatorPerTest();

  it('the 300-character id is 300 characters', () => {
    assert.equal(ids[5].length, 300);
  });

  for (const id of ids) {
    it(`${JSON.stringify(id.length > 20 ? `${id.slice(0, 20)}…` : id)}: POST (body), then GET, PATCH, DELETE (path)`, async () => {
      const emu = await world.start();
      const cookie = await login(emu);
      const created = await request(emu, 'POST', '/v2/users/', { cookie, body: { login_id: id, password: 'Round-trip-1' } });
      assert.equal(created.status, 200);
      assert.deepEqual(parse(created), { login_id: id });
      assert.ok(emu.getUser(project, id));
      assert.ok((parse(await request(emu, 'GET', '/v2/users', { cookie })) as { login_id: string }[]).some((u) => u.login_id === id));

      const path = userPath(id);
      const got = await request(emu, 'GET', path, { cookie });
      assert.equal(got.status, 200);
      assert.equal((parse(got) as { login_id: string }).login_id, id);
      const patched = await request(emu, 'PATCH', path, { cookie, body: { disabled: true } });
      assert.equal(patched.status, 200);
      assert.equal(emu.getUser(project, id)?.disabled, true);
      assert.equal((await request(emu, 'DELETE', path, { cookie })).status, 204);
      assert.equal(emu.getUser(project, id), undefined);
      // calls() keeps the raw, still-encoded path.
      assert.deepEqual(emu.calls().slice(-3).map((c) => c.path), [path, path, path]);
    });
  }

  it('the user logs in with that id and reads itself', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    await request(emu, 'POST', '/v2/users/', { cookie, body: { login_id: 'ü@example.com', password: 'Round-trip-1' } });
    const self = await login(emu, { login_id: 'ü@example.com', password: 'Round-trip-1', api_key: 'conf-key-0123456789' });
    assert.equal((await request(emu, 'GET', userPath('ü@example.com'), { cookie: self })).status, 200);
  });

  it('an unencoded "+" in the path stays a "+" (not a space)', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    emu.putUser(project, { loginId: 'a+b', password: 'Plus-pass-1' });
    assert.equal((await request(emu, 'GET', '/v2/users/a+b', { cookie })).status, 200);
  });
});
