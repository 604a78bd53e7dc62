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

  const refusedForCreate: [label: string, loginId: string, message: RegExp][] = [
    ['empty', '', /^A login_id cannot be empty\.$/],
    ['a lone high surrogate', 'dev\uD800', /holds a broken character/],
    ['a lone low surrogate', '\uDC00dev', /holds a broken character/],
    ['NUL', 'dev\u0000ice', /holds a control character \(U\+0000\)/],
    ['BEL', 'dev\u0007', /holds a control character \(U\+0007\)/],
    ['a line feed', 'dev\nice', /holds a control character \(U\+000A\)/],
    ['a carriage return', 'dev\rice', /holds a control character \(U\+000D\)/],
    ['a tab', '\tdev', /holds a control character \(U\+0009\)/],
    ['DEL', 'dev\u007f', /holds a control character \(U\+007F\)/],
    ['a C1 control (NEL)', 'dev\u0085', /holds a control character \(U\+0085\)/],
  ];
  for (const [label, loginId, message] of refusedForCreate) {
    it(`create refuses a login_id with ${label} before sending anything`, async () => {
      const { client } = makeClient(world.emulator);
      const e = await rejectsWith(client.createUser({ loginId, password: 'hostile-Pw-1' }), 'invalidLoginId');
      assert.match(e.message, message);
      assert.equal(e.method, 'POST');
      // eslint-disable-next-line no-control-regex -- the point is to find control characters
      assert.ok(!/[\u0000-\u001f\u007f-\u009f]/.test(e.message), 'the message shows control characters as escapes');
      assert.equal(world.emulator.calls().length, 0, 'nothing was sent, not even a login');
    });
  }

  it('get, update and delete of a login_id with a lone surrogate fail with invalidLoginId, never a URIError', async () => {
    const { client } = makeClient(world.emulator);
    for (const call of [
      () => client.getUser('x\uD800'),
      () => client.updateUser('x\uD800', { disabled: true }),
      () => client.deleteUser('x\uD800'),
      () => client.waitUntilExists('x\uD800'),
    ]) {
      const e = await rejectsWith(call(), 'invalidLoginId');
      assert.match(e.message, /^The login_id "x\\ud800" holds a broken character/);
    }
    assert.equal(world.emulator.calls().length, 0, 'nothing was sent');
  });

  it('get, update and delete of an empty login_id are refused before sending', async () => {
    const { client } = makeClient(world.emulator);
    for (const call of [() => client.getUser(''), () => client.updateUser('', { disabled: true }), () => client.deleteUser('')]) {
      await rejectsWith(call(), 'invalidLoginId');
    }
    assert.equal(world.emulator.calls().length, 0);
  });

  it('a user that already has control characters (made elsewhere) can still be read, changed and deleted', async () => {
    const loginId = 'legacy\u0007id\n';
    world.emulator.putUser(projectName, { loginId, password: 'legacy-Pw-1' });
    const { client } = makeClient(world.emulator);
    assert.equal((await client.getUser(loginId)).loginId, loginId);
    await client.updateUser(loginId, { disabled: true });
    assert.equal(world.emulator.getUser(projectName, loginId)?.disabled, true);
    world.emulator.configure({ faults: { routes: { 'DELETE /v2/users/:id': { status500: 1 } } } });
    const e = await rejectsWith(client.deleteUser(loginId), 'server');
    assert.match(e.message, /delete "legacy\\u0007id\\n"/, 'messages show the id with escapes');
    world.emulator.configure({ faults: undefined });
    await client.deleteUser(loginId);
    assert.equal(world.emulator.getUser(projectName, loginId), undefined);
  });
});
