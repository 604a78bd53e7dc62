import * as assert from 'node:assert/strict';
import { isMediumOneError, mayHaveBeenApplied } from '../../../src/api/errors';
import { alice, bob, faultScript, makeClient, projectName, rejectsWith, seen, useEmulator } from './fixture';

const statuses = (calls: { status: number | 'dropped' }[]) => calls.map((c) => c.status);
const mayHave = /The answer was lost.*so this change may have been applied\. Refresh to see\.$/;

describe('api/client: uncertain outcomes are checked, then told', function () {
  const world = useEmulator();

  describe('delete', () => {
    it('dropped after it was applied, then three 429s: the check finds the user gone, so it succeeded', async () => {
      const logger = faultScript(world.emulator, { 'DELETE /v2/users/:id': ['dropAfter', 'status429', 'status429', 'status429'] });
      const { client } = makeClient(world.emulator, { logger });
      await client.deleteUser(alice.loginId);
      assert.equal(world.emulator.getUser(projectName, alice.loginId), undefined);
      assert.deepEqual(statuses(seen(world.emulator, 'DELETE', '/v2/users/')), ['dropped', 429, 429, 429]);
      assert.deepEqual(statuses(seen(world.emulator, 'GET', '/v2/users/')), [404]);
    });

    it('dropped after it was applied, then 429s and finally a 404: it succeeded, without a check', async () => {
      const logger = faultScript(world.emulator, { 'DELETE /v2/users/:id': ['dropAfter', 'status429', 'status429'] });
      const { client } = makeClient(world.emulator, { logger });
      await client.deleteUser(alice.loginId);
      assert.deepEqual(statuses(seen(world.emulator, 'DELETE', '/v2/users/')), ['dropped', 429, 429, 404]);
    });

    it('dropped before it was applied, then 429s: the check finds the user, so it is a plain failure', async () => {
      const logger = faultScript(world.emulator, { 'DELETE /v2/users/:id': ['drop', 'status429', 'status429', 'status429'] });
      const { client } = makeClient(world.emulator, { logger });
      const e = await rejectsWith(client.deleteUser(alice.loginId), 'rateLimited');
      assert.equal(e.mayHaveBeenApplied, undefined);
      assert.equal(mayHaveBeenApplied(e), false);
      assert.doesNotMatch(e.message, /may have been applied/);
      assert.ok(world.emulator.getUser(projectName, alice.loginId), 'alice is still there');
    });

    it('dropped, then 429s, and the check meets only 500s (each repeated): may have been applied', async () => {
      const logger = faultScript(world.emulator, {
        'DELETE /v2/users/:id': ['dropAfter', 'status429', 'status429', 'status429'],
        'GET /v2/users/:id': ['status500', 'status500', 'status500', 'status500'],
      });
      const { client } = makeClient(world.emulator, { logger });
      const e = await rejectsWith(client.deleteUser(alice.loginId), 'rateLimited');
      assert.equal(e.mayHaveBeenApplied, true);
      assert.ok(mayHaveBeenApplied(e));
      assert.match(e.message, /^Medium One refused to delete "alice@example\.com" \(429 Too Many Requests\)/);
      assert.match(e.message, /checking failed \(reading "alice@example\.com": .*500 Internal Server Error/);
      assert.match(e.message, mayHave);
      assert.deepEqual(statuses(seen(world.emulator, 'GET', '/v2/users/')), [500, 500, 500, 500], 'the check GET is repeated on 500');
    });
  });

  describe('create', () => {
    it('answer lost, then the check GET meets 500s that pass: the GET is repeated and the user is found', async () => {
      const logger = faultScript(world.emulator, {
        'POST /v2/users': ['dropAfter'],
        'GET /v2/users/:id': ['status500', 'status500'],
      });
      const { client } = makeClient(world.emulator, { logger });
      assert.deepEqual(await client.createUser({ loginId: 'hank', password: 'hank-Pw-123' }), { status: 'created', loginId: 'hank' });
      assert.deepEqual(statuses(seen(world.emulator, 'GET', '/v2/users/hank')), [500, 500, 200]);
      assert.equal(seen(world.emulator, 'POST', '/v2/users').length, 1, 'not sent twice');
    });

    it('answer lost, then the check meets only 500s: may have been applied, and indeed it was', async () => {
      const logger = faultScript(world.emulator, {
        'POST /v2/users': ['dropAfter'],
        'GET /v2/users/:id': ['status500', 'status500', 'status500', 'status500'],
      });
      const { client } = makeClient(world.emulator, { logger });
      const e = await rejectsWith(client.createUser({ loginId: 'hank', password: 'hank-Pw-123' }), 'network');
      assert.ok(mayHaveBeenApplied(e));
      assert.match(e.message, /^Could not reach Medium One at .* to create "hank": the connection/);
      assert.match(e.message, mayHave);
      assert.ok(!e.message.includes('hank-Pw-123'));
      assert.ok(world.emulator.getUser(projectName, 'hank'), 'the server holds the user');
      assert.equal(seen(world.emulator, 'POST', '/v2/users').length, 1, 'not sent twice');
    });

    it('answer lost and never heard again: may have been applied', async () => {
      const logger = faultScript(world.emulator, { 'POST /v2/users': ['drop', 'drop', 'drop', 'drop'] });
      const { client } = makeClient(world.emulator, { logger });
      const e = await rejectsWith(client.createUser({ loginId: 'hank', password: 'hank-Pw-123' }), 'network');
      assert.ok(mayHaveBeenApplied(e), e.message);
      assert.deepEqual(statuses(seen(world.emulator, 'GET', '/v2/users/hank')), [404, 404, 404, 404], 'checked before each repeat');
    });

    describe('Retry Failed of a create an earlier run lost (earlierMayHaveApplied)', () => {
      for (const existsStatus of [403, 400] as const) {
        it(`the user is there: "exists" (${existsStatus}) is that create's, created`, async () => {
          world.emulator.configure({ existsStatus });
          const { client } = makeClient(world.emulator);
          assert.deepEqual(await client.createUser({ loginId: alice.loginId, password: 'alice-Pw-999', earlierMayHaveApplied: true }), { status: 'created', loginId: alice.loginId });
          assert.deepEqual(statuses(seen(world.emulator, 'POST', '/v2/users')), [existsStatus]);
        });
      }

      it('accepted for later and not there yet: "exists" makes it pending, not a failure, and nothing is created twice', async () => {
        world.emulator.configure({ acceptedCreation: { delayMs: 60_000 } });
        const { client } = makeClient(world.emulator);
        assert.equal((await client.createUser({ loginId: 'late', password: 'late-Pw-123' })).status, 'pending');
        assert.deepEqual(await client.createUser({ loginId: 'late', password: 'late-Pw-123', earlierMayHaveApplied: true }), { status: 'pending', loginId: 'late' });
        assert.deepEqual(statuses(seen(world.emulator, 'POST', '/v2/users')), [202, 403]);
        assert.deepEqual(statuses(seen(world.emulator, 'GET', '/v2/users/late')), [404]);
      });

      it('without it, an existing user is a plain "exists" failure: someone else\'s user is never claimed', async () => {
        const { client } = makeClient(world.emulator);
        const e = await rejectsWith(client.createUser({ loginId: alice.loginId, password: 'alice-Pw-999' }), 'forbidden');
        assert.equal(mayHaveBeenApplied(e), false);
      });
    });

    it('a refused connection proves nothing was sent: a plain failure', async () => {
      const { client } = makeClient(world.emulator, { baseUrl: 'http://127.0.0.1:9', retry: { maxAttempts: 2 } });
      const e = await rejectsWith(client.createUser({ loginId: 'hank', password: 'hank-Pw-123' }), 'network');
      assert.equal(mayHaveBeenApplied(e), false);
      assert.doesNotMatch(e.message, /may have been applied/);
    });
  });

  describe('PATCH', () => {
    it('disable dropped after it was applied, then 503s: the check shows it disabled, so it succeeded', async () => {
      const logger = faultScript(world.emulator, { 'PATCH /v2/users/:id': ['dropAfter', 'status503', 'status503', 'status503'] });
      const { client } = makeClient(world.emulator, { logger });
      assert.deepEqual(await client.updateUser(alice.loginId, { disabled: true }), ['disabled']);
      assert.equal(world.emulator.getUser(projectName, alice.loginId)?.disabled, true);
      assert.deepEqual(statuses(seen(world.emulator, 'GET', '/v2/users/')), [200]);
    });

    it('enable dropped before it was applied, then 503s: the check shows it still disabled, a plain failure', async () => {
      const logger = faultScript(world.emulator, { 'PATCH /v2/users/:id': ['drop', 'status503', 'status503', 'status503'] });
      const { client } = makeClient(world.emulator, { logger });
      const e = await rejectsWith(client.updateUser(bob.loginId, { disabled: false }), 'unavailable');
      assert.equal(mayHaveBeenApplied(e), false);
      assert.equal(world.emulator.getUser(projectName, bob.loginId)?.disabled, true);
    });

    it('a new password dropped, then 503s: no read can tell, so it may have been applied (and the password is not shown)', async () => {
      const logger = faultScript(world.emulator, { 'PATCH /v2/users/:id': ['dropAfter', 'status503', 'status503', 'status503'] });
      const { client } = makeClient(world.emulator, { logger });
      const e = await rejectsWith(client.updateUser(alice.loginId, { password: 'New-Secret-Pw-9' }), 'unavailable');
      assert.ok(mayHaveBeenApplied(e));
      assert.match(e.message, /The answer was lost, so this change may have been applied\. Refresh to see\.$/);
      assert.ok(!e.message.includes('New-Secret-Pw-9'));
      assert.ok(world.emulator.checkPassword(projectName, alice.loginId, 'New-Secret-Pw-9'), 'it was applied');
    });

    it('a timed-out disable the check does not yet see: may have been applied (the server may still apply it)', async () => {
      // Only the PATCH is slow: once it has timed out, the check GET is answered at once and still sees alice enabled.
      const logger = {
        call: (entry: { method: string }) => {
          if (entry.method === 'PATCH') world.emulator.configure({ faults: undefined });
        },
      };
      const { client } = makeClient(world.emulator, { timeoutMs: 200, logger });
      await client.login();
      world.emulator.configure({ faults: { latencyMs: 600 } });
      const e = await rejectsWith(client.updateUser(alice.loginId, { disabled: true }), 'timeout');
      assert.ok(mayHaveBeenApplied(e), e.message);
      // The check itself succeeded (no "checking failed"): the timeout alone is why it cannot count as not applied.
      assert.match(
        e.message,
        /^Medium One did not answer within 0\.2 s when asked to update "alice@example\.com"\. The answer was lost, so this change may have been applied\. Refresh to see\.$/,
      );
      assert.deepEqual(statuses(seen(world.emulator, 'GET', '/v2/users/')), [200], 'the check read alice, not disabled');
    });
  });

  describe('cancelled', () => {
    it('a change cancelled while in flight may have been applied; a read cancelled is just cancelled', async () => {
      world.emulator.configure({ faults: { latencyMs: 300 } });
      const { client } = makeClient(world.emulator);
      await client.login();
      const change = new AbortController();
      setTimeout(() => change.abort(), 50);
      const e = await rejectsWith(client.updateUser(alice.loginId, { disabled: true }, { signal: change.signal }), 'cancelled');
      assert.ok(mayHaveBeenApplied(e));
      const read = new AbortController();
      setTimeout(() => read.abort(), 50);
      const r = await rejectsWith(client.getUser(alice.loginId, { signal: read.signal }), 'cancelled');
      assert.equal(mayHaveBeenApplied(r), false);
    });
  });

  it('mayHaveBeenApplied() is false for anything but a flagged MediumOneError', () => {
    assert.equal(mayHaveBeenApplied(new Error('x')), false);
    assert.equal(mayHaveBeenApplied(undefined), false);
    assert.equal(mayHaveBeenApplied({ mayHaveBeenApplied: true }), false);
    assert.ok(!isMediumOneError({ mayHaveBeenApplied: true }));
  });
});
