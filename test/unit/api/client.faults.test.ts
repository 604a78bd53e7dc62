import * as assert from 'node:assert/strict';
import { alice, bob, makeClient, projectName, rejectsWith, seen, useEmulator } from './fixture';

const statuses = (calls: { status: number | 'dropped' }[]) => calls.map((c) => c.status);

describe('api/client: back-off and faults', function () {
  const world = useEmulator();

  describe('429 and 503', () => {
    it('backs off on 429 without Retry-After and ends with rateLimited after the bounded tries', async () => {
      world.emulator.configure({ faults: { routes: { 'GET /v2/users/:id': { status429: 1 } } } });
      const { client, log } = makeClient(world.emulator, { retry: { maxAttempts: 3 } });
      const e = await rejectsWith(client.getUser(alice.loginId), 'rateLimited');
      assert.equal(e.status, 429);
      assert.match(e.message, /\(429 Too Many Requests\)/);
      assert.match(e.message, /Tried 3 times; wait a moment and try again\./);
      assert.deepEqual(statuses(seen(world.emulator, 'GET', '/v2/users/')), [429, 429, 429]);
      assert.deepEqual(log.calls.filter((c) => c.method === 'GET').map((c) => c.attempt), [1, 2, 3]);
      assert.equal(log.debug.length, 2, 'each wait is explained in the debug log');
    });

    it('honours Retry-After (capped at maxDelayMs)', async () => {
      world.emulator.configure({ faults: { routes: { 'GET /v2/users/:id': { status429: 1 } }, retryAfterSeconds: 1 } });
      const { client } = makeClient(world.emulator, { retry: { maxAttempts: 2, maxDelayMs: 400, baseDelayMs: 1 } });
      const started = Date.now();
      await rejectsWith(client.getUser(alice.loginId), 'rateLimited');
      const waited = Date.now() - started;
      assert.ok(waited >= 380, `waited ${waited} ms: Retry-After (1 s, capped to 400 ms) is honoured over the 1 ms base`);
      assert.ok(waited < 1000, `waited ${waited} ms: the cap applies`);
    });

    it('rides out the rate limit and succeeds', async () => {
      world.emulator.configure({ rateLimit: { requests: 3, windowMs: 200 } });
      const { client } = makeClient(world.emulator, { retry: { maxAttempts: 8, baseDelayMs: 50, maxDelayMs: 150 } });
      const users = await Promise.all(['a', 'b', 'c', 'd', 'e'].map(() => client.getUser(alice.loginId)));
      assert.equal(users.length, 5);
      assert.ok(world.emulator.calls().some((c) => c.status === 429), 'the limit was met');
    });

    it('a 503 storm ends in success when it passes', async () => {
      world.emulator.configure({ faults: { routes: { '*': { status503: 0.4 } }, randomSeed: 7 } });
      const { client } = makeClient(world.emulator, { retry: { maxAttempts: 12 } });
      for (let i = 0; i < 8; i++) await client.getUser(alice.loginId);
      await client.updateUser(alice.loginId, { disabled: true });
      assert.equal(world.emulator.getUser(projectName, alice.loginId)?.disabled, true);
      assert.ok(world.emulator.calls().some((c) => c.status === 503), 'the storm happened');
    });

    it('a 503 storm that does not pass ends in unavailable', async () => {
      world.emulator.configure({ faults: { routes: { 'PATCH /v2/users/:id': { status503: 1 } } } });
      const { client } = makeClient(world.emulator);
      const e = await rejectsWith(client.updateUser(alice.loginId, { disabled: true }), 'unavailable');
      assert.match(e.message, /^Medium One could not update "alice@example\.com" \(503 Service Unavailable\)/);
      assert.match(e.message, /Tried 4 times/);
      assert.equal(seen(world.emulator, 'PATCH', '/v2/users/').length, 4);
    });

    it('login backs off on 503 too (it is not a refusal)', async () => {
      world.emulator.configure({ faults: { routes: { 'POST /v2/login': { status503: 0.5 } }, randomSeed: 3 } });
      const { client } = makeClient(world.emulator, { retry: { maxAttempts: 12 } });
      for (let i = 0; i < 4; i++) {
        client.signOut();
        await client.login();
      }
    });

    it('500 on a GET is repeated like any safe call, then reported with the tries', async () => {
      world.emulator.configure({ faults: { routes: { 'GET /v2/users/:id': { status500: 1 } } } });
      const { client } = makeClient(world.emulator);
      const e = await rejectsWith(client.getUser(alice.loginId), 'server');
      assert.match(e.message, /^Medium One could not read "alice@example\.com" \(500 Internal Server Error\)/);
      assert.match(e.message, /Tried 4 times/);
      assert.equal(seen(world.emulator, 'GET', '/v2/users/').length, 4);
    });

    it('a passing 500 on a GET ends in success', async () => {
      world.emulator.configure({ faults: { routes: { 'GET /v2/users/:id': { status500: 0.5 } }, randomSeed: 4 } });
      const { client } = makeClient(world.emulator, { retry: { maxAttempts: 12 } });
      for (let i = 0; i < 6; i++) assert.equal((await client.getUser(alice.loginId)).loginId, alice.loginId);
      assert.ok(seen(world.emulator, 'GET', '/v2/users/').some((c) => c.status === 500), 'the 500s happened');
    });

    it('500 on a PATCH is reported, not repeated, and says nothing of "may have been applied"', async () => {
      world.emulator.configure({ faults: { routes: { 'PATCH /v2/users/:id': { status500: 1 } } } });
      const { client } = makeClient(world.emulator);
      const e = await rejectsWith(client.updateUser(alice.loginId, { disabled: true }), 'server');
      assert.match(e.message, /^Medium One could not update "alice@example\.com" \(500 Internal Server Error\)/);
      assert.equal(e.mayHaveBeenApplied, undefined);
      assert.equal(seen(world.emulator, 'PATCH', '/v2/users/').length, 1);
    });
  });

  describe('lost answers', () => {
    it('retries dropped connections on GET, PATCH and DELETE', async () => {
      world.emulator.configure({
        faults: {
          routes: { 'GET /v2/users/:id': { drop: 0.5 }, 'PATCH /v2/users/:id': { drop: 0.5 }, 'DELETE /v2/users/:id': { drop: 0.5 } },
          randomSeed: 11,
        },
      });
      const { client } = makeClient(world.emulator, { retry: { maxAttempts: 12 } });
      for (let i = 0; i < 6; i++) await client.getUser(alice.loginId);
      for (let i = 0; i < 4; i++) await client.updateUser(alice.loginId, { disabled: i % 2 === 0 });
      await client.deleteUser(bob.loginId);
      assert.equal(world.emulator.getUser(projectName, alice.loginId)?.disabled, false);
      assert.equal(world.emulator.getUser(projectName, bob.loginId), undefined);
      assert.ok(world.emulator.calls().some((c) => c.status === 'dropped'), 'connections were dropped');
    });

    it('a connection that never answers ends in a network error after the bounded tries', async () => {
      world.emulator.configure({ faults: { routes: { 'GET /v2/users/:id': { drop: 1 } } } });
      const { client } = makeClient(world.emulator, { retry: { maxAttempts: 3 } });
      const e = await rejectsWith(client.getUser(alice.loginId), 'network');
      assert.match(e.message, /^Could not reach Medium One at http:\/\/127\.0\.0\.1:\d+ to read "alice@example\.com": .+ \(tried 3 times\)\./);
      assert.equal(seen(world.emulator, 'GET', '/v2/users/').length, 3);
    });

    it('a create whose answer was lost is checked with GET and never created twice', async () => {
      world.emulator.configure({ faults: { routes: { 'POST /v2/users': { dropAfter: 1 } } } });
      const { client } = makeClient(world.emulator);
      const result = await client.createUser({ loginId: 'hank', password: 'hank-Pw-123' });
      assert.deepEqual(result, { status: 'created', loginId: 'hank' });
      assert.equal(world.emulator.listUsers(projectName).filter((u) => u.loginId === 'hank').length, 1);
      assert.equal(seen(world.emulator, 'POST', '/v2/users').length, 1, 'the POST was not repeated');
      assert.deepEqual(statuses(seen(world.emulator, 'GET', '/v2/users/hank')), [200]);
    });

    it('many creates under random drops each create exactly one user', async () => {
      world.emulator.configure({ faults: { routes: { 'POST /v2/users': { drop: 0.5 }, 'GET /v2/users/:id': { drop: 0.2 } }, randomSeed: 5 } });
      const { client } = makeClient(world.emulator, { retry: { maxAttempts: 10 } });
      const ids = Array.from({ length: 8 }, (_, i) => `bulk-${i}`);
      for (const id of ids) assert.equal((await client.createUser({ loginId: id, password: `pw-${id}-Aa1` })).status, 'created');
      const held = world.emulator.listUsers(projectName).map((u) => u.loginId).filter((id) => id.startsWith('bulk-'));
      assert.deepEqual(held.sort(), ids);
      assert.ok(world.emulator.calls().some((c) => c.status === 'dropped'));
      for (const id of ids) assert.ok(world.emulator.checkPassword(projectName, id, `pw-${id}-Aa1`));
    });

    it('a create answered with malformed JSON is checked with GET, not repeated', async () => {
      world.emulator.configure({ faults: { routes: { 'POST /v2/users': { malformedJson: 1 } } } });
      const { client } = makeClient(world.emulator);
      const result = await client.createUser({ loginId: 'ivy', password: 'ivy-Pw-1234' });
      assert.equal(result.status, 'created');
      assert.equal(seen(world.emulator, 'POST', '/v2/users').length, 1);
      assert.equal(world.emulator.listUsers(projectName).filter((u) => u.loginId === 'ivy').length, 1);
    });

    it('malformed JSON on GET is retried, then malformedResponse with a clear message', async () => {
      world.emulator.configure({ faults: { routes: { 'GET /v2/users/:id': { malformedJson: 1 } } } });
      const { client } = makeClient(world.emulator, { retry: { maxAttempts: 2 } });
      const e = await rejectsWith(client.getUser(alice.loginId), 'malformedResponse');
      assert.match(e.message, /^Medium One sent an answer that could not be read when asked to read "alice@example\.com"/);
      assert.match(e.message, /not valid JSON, even after 2 tries\)/);
      assert.equal(seen(world.emulator, 'GET', '/v2/users/').length, 2);
    });

    it('malformed JSON on list and PATCH is retried until a good answer', async () => {
      world.emulator.configure({
        faults: { routes: { 'GET /v2/users': { malformedJson: 0.5 }, 'PATCH /v2/users/:id': { malformedJson: 0.5 } }, randomSeed: 2 },
      });
      const { client } = makeClient(world.emulator, { retry: { maxAttempts: 12 } });
      for (let i = 0; i < 4; i++) assert.equal((await client.listUsers()).length, 2);
      for (let i = 0; i < 4; i++) assert.ok((await client.updateUser(alice.loginId, { disabled: true })).includes('disabled'));
    });
  });

  describe('cancellation and timeout', () => {
    it('an AbortController cancels a call in flight: cancelled', async () => {
      world.emulator.configure({ faults: { latencyMs: 500 } });
      const { client } = makeClient(world.emulator);
      await client.login();
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const started = Date.now();
      const e = await rejectsWith(client.getUser(alice.loginId, { signal: controller.signal }), 'cancelled');
      assert.ok(Date.now() - started < 400);
      assert.match(e.message, /Cancelled/);
    });

    it('an already aborted signal sends nothing', async () => {
      const { client } = makeClient(world.emulator);
      const controller = new AbortController();
      controller.abort();
      await rejectsWith(client.listUsers({ signal: controller.signal }), 'cancelled');
      assert.equal(world.emulator.calls().length, 0);
    });

    it('cancels during a back-off wait', async () => {
      world.emulator.configure({ faults: { routes: { 'GET /v2/users': { status503: 1 } }, retryAfterSeconds: 5 } });
      const { client } = makeClient(world.emulator, { retry: { maxDelayMs: 10_000 } });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 150);
      const started = Date.now();
      await rejectsWith(client.listUsers({ signal: controller.signal }), 'cancelled');
      assert.ok(Date.now() - started < 1000);
    });

    it('a slow server gives timeout, per call', async () => {
      const { client } = makeClient(world.emulator, { timeoutMs: 100 });
      await client.login();
      world.emulator.configure({ faults: { latencyMs: 400 } });
      const e = await rejectsWith(client.getUser(alice.loginId), 'timeout');
      assert.match(e.message, /did not answer within 0\.1 s when asked to read "alice@example\.com"/);
    });
  });
});
