import * as assert from 'node:assert/strict';
import type { MediumOneError } from '../../../src/api/errors';
import { alice, apiKey, business, makeClient, rejectsWith, useEmulator } from './fixture';

describe('api/client: logging and secrets', function () {
  const world = useEmulator();

  it('logs one line per HTTP attempt: method, path, status, ms, attempt; never bodies', async () => {
    const { client, log } = makeClient(world.emulator);
    await client.getUser(alice.loginId);
    assert.equal(log.calls.length, 2);
    const [login, get] = log.calls;
    assert.deepEqual({ ...login, ms: 0 }, { method: 'POST', path: '/v2/login', status: 200, ms: 0, attempt: 1 });
    assert.deepEqual({ ...get, ms: 0 }, { method: 'GET', path: '/v2/users/alice%40example.com', status: 200, ms: 0, attempt: 1 });
    assert.ok(typeof login?.ms === 'number' && login.ms >= 0);
  });

  it('logs failed attempts with an error code instead of a status', async () => {
    world.emulator.configure({ faults: { routes: { 'GET /v2/users/:id': { drop: 1 } } } });
    const { client, log } = makeClient(world.emulator, { retry: { maxAttempts: 2 } });
    await rejectsWith(client.getUser(alice.loginId), 'network');
    const gets = log.calls.filter((c) => c.method === 'GET');
    assert.equal(gets.length, 2);
    assert.ok(gets.every((c) => c.status === undefined && typeof c.error === 'string' && c.error.length > 0));
  });

  it('no password or API key appears in any log line or error message', async () => {
    const newPassword = 'Brand-New-Secret-99';
    const userPassword = 'User-Secret-Pw-42';
    world.emulator.configure({ passwordRule: { minLength: 8, message: 'password too weak' } });
    const { client, log } = makeClient(world.emulator);
    const errors: MediumOneError[] = [];

    await client.createUser({ loginId: 'kim', password: userPassword });
    await client.updateUser('kim', { password: newPassword });
    errors.push(await rejectsWith(client.createUser({ loginId: 'kim', password: userPassword }), ['badRequest', 'forbidden']));
    errors.push(await rejectsWith(client.updateUser('kim', { password: 'weak' }), 'badRequest'));

    world.emulator.configure({ faults: { routes: { 'POST /v2/users': { status503: 1 } } } });
    errors.push(await rejectsWith(client.createUser({ loginId: 'lee', password: userPassword }), 'unavailable'));
    world.emulator.configure({ faults: { routes: { 'POST /v2/login': { drop: 1 } } } });
    client.signOut();
    errors.push(await rejectsWith(client.login(), 'network'));
    world.emulator.configure({ faults: undefined });

    const bad = makeClient(world.emulator, { credentials: { ...business, password: 'Wrong-Secret-Pw-1' } });
    errors.push(await rejectsWith(bad.client.listUsers(), 'loginFailed'));

    const text = [
      ...log.calls.map((c) => JSON.stringify(c)),
      ...log.debug,
      ...bad.log.calls.map((c) => JSON.stringify(c)),
      ...bad.log.debug,
      ...errors.flatMap((e) => [e.message, e.serverMessage ?? '', e.path, JSON.stringify(e)]),
    ].join('\n');
    for (const secret of [business.password, apiKey, newPassword, userPassword, 'Wrong-Secret-Pw-1']) {
      assert.ok(!text.includes(secret), `"${secret}" leaked`);
    }
    assert.ok(log.calls.some((c) => c.path === '/v2/login'));
  });
});
