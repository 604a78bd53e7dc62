import * as assert from 'node:assert/strict';
import { StateReader, type ReadOutcome, type ReadProgress } from '../../../src/users/stateReader';
import type { MediumOneClient } from '../../../src/api/client';
import type { Concurrency } from '../../../src/util/concurrency';
import { AdaptiveConcurrency, type ConcurrencyGate } from '../../../src/util/adaptiveConcurrency';
import { concurrencyFor } from '../../../src/users/serverConcurrency';
import type { Emulator } from '../../../src/emulator/types';
import { makeClient, projectName, useEmulator } from '../api/fixture';

// The background read of user states, against the emulator over HTTP with the real API client: a server that
// lists bare login_ids, with rate limits and faults.

const ids = (n: number) => Array.from({ length: n }, (_, i) => `dev-${String(i).padStart(4, '0')}`);

function seedUsers(emulator: Emulator, loginIds: string[]): void {
  loginIds.forEach((loginId, i) => emulator.putUser(projectName, { loginId, password: 'Dev-pass-123', disabled: i % 3 === 0 }));
}

interface Run {
  reader: StateReader;
  outcomes: ReadOutcome[];
  batches: ReadProgress[];
  /** The most reads in flight at once. */
  peak: () => number;
}

function reader(client: MediumOneClient, concurrency: Concurrency, order: string[] = []): Run {
  const outcomes: ReadOutcome[] = [];
  const batches: ReadProgress[] = [];
  let inFlight = 0;
  let peak = 0;
  const r = new StateReader({
    read: async (loginId, signal) => {
      order.push(loginId);
      peak = Math.max(peak, ++inFlight);
      try {
        return await client.getUser(loginId, { signal });
      } finally {
        inFlight--;
      }
    },
    concurrency,
    batchMs: 20,
    onBatch: (batch, progress) => {
      outcomes.push(...batch);
      batches.push({ ...progress });
    },
  });
  return { reader: r, outcomes, batches, peak: () => peak };
}

const stateOf = (o: ReadOutcome) => (o.kind === 'read' ? (o.user.disabled ? 'disabled' : 'enabled') : o.kind);

describe('users/stateReader: states of a login_id-only list', function () {
  this.timeout(60_000);
  const world = useEmulator();
  beforeEach(() => world.emulator.configure({ listing: 'loginIds' }));

  it('reads every listed user once, each state as the server holds it, in batches, within the concurrency', async () => {
    const all = ids(120);
    seedUsers(world.emulator, all);
    const { client } = makeClient(world.emulator);
    const listed = (await client.listUsers()).filter((u) => u.loginId.startsWith('dev-'));
    assert.ok(listed.every((u) => u.disabled === undefined), 'the server listed bare login_ids');
    const run = reader(client, 6);
    run.reader.add(listed.map((u) => u.loginId));
    await run.reader.idle;
    assert.deepEqual(run.outcomes.map((o) => o.loginId).sort(), all);
    for (const o of run.outcomes) {
      assert.equal(stateOf(o), world.emulator.getUser(projectName, o.loginId)?.disabled ? 'disabled' : 'enabled', o.loginId);
    }
    assert.ok(run.peak() <= 6, `at most 6 in flight (saw ${run.peak()})`);
    assert.ok(run.peak() > 1, 'reads run side by side');
    assert.ok(run.batches.length < all.length, 'results come in batches, not one event per user');
    assert.deepEqual(run.batches.at(-1), { done: 120, total: 120 });
    assert.equal(run.reader.running, false);
  });

  it('reads through the server\'s adaptive controller: never more in flight than its ceiling, every state read', async () => {
    const all = ids(60);
    seedUsers(world.emulator, all);
    world.emulator.configure({ faults: { latencyMs: 20 } });
    const { client } = makeClient(world.emulator);
    const run = reader(client, concurrencyFor(client, 3));
    run.reader.add(all);
    await run.reader.idle;
    assert.deepEqual(run.outcomes.map((o) => o.loginId).sort(), all);
    assert.ok(run.outcomes.every((o) => o.kind === 'read'));
    assert.ok(run.peak() <= 3, `at most the ceiling in flight (saw ${run.peak()})`);
    assert.ok(run.peak() > 1, 'reads run side by side');
  });

  it('tells the gate which places read a user: a place that found no work is given back unused', async () => {
    // A gate not fed by the client (no observer hook) learns round trips from its places: an empty one counted
    // as a read would be a ~0 ms "best" round trip that makes every real read look congested.
    const all = ids(3);
    seedUsers(world.emulator, all);
    const { client } = makeClient(world.emulator);
    const used: (boolean | undefined)[] = [];
    const gate = new AdaptiveConcurrency({ ceiling: 8 });
    const recording: ConcurrencyGate = {
      ceiling: gate.ceiling,
      acquire: async (signal) => {
        const release = await gate.acquire(signal);
        return release && ((u?: boolean) => (used.push(u), release(u)));
      },
    };
    const run = reader(client, recording);
    run.reader.add(all);
    await run.reader.idle;
    // The last read's place is given back just after it is reported (idle resolves at that report).
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(run.outcomes.length, 3);
    assert.equal(used.filter((u) => u !== false).length, 3, `one used place per read (releases: ${used.join(', ')})`);
  });

  it('reads in the order given (the rows on screen first), and a prioritized user ahead of the rest', async () => {
    const all = ids(60);
    seedUsers(world.emulator, all);
    const { client } = makeClient(world.emulator);
    const order: string[] = [];
    const run = reader(client, 2, order);
    run.reader.add(all);
    run.reader.prioritize(['dev-0059', 'dev-0058']);
    await run.reader.idle;
    // The first two calls had started before the prioritize; the prioritized ones come right after.
    assert.deepEqual(order.slice(0, 4), ['dev-0000', 'dev-0001', 'dev-0059', 'dev-0058']);
    assert.deepEqual(order.slice(4, 8), ['dev-0002', 'dev-0003', 'dev-0004', 'dev-0005']);
  });

  it('waits out a rate limit (429 with Retry-After) and 503s: every state read, none failed', async () => {
    const all = ids(45);
    seedUsers(world.emulator, all);
    const { client } = makeClient(world.emulator, { retry: { baseDelayMs: 5, maxDelayMs: 2000 } });
    await client.login();
    world.emulator.configure({
      rateLimit: { requests: 20, windowMs: 1000 },
      faults: { randomSeed: 7, retryAfterSeconds: 0, routes: { 'GET /v2/users/:id': { status503: 0.2 } } },
    });
    const run = reader(client, 8);
    run.reader.add(all);
    await run.reader.idle;
    assert.deepEqual(run.outcomes.filter((o) => o.kind !== 'read').map((o) => o.loginId), []);
    assert.equal(run.outcomes.length, 45);
    assert.ok(world.emulator.calls().some((c) => c.status === 429), 'the rate limit was met');
  });

  it('reports a user that is gone, and one whose read keeps failing, without failing the others', async () => {
    const all = ids(30);
    seedUsers(world.emulator, all);
    const { client } = makeClient(world.emulator);
    world.emulator.removeUser(projectName, 'dev-0007');
    world.emulator.configure({ faults: { randomSeed: 3, routes: { 'GET /v2/users/:id': { status500: 0.7 } } } });
    const run = reader(client, 4);
    run.reader.add(all);
    await run.reader.idle;
    assert.equal(run.outcomes.length, 30, 'each user reported once');
    const failed = run.outcomes.filter((o) => o.kind === 'failed');
    assert.ok(failed.length > 0 && failed.length < 29, `some reads failed with 500 (${failed.length})`);
    const gone = run.outcomes.find((o) => o.loginId === 'dev-0007');
    assert.ok(gone?.kind === 'notFound' || gone?.kind === 'failed');
    for (const o of run.outcomes.filter((x) => x.kind === 'read')) {
      assert.equal(stateOf(o), world.emulator.getUser(projectName, o.loginId)?.disabled ? 'disabled' : 'enabled');
    }
  });

  it('stops on abort: calls in flight cancelled, nothing more reported or sent, waiters released', async () => {
    const all = ids(200);
    seedUsers(world.emulator, all);
    const { client } = makeClient(world.emulator);
    await client.login();
    world.emulator.configure({ faults: { latencyMs: 30 } });
    const run = reader(client, 4);
    run.reader.add(all);
    const waiting = run.reader.whenRead(['dev-0199']);
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (run.outcomes.length > 0) {
          clearInterval(check);
          resolve();
        }
      }, 5);
    });
    run.reader.abort();
    const reported = run.outcomes.length;
    await waiting;
    await run.reader.idle;
    const sent = world.emulator.calls().length;
    await new Promise((r) => setTimeout(r, 150));
    assert.equal(run.outcomes.length, reported, 'nothing reported after abort');
    assert.equal(world.emulator.calls().length, sent, 'nothing sent after abort');
    assert.ok(reported < 200);
    assert.equal(run.reader.running, false);
    run.reader.add(['dev-0000']);
    assert.equal(run.reader.progress.total, 200, 'an aborted reader takes no more users');
  });

  it('whenRead resolves once those users are read, reading them first', async () => {
    const all = ids(100);
    seedUsers(world.emulator, all);
    const { client } = makeClient(world.emulator);
    const run = reader(client, 2);
    run.reader.add(all);
    await run.reader.whenRead(['dev-0090', 'dev-0091']);
    const read = new Set(run.outcomes.map((o) => o.loginId));
    assert.ok(read.has('dev-0090') && read.has('dev-0091'));
    assert.ok(run.reader.running, 'the others are still being read');
    await run.reader.idle;
    assert.equal(run.outcomes.length, 100);
  });
});
