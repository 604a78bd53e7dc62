import * as assert from 'node:assert/strict';
import type { Credentials } from '../../../src/api/types';
import { alice, apiKey, bob, faultScript, makeClient, projectName, registration, rejectsWith, seen, useEmulator } from './fixture';

/** Servers that answer 403 for a login_id they do not have (the reference documents 403 for both readings). */
describe('api/client: a server that answers 403 for an unknown user', function () {
  const world = useEmulator();
  beforeEach(() => world.emulator.useProfiles('unknown-403'));

  it('for a Business account, a 403 on get, update and delete of a user means there is no such user', async () => {
    const { client } = makeClient(world.emulator, { role: 'business' });
    const read = await rejectsWith(client.getUser('nobody'), 'notFound');
    assert.equal(
      read.message,
      'There is no user "nobody" (Medium One answered 403 Forbidden when asked to read "nobody", which it also answers for a user that does not exist).',
    );
    assert.equal(read.status, 403);
    await rejectsWith(client.updateUser('nobody', { disabled: true }), 'notFound');
    await rejectsWith(client.deleteUser('nobody'), 'notFound');
  });

  it('without a role the 403 stays a refusal: the client cannot tell', async () => {
    const { client } = makeClient(world.emulator);
    await rejectsWith(client.getUser('nobody'), 'forbidden');
  });

  it('a Registration account, which may not read users, is still told it is refused', async () => {
    const { client } = makeClient(world.emulator, { role: 'registration', credentials: registration });
    const e = await rejectsWith(client.getUser(alice.loginId), 'forbidden');
    assert.match(e.message, /^Medium One refused to read "alice@example\.com" \(403 Forbidden\)/);
  });

  it('a Basic account: a 403 about itself means missing, about another user it is a refusal', async () => {
    const basic: Credentials = { loginId: alice.loginId, password: alice.password, apiKey };
    const { client } = makeClient(world.emulator, { role: 'basic', credentials: basic });
    assert.equal((await client.getUser(alice.loginId)).loginId, alice.loginId);
    const other = await rejectsWith(client.getUser(bob.loginId), ['forbidden', 'unauthorized']);
    assert.doesNotMatch(other.message, /There is no user/);
  });

  it('a user accepted with 202 is polled through the 403s until it appears', async () => {
    // Long enough that the first poll, right after the create, meets the 403 even on a loaded machine.
    world.emulator.configure({ acceptedCreation: { delayMs: 600 } });
    const { client } = makeClient(world.emulator, { role: 'business' });
    assert.equal((await client.createUser({ loginId: 'late', password: 'late-Pw-123' })).status, 'pending');
    assert.equal((await client.waitUntilExists('late', { intervalMs: 30, maxAttempts: 100 })).loginId, 'late');
    assert.ok(seen(world.emulator, 'GET', '/v2/users/late').some((c) => c.status === 403), 'the 403s happened');
  });

  it('without a role, a pending user is polled through the 403s as well', async () => {
    world.emulator.configure({ acceptedCreation: { delayMs: 150 } });
    const { client } = makeClient(world.emulator);
    await client.createUser({ loginId: 'late', password: 'late-Pw-123' });
    assert.equal((await client.waitUntilExists('late', { intervalMs: 30, maxAttempts: 40 })).loginId, 'late');
  });

  it('a delete whose answer was lost, repeated and answered 403: the user is gone, so it succeeded', async () => {
    const logger = faultScript(world.emulator, { 'DELETE /v2/users/:id': ['dropAfter'] });
    const { client } = makeClient(world.emulator, { role: 'business', logger });
    await client.deleteUser(alice.loginId);
    assert.deepEqual(seen(world.emulator, 'DELETE', '/v2/users/').map((c) => c.status), ['dropped', 403]);
    assert.equal(world.emulator.getUser(projectName, alice.loginId), undefined);
  });

  it('a create whose answer was lost is checked through the 403 and not sent twice', async () => {
    const logger = faultScript(world.emulator, { 'POST /v2/users': ['drop'] });
    const { client } = makeClient(world.emulator, { role: 'business', logger });
    assert.equal((await client.createUser({ loginId: 'hank', password: 'hank-Pw-123' })).status, 'created');
    assert.deepEqual(seen(world.emulator, 'GET', '/v2/users/hank').map((c) => c.status), [403]);
    assert.equal(seen(world.emulator, 'POST', '/v2/users').length, 2, 'dropped before it was applied, so sent again');
  });
});
