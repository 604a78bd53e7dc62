import * as assert from 'node:assert/strict';
import { isMediumOneError } from '../../../src/api/errors';
import { emulatorProfiles } from '../../../src/emulator';
import { alice, makeClient, projectName, rejectsWith, useEmulator } from './fixture';
import { plan, runPool } from './loadPlan';
import { concurrencyFor } from '../../../src/users/serverConcurrency';

/**
 * The client against every server profile the emulator offers (each latitude of SPEC section 2, and
 * `independent`, all at once): one user's whole life, then a bulk run through the server's adaptive controller
 * (at most 16 calls in flight), as the extension runs one.
 */
describe('api/client: every server profile', function () {
  const world = useEmulator();

  for (const name of Object.keys(emulatorProfiles)) {
    it(`${name}: create, read, disable, re-password, list, refuse a duplicate, delete; then 80 operations through the adaptive controller (ceiling 16)`, async () => {
      world.emulator.useProfiles(name);
      const { client } = makeClient(world.emulator, { role: 'business' });
      const loginId = 'life@example.com';

      const created = await client.createUser({ loginId, password: 'Life-Pw-123' });
      if (created.status === 'pending') await client.waitUntilExists(loginId, { intervalMs: 50, maxAttempts: 60 });
      assert.equal((await client.getUser(loginId)).disabled, false);
      assert.deepEqual(await client.updateUser(loginId, { disabled: true }), ['disabled']);
      assert.equal(world.emulator.getUser(projectName, loginId)?.disabled, true);
      await client.updateUser(loginId, { password: 'Life-Pw-456' });
      assert.ok(world.emulator.checkPassword(projectName, loginId, 'Life-Pw-456'));

      try {
        const listed = await client.listUsers();
        const entry = listed.find((u) => u.loginId === loginId);
        assert.ok(entry, 'listed');
        if (entry.disabled !== undefined) assert.equal(entry.disabled, true, 'a listed state is the true one');
      } catch (e) {
        assert.ok(isMediumOneError(e, 'listingNotSupported'), String(e));
      }

      const duplicate = await rejectsWith(client.createUser({ loginId, password: 'Life-Pw-789' }), ['badRequest', 'forbidden']);
      assert.ok(!duplicate.message.includes('Life-Pw-789'));
      assert.ok(world.emulator.checkPassword(projectName, loginId, 'Life-Pw-456'), 'the duplicate changed nothing');

      await client.deleteUser(loginId);
      assert.equal(world.emulator.getUser(projectName, loginId), undefined);
      await rejectsWith(client.getUser(loginId), 'notFound');
      await rejectsWith(client.deleteUser(loginId), 'notFound');
      assert.equal((await client.getUser(alice.loginId)).loginId, alice.loginId);

      const operations = plan(world.emulator, 20);
      // Through the server's adaptive controller, as the extension runs a bulk: every profile meets it.
      const failures = await runPool(client, operations, concurrencyFor(client, 16));
      assert.deepEqual(failures.map(String), [], 'every operation went through');
      for (const op of operations) op.check();
    });
  }
});
