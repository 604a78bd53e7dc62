import * as assert from 'node:assert/strict';
import { makeClient, projectName, rejectsWith, useEmulator } from './fixture';

const hostile = ['a/b', 'x?y#z', '%2F', 'ü@example.com', 'a b+c', `long-${'x'.repeat(295)}`];

describe('api/client: hostile login_ids', function () {
  const world = useEmulator();

  for (const loginId of hostile) {
    const label = loginId.length > 40 ? `a ${loginId.length}-character id` : JSON.stringify(loginId);
    it(`${label} round-trips through create, get, update, list and delete`, async () => {
      const { client } = makeClient(world.emulator);
      assert.equal((await client.createUser({ loginId, password: 'hostile-Pw-1' })).status, 'created');
      assert.ok(world.emulator.getUser(projectName, loginId), 'the server holds exactly this id');

      const user = await client.getUser(loginId);
      assert.equal(user.loginId, loginId);

      assert.deepEqual(await client.updateUser(loginId, { disabled: true }), ['disabled']);
      assert.equal(world.emulator.getUser(projectName, loginId)?.disabled, true);
      await client.updateUser(loginId, { password: 'hostile-Pw-2' });
      assert.ok(world.emulator.checkPassword(projectName, loginId, 'hostile-Pw-2'));

      const listed = (await client.listUsers()).find((u) => u.loginId === loginId);
      assert.ok(listed, 'listed under its exact id');

      await client.deleteUser(loginId);
      assert.equal(world.emulator.getUser(projectName, loginId), undefined);
      assert.ok(world.emulator.calls().every((c) => c.path.startsWith('/v2/')), 'every request stayed under /v2/');
    });
  }

  for (const loginId of ['.', '..']) {
    it(`${JSON.stringify(loginId)} can be created, but path calls fail with unaddressableLoginId before sending`, async () => {
      const { client } = makeClient(world.emulator);
      assert.equal((await client.createUser({ loginId, password: 'dots-Pw-123' })).status, 'created');
      assert.ok(world.emulator.getUser(projectName, loginId));
      world.emulator.clearCalls();
      for (const call of [
        () => client.getUser(loginId),
        () => client.updateUser(loginId, { disabled: true }),
        () => client.deleteUser(loginId),
        () => client.waitUntilExists(loginId),
      ]) {
        const e = await rejectsWith(call(), 'unaddressableLoginId');
        assert.match(e.message, /cannot be used in a Medium One URL/);
      }
      assert.equal(world.emulator.calls().length, 0, 'nothing was sent');
      assert.ok((await client.listUsers()).some((u) => u.loginId === loginId), 'listing still shows it');
    });
  }
});
