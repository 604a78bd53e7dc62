import * as assert from 'node:assert/strict';
import { MediumOneClient } from '../../../src/api/client';
import { startEmulator, defaultSeed } from '../../../src/emulator';
import type { Emulator } from '../../../src/emulator/types';
import { runBulk, summarize } from '../../../src/users/bulkRun';
import { createCall, deleteCall, disableCall } from '../../../src/users/userCalls';

const P = 'Local Sandbox';

function client(emulator: Emulator): MediumOneClient {
  return new MediumOneClient({
    baseUrl: emulator.url,
    credentials: () => ({ loginId: 'admin@sandbox.local', password: 'Sandbox-admin-1', apiKey: 'm1-sandbox-key' }),
    retry: { baseDelayMs: 2, maxDelayMs: 20, maxAttempts: 4 },
  });
}

function seedWith(count: number) {
  const seed = defaultSeed();
  seed.projects[0].users = Array.from({ length: count }, (_, i) => ({ loginId: `bulk-${String(i).padStart(3, '0')}`, password: 'Device-pass-1' }));
  return seed;
}

describe('bulk operations against the emulator', () => {
  let emulator: Emulator;
  afterEach(async () => emulator.stop());

  it('disables 100 users with bounded concurrency and reports every one', async () => {
    emulator = await startEmulator({ port: 0, seed: seedWith(100) });
    const c = client(emulator);
    let peak = 0;
    let inFlight = 0;
    const ids = emulator.listUsers(P).map((u) => u.loginId);
    const outcome = await runBulk(ids, async (id) => {
      peak = Math.max(peak, ++inFlight);
      try {
        await c.updateUser(id, { disabled: true });
      } finally {
        inFlight--;
      }
    }, { concurrency: 8 });
    assert.equal(outcome.succeeded.length, 100);
    assert.ok(peak <= 8 && peak > 1, `peak concurrency ${peak}`);
    assert.ok(emulator.listUsers(P).every((u) => u.disabled));
    assert.equal(summarize('Disabled', outcome), 'Disabled 100 of 100.');
  });

  it('under 20% injected faults ends in the intended state or reports each unfinished item', async () => {
    emulator = await startEmulator({
      port: 0,
      seed: seedWith(120),
      faults: { randomSeed: 7, routes: { 'PATCH /v2/users/:id': { status429: 0.05, status500: 0.05, status503: 0.05, drop: 0.05 } } },
    });
    const c = client(emulator);
    const ids = emulator.listUsers(P).map((u) => u.loginId);
    const outcome = await runBulk(ids, (id) => c.updateUser(id, { disabled: true }).then(() => undefined), { concurrency: 10 });
    assert.equal(outcome.succeeded.length + outcome.failed.length, ids.length, 'every item accounted for');
    for (const id of outcome.succeeded) assert.equal(emulator.getUser(P, id)?.disabled, true, `${id} reported done`);
    for (const f of outcome.failed) assert.ok(f.reason.length > 0, `${f.loginId} failed with a reason`);
    assert.ok(outcome.succeeded.length > 100, `retries carry most through (${outcome.succeeded.length})`);
  });

  it('creates under dropped answers without ever creating twice', async () => {
    emulator = await startEmulator({ port: 0, seed: seedWith(0), faults: { randomSeed: 3, routes: { 'POST /v2/users': { dropAfter: 0.3 } } } });
    const c = client(emulator);
    const ids = Array.from({ length: 40 }, (_, i) => `new-${i}`);
    const outcome = await runBulk(ids, (id) => c.createUser({ loginId: id, password: 'Good-pass-1' }).then(() => undefined), { concurrency: 6 });
    assert.deepEqual(outcome.failed, []);
    assert.equal(emulator.listUsers(P).length, 40);
    const posts = emulator.calls().filter((call) => call.method === 'POST' && call.path.startsWith('/v2/users'));
    assert.ok(posts.some((p) => p.status === 'dropped'), 'some answers were really lost');
  });

  it('stops starting new items when cancelled and lists them as not run', async () => {
    emulator = await startEmulator({ port: 0, seed: seedWith(50), faults: { latencyMs: 20 } });
    const c = client(emulator);
    const abort = new AbortController();
    const ids = emulator.listUsers(P).map((u) => u.loginId);
    const outcome = await runBulk(ids, async (id) => {
      await c.updateUser(id, { disabled: true });
      if (id === 'bulk-009') abort.abort();
    }, { concurrency: 2, signal: abort.signal });
    assert.ok(outcome.notRun.length >= 38, `not run: ${outcome.notRun.length}`);
    assert.equal(outcome.succeeded.length + outcome.failed.length + outcome.notRun.length, 50);
    const disabled = emulator.listUsers(P).filter((u) => u.disabled).map((u) => u.loginId).sort();
    assert.deepEqual(disabled, [...outcome.succeeded].sort(), 'the server holds exactly what was reported done');
    assert.match(summarize('Disabled', outcome), /not run \(cancelled\)/);
  });
});

describe('bulk outcomes that may have been applied, and Retry Failed', () => {
  let emulator: Emulator;
  afterEach(async () => emulator.stop());
  const ids = ['bulk-000', 'bulk-001', 'bulk-002'];
  // Every PATCH is applied and its answer lost, and the read that would settle it fails too: truly uncertain.
  const lostAndUnreadable = { randomSeed: 1, routes: { 'PATCH /v2/users/:id': { dropAfter: 1 }, 'GET /v2/users/:id': { status500: 1 } } } as const;

  it('says "may have been applied" for each failure whose answer was lost, and counts them in the summary', async () => {
    emulator = await startEmulator({ port: 0, seed: seedWith(3), faults: lostAndUnreadable });
    const outcome = await runBulk(ids, (id) => disableCall.call(client(emulator), id), { concurrency: 3 });
    assert.deepEqual(outcome.succeeded, []);
    assert.deepEqual(outcome.failed.map((f) => f.mayHaveBeenApplied), [true, true, true]);
    for (const f of outcome.failed) assert.match(f.reason, /may (still )?have been applied/i, f.loginId);
    assert.ok(emulator.listUsers(P).every((u) => u.disabled), 'the server did apply them');
    assert.match(summarize('Disabled', outcome), /^Disabled 0 of 3\. 3 failed \(.*\)\. 3 of the failed may have been applied: refresh to check\.$/);
  });

  it('does not say "may have been applied" of a failure the server answered', async () => {
    emulator = await startEmulator({ port: 0, seed: seedWith(3), faults: { routes: { 'PATCH /v2/users/:id': { status500: 1 } } } });
    const outcome = await runBulk(ids, (id) => disableCall.call(client(emulator), id), { concurrency: 3 });
    assert.deepEqual(outcome.failed.map((f) => f.mayHaveBeenApplied), [false, false, false]);
    for (const f of outcome.failed) assert.doesNotMatch(f.reason, /may (still )?have been applied/i);
    assert.ok(emulator.listUsers(P).every((u) => !u.disabled), 'nothing was applied');
    assert.doesNotMatch(summarize('Disabled', outcome), /may have been applied/);
  });

  it('Retry Failed reads each user first and resends only what the server does not hold yet', async () => {
    emulator = await startEmulator({ port: 0, seed: seedWith(3), faults: lostAndUnreadable });
    const c = client(emulator);
    const first = await runBulk(ids, (id) => disableCall.call(c, id), { concurrency: 3 });
    // Another admin re-enables one of them meanwhile: that one must be sent again.
    emulator.setDisabled(P, 'bulk-001', false);
    emulator.configure({ faults: {} });
    emulator.clearCalls();
    const retry = await runBulk(first.failed.map((f) => f.loginId), (id) => disableCall.call(c, id), {
      concurrency: 3,
      alreadyDone: (id) => disableCall.holds(c, id),
    });
    assert.deepEqual([...retry.succeeded].sort(), ids);
    assert.deepEqual([...retry.alreadyDone].sort(), ['bulk-000', 'bulk-002']);
    assert.deepEqual(emulator.calls().filter((r) => r.method === 'PATCH').map((r) => r.path), ['/v2/users/bulk-001']);
    assert.ok(emulator.listUsers(P).every((u) => u.disabled));
    assert.equal(summarize('Disabled', retry), 'Disabled 3 of 3. 2 of them had already been applied by an earlier try (checked, not sent again).');
  });

  it('Retry Failed still says "may have been applied" of an item whose earlier try may have been, unless its check settled it', async () => {
    emulator = await startEmulator({ port: 0, seed: seedWith(3), faults: lostAndUnreadable });
    const c = client(emulator);
    const first = await runBulk(ids, (id) => disableCall.call(c, id), { concurrency: 3 });
    const appliedBefore = new Set(first.failed.filter((f) => f.mayHaveBeenApplied).map((f) => f.loginId));
    const retry = (failing: object) => {
      emulator.configure({ faults: { routes: { 'PATCH /v2/users/:id': { status500: 1 }, ...failing } } });
      return runBulk(['bulk-001'], (id) => disableCall.call(c, id), { concurrency: 1, alreadyDone: (id) => disableCall.holds(c, id), appliedBefore });
    };
    // The check cannot read, the resend meets a plain 500: the earlier try may still have done it.
    const unreadable = await retry({ 'GET /v2/users/:id': { status500: 1 } });
    assert.equal(unreadable.failed[0]?.mayHaveBeenApplied, true);
    assert.match(unreadable.failed[0].reason, /may (still )?have been applied/i);
    // The check reads the user enabled (another admin re-enabled it): the earlier try is settled, the 500 is plain.
    emulator.setDisabled(P, 'bulk-001', false);
    const settled = await retry({});
    assert.equal(settled.failed[0]?.mayHaveBeenApplied, false);
    assert.doesNotMatch(settled.failed[0].reason, /may (still )?have been applied/i);
  });

  it('Retry Failed of a delete or a create whose change holds sends nothing; a failing check resends', async () => {
    emulator = await startEmulator({ port: 0, seed: seedWith(2) });
    const c = client(emulator);
    emulator.removeUser(P, 'bulk-000');
    emulator.putUser(P, { loginId: 'made-earlier', password: 'Good-pass-1' });
    emulator.clearCalls();
    const deleted = await runBulk(['bulk-000'], (id) => deleteCall.call(c, id), { concurrency: 1, alreadyDone: (id) => deleteCall.holds(c, id) });
    const created = await runBulk(['made-earlier'], (id) => createCall('Good-pass-1').call(c, id), { concurrency: 1, alreadyDone: (id) => createCall('Good-pass-1').holds(c, id) });
    assert.deepEqual([deleted.alreadyDone, created.alreadyDone], [['bulk-000'], ['made-earlier']]);
    assert.deepEqual(emulator.calls().filter((r) => r.method !== 'GET' && r.path !== '/v2/login'), [], 'no DELETE or POST create sent');
    // The check cannot read (every GET fails): the delete is sent as it would have been.
    emulator.configure({ faults: { routes: { 'GET /v2/users/:id': { status500: 1 } } } });
    const resent = await runBulk(['bulk-001'], (id) => deleteCall.call(c, id), { concurrency: 1, alreadyDone: (id) => deleteCall.holds(c, id) });
    assert.deepEqual([resent.succeeded, resent.alreadyDone], [['bulk-001'], []]);
    assert.equal(emulator.getUser(P, 'bulk-001'), undefined);
  });
});

describe('bulk outcomes, in order', () => {
  it('lists outcomes in the order the items were given, whatever order their calls finish in', async () => {
    // The later an item is given, the sooner its call ends: each waits for the one given after it.
    const ids = ['bulk-000', 'bulk-001', 'bulk-002', 'bulk-003'];
    const release = new Map<string, () => void>();
    const ended = new Map(ids.map((id) => [id, new Promise<void>((resolve) => release.set(id, resolve))]));
    const finishOrder: string[] = [];
    const outcome = await runBulk(ids, async (id) => {
      const after = ids[ids.indexOf(id) + 1];
      if (after) await ended.get(after);
      finishOrder.push(id);
      release.get(id)?.();
      if (id !== 'bulk-002') throw new Error(`${id} refused`);
    }, { concurrency: 4 });
    assert.deepEqual(finishOrder, [...ids].reverse(), 'the calls ended last-given first');
    assert.deepEqual(outcome.failed.map((f) => f.loginId), ['bulk-000', 'bulk-001', 'bulk-003']);
    assert.deepEqual(outcome.succeeded, ['bulk-002']);
    assert.match(summarize('Disabled', outcome), /^Disabled 1 of 4\. 3 failed \(bulk-000: bulk-000 refused; bulk-001: bulk-001 refused; bulk-003: bulk-003 refused\)\.$/);
  });
});
