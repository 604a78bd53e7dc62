import * as assert from 'node:assert/strict';
import { alice, apiKey, bob, business, logins, makeClient, projectName, rejectsWith, useEmulator } from './fixture';

describe('api/client: session and login', function () {
  const world = useEmulator();
  const wrong = { ...business, password: 'Wrong-Password-1' };

  it('re-logs in once after a 401 and repeats the call', async () => {
    const { client } = makeClient(world.emulator);
    await client.getUser(alice.loginId);
    world.emulator.expireSessions();
    world.emulator.clearCalls();
    const user = await client.getUser(bob.loginId);
    assert.equal(user.loginId, bob.loginId);
    assert.deepEqual(
      world.emulator.calls().map((c) => `${c.method} ${c.path} ${c.status}`),
      ['GET /v2/users/bob 401', 'POST /v2/login 200', 'GET /v2/users/bob 200'],
    );
  });

  it('concurrent calls that all meet a 401 share one new login', async () => {
    const { client } = makeClient(world.emulator);
    await client.login();
    world.emulator.expireSessions();
    world.emulator.clearCalls();
    await Promise.all([client.getUser(alice.loginId), client.getUser(bob.loginId), client.listUsers()]);
    assert.equal(logins(world.emulator).length, 1);
  });

  it('a second 401 after the new login is an unauthorized error', async () => {
    // The reference: PATCH answers 401 when "the logged in user is not permitted to access the requested user",
    // e.g. a Basic user changing another user. Signing in again cannot help, so the call ends after one repeat.
    const { client } = makeClient(world.emulator, { credentials: { loginId: alice.loginId, password: alice.password, apiKey } });
    const e = await rejectsWith(client.updateUser(bob.loginId, { disabled: false }), 'unauthorized');
    assert.equal(e.status, 401);
    assert.match(e.message, /^Medium One refused to update "bob" \(401 Unauthorized\): .+ Signing in again did not help/);
    assert.deepEqual(
      world.emulator.calls().map((c) => `${c.method} ${c.path} ${c.status}`),
      ['POST /v2/login 200', 'PATCH /v2/users/bob 401', 'POST /v2/login 200', 'PATCH /v2/users/bob 401'],
    );
    assert.equal(world.emulator.getUser(projectName, bob.loginId)?.disabled, true);
  });

  it('a failed login is loginFailed, names the likely cause and warns of the lockout', async () => {
    const { client } = makeClient(world.emulator, { credentials: wrong });
    const e = await rejectsWith(client.getUser(alice.loginId), 'loginFailed');
    assert.ok(e.status === 401 || e.status === 403 || e.status === 400, `status ${e.status}`);
    assert.match(e.message, /login_id, password and API key/);
    assert.match(e.message, /lock the account for 5 minutes/);
    assert.equal(e.method, 'POST');
    assert.equal(e.path, '/v2/login');
  });

  it('never repeats a failed login on its own', async () => {
    const { client } = makeClient(world.emulator, { credentials: wrong });
    await rejectsWith(client.getUser(alice.loginId), 'loginFailed');
    await rejectsWith(client.listUsers(), 'loginFailed');
    await rejectsWith(client.deleteUser(bob.loginId), 'loginFailed');
    assert.equal(logins(world.emulator).length, 1, 'exactly one login call reached the server');
    assert.equal(world.emulator.calls().length, 1);
    assert.ok(world.emulator.getUser(projectName, bob.loginId), 'nothing else was sent');
  });

  it('logs in again after an explicit login(), changed credentials or resetSession()', async () => {
    let creds = wrong;
    const { client } = makeClient(world.emulator, { credentials: () => creds });
    await rejectsWith(client.getUser(alice.loginId), 'loginFailed');
    await rejectsWith(client.login(), 'loginFailed');
    assert.equal(logins(world.emulator).length, 2, 'explicit login() tries again');
    client.resetSession();
    await rejectsWith(client.getUser(alice.loginId), 'loginFailed');
    assert.equal(logins(world.emulator).length, 3, 'resetSession() opens the latch');
    creds = business;
    assert.equal((await client.getUser(alice.loginId)).loginId, alice.loginId, 'changed credentials open the latch');
    assert.equal(logins(world.emulator).length, 4);
  });

  it('signOut() forgets the session: the next call logs in again', async () => {
    const { client } = makeClient(world.emulator);
    await client.getUser(alice.loginId);
    client.signOut();
    assert.equal(client.signedIn, false);
    await client.getUser(alice.loginId);
    assert.equal(logins(world.emulator).length, 2);
  });

  it('a locked account gives loginFailed that names the lock', async () => {
    world.emulator.configure({ lockout: { maxAttempts: 2, lockMs: 60_000 } });
    const { client } = makeClient(world.emulator, { credentials: wrong });
    await rejectsWith(client.login(), 'loginFailed');
    await rejectsWith(client.login(), 'loginFailed');
    const locked = await rejectsWith(makeClient(world.emulator).client.login(), 'loginFailed');
    assert.match(locked.message, /locked/i);
    assert.match(locked.message, /5 minutes/);
    const before = logins(world.emulator).length;
    assert.equal(before, 3, 'a lockout is never retried automatically');
  });

  it('a missing api_key-style refusal (400) on login is loginFailed too', async () => {
    const { client } = makeClient(world.emulator, { credentials: { ...business, apiKey: 'not-a-key' } });
    await rejectsWith(client.login(), 'loginFailed');
    assert.equal(logins(world.emulator).length, 1);
  });

  it('errors thrown by the credentials provider pass through unchanged, and nothing is sent', async () => {
    const { client } = makeClient(world.emulator, {
      credentials: () => {
        throw new Error('no secrets stored');
      },
    });
    await assert.rejects(client.getUser(alice.loginId), /no secrets stored/);
    assert.equal(world.emulator.calls().length, 0);
  });
});
