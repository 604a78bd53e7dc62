import * as assert from 'node:assert/strict';
import { alice, bob, business, logins, makeClient, projectName, registration, rejectsWith, seen, useEmulator } from './fixture';

describe('api/client: calls', function () {
  const world = useEmulator();

  it('logs in with POST /v2/login and sends the cookies back', async () => {
    const { client, log } = makeClient(world.emulator);
    await client.login();
    assert.ok(client.signedIn);
    const user = await client.getUser(alice.loginId);
    assert.equal(user.loginId, alice.loginId);
    assert.equal(logins(world.emulator).length, 1);
    assert.deepEqual(
      log.calls.map((c) => `${c.method} ${c.path} ${c.status}`),
      ['POST /v2/login 200', `GET /v2/users/${encodeURIComponent(alice.loginId)} 200`],
    );
  });

  it('logs in on its own before the first call, once for many concurrent calls', async () => {
    const { client } = makeClient(world.emulator);
    const users = await Promise.all([client.getUser(alice.loginId), client.getUser(bob.loginId), client.listUsers()]);
    assert.equal(users.length, 3);
    assert.equal(logins(world.emulator).length, 1);
  });

  it('getUser maps the documented fields and keeps the raw body', async () => {
    const { client } = makeClient(world.emulator);
    const user = await client.getUser(alice.loginId);
    assert.equal(user.loginId, alice.loginId);
    assert.equal(user.disabled, false);
    assert.equal(user.mqttId, alice.mqttId);
    assert.deepEqual(user.userData, { team: 'blue' });
    assert.equal(user.raw.login_id, alice.loginId);
    assert.equal(user.raw.mqtt_id, alice.mqttId);
    assert.equal((await client.getUser(bob.loginId)).disabled, true);
  });

  it('getUser of an unknown user is notFound with a plain message', async () => {
    const { client } = makeClient(world.emulator);
    const e = await rejectsWith(client.getUser('nobody@example.com'), 'notFound');
    assert.equal(e.status, 404);
    assert.equal(e.method, 'GET');
    assert.equal(e.path, '/v2/users/nobody%40example.com');
    assert.match(e.message, /^Medium One could not read "nobody@example\.com" \(404 Not Found\): ./);
  });

  it('listUsers returns every basic user', async () => {
    const { client } = makeClient(world.emulator);
    const users = await client.listUsers();
    assert.deepEqual(users.map((u) => u.loginId).sort(), [alice.loginId, bob.loginId].sort());
  });

  it('listUsers as a Registration user is refused in plain words', async () => {
    const { client } = makeClient(world.emulator, { credentials: registration });
    const e = await rejectsWith(client.listUsers(), ['forbidden', 'unauthorized']);
    assert.match(e.message, /refused to list the users/);
  });

  it('createUser answers created on 200, and the user exists', async () => {
    const { client } = makeClient(world.emulator);
    const result = await client.createUser({ loginId: 'carol@example.com', password: 'carol-Pw-789' });
    assert.deepEqual(result, { status: 'created', loginId: 'carol@example.com' });
    assert.ok(world.emulator.checkPassword(projectName, 'carol@example.com', 'carol-Pw-789'));
    const carol = await client.getUser('carol@example.com');
    assert.equal(carol.disabled, false);
    assert.ok(carol.mqttId);
  });

  it('createUser as a Registration user works', async () => {
    const { client } = makeClient(world.emulator, { credentials: registration });
    const result = await client.createUser({ loginId: 'dave', password: 'dave-Pw-789' });
    assert.equal(result.status, 'created');
    assert.ok(world.emulator.getUser(projectName, 'dave'));
  });

  it('createUser of an existing user is refused with the server reason', async () => {
    const { client } = makeClient(world.emulator);
    const e = await rejectsWith(client.createUser({ loginId: alice.loginId, password: 'another-Pw-1' }), ['badRequest', 'forbidden']);
    assert.match(e.message, /^Medium One refused to create "alice@example\.com" \((400 Bad Request|403 Forbidden)\): ./);
    assert.ok(e.serverMessage, 'the server text is kept');
    assert.equal(seen(world.emulator, 'POST', '/v2/users').length, 1, 'a refusal is not repeated');
  });

  it('createUser with a weak password shows the server reason', async () => {
    world.emulator.configure({ passwordRule: { minLength: 12, message: 'password too short' } });
    const { client } = makeClient(world.emulator);
    const e = await rejectsWith(client.createUser({ loginId: 'erin', password: 'short-1' }), 'badRequest');
    assert.equal(e.message, 'Medium One refused to create "erin" (400 Bad Request): password too short.');
    assert.equal(e.serverMessage, 'password too short');
    assert.equal(world.emulator.getUser(projectName, 'erin'), undefined);
  });

  it('createUser answers pending on 202, and waitUntilExists polls until it appears', async () => {
    world.emulator.configure({ acceptedCreation: { delayMs: 120 } });
    const { client } = makeClient(world.emulator);
    const result = await client.createUser({ loginId: 'frank', password: 'frank-Pw-1' });
    assert.deepEqual(result, { status: 'pending', loginId: 'frank' });
    world.emulator.clearCalls();
    const user = await client.waitUntilExists('frank', { intervalMs: 40, maxAttempts: 20 });
    assert.equal(user.loginId, 'frank');
    const polls = seen(world.emulator, 'GET', '/v2/users/frank');
    assert.ok(polls.length >= 2, `polled ${polls.length} times`);
    assert.equal(polls.at(-1)?.status, 200);
    assert.ok(polls.slice(0, -1).every((c) => c.status === 404));
  });

  it('waitUntilExists gives up with pendingTimeout after its bounded checks', async () => {
    world.emulator.configure({ acceptedCreation: { delayMs: 60_000 } });
    const { client } = makeClient(world.emulator);
    assert.equal((await client.createUser({ loginId: 'gina', password: 'gina-Pw-1' })).status, 'pending');
    world.emulator.clearCalls();
    const e = await rejectsWith(client.waitUntilExists('gina', { intervalMs: 5, maxAttempts: 3 }), 'pendingTimeout');
    assert.match(e.message, /accepted "gina" for creation, but it had not appeared after 3 checks/);
    assert.equal(seen(world.emulator, 'GET', '/v2/users/gina').length, 3);
  });

  it('updateUser changes the password and the disabled state and returns the updated fields', async () => {
    const { client } = makeClient(world.emulator);
    const fields = await client.updateUser(alice.loginId, { password: 'new-alice-Pw-1' });
    assert.deepEqual(fields, ['password']);
    assert.ok(world.emulator.checkPassword(projectName, alice.loginId, 'new-alice-Pw-1'));
    assert.deepEqual(await client.updateUser(alice.loginId, { disabled: true }), ['disabled']);
    assert.equal(world.emulator.getUser(projectName, alice.loginId)?.disabled, true);
    const both = await client.updateUser(bob.loginId, { disabled: false, password: 'new-bob-Pw-1' });
    assert.deepEqual([...both].sort(), ['disabled', 'password']);
    assert.equal((await client.getUser(bob.loginId)).disabled, false);
  });

  it('updateUser with nothing to change fails before sending', async () => {
    const { client } = makeClient(world.emulator);
    await rejectsWith(client.updateUser(alice.loginId, {}), 'badRequest');
    assert.equal(world.emulator.calls().length, 0);
  });

  it('updateUser of an unknown user is notFound; a weak password is badRequest', async () => {
    world.emulator.configure({ passwordRule: { minLength: 12, message: 'password too short' } });
    const { client } = makeClient(world.emulator);
    await rejectsWith(client.updateUser('nobody', { disabled: true }), 'notFound');
    const e = await rejectsWith(client.updateUser(alice.loginId, { password: 'short-2' }), 'badRequest');
    assert.equal(e.message, 'Medium One refused to update "alice@example.com" (400 Bad Request): password too short.');
  });

  it('deleteUser removes the user; deleting it again is notFound', async () => {
    const { client } = makeClient(world.emulator);
    await client.deleteUser(bob.loginId);
    assert.equal(world.emulator.getUser(projectName, bob.loginId), undefined);
    assert.equal(seen(world.emulator, 'DELETE', '/v2/users/bob').at(-1)?.status, 204);
    await rejectsWith(client.deleteUser(bob.loginId), 'notFound');
  });

  it('deleteUser as a Registration user is refused (forbidden or unauthorized), and the user stays', async () => {
    const { client } = makeClient(world.emulator, { credentials: registration });
    await rejectsWith(client.deleteUser(alice.loginId), ['forbidden', 'unauthorized']);
    assert.ok(world.emulator.getUser(projectName, alice.loginId));
  });

  it('uses the business credentials it is given, asking for them only when logging in', async () => {
    let asked = 0;
    const { client } = makeClient(world.emulator, {
      credentials: () => {
        asked++;
        return business;
      },
    });
    await client.getUser(alice.loginId);
    await client.getUser(bob.loginId);
    assert.equal(asked, 1);
  });
});
