import * as assert from 'node:assert/strict';
import { MediumOneClient } from '../../../src/api/client';
import { startEmulator, defaultSeed } from '../../../src/emulator';
import type { Emulator } from '../../../src/emulator/types';
import { runBulk, summarize } from '../../../src/users/bulkRun';

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
