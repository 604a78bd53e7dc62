import * as assert from 'node:assert/strict';
import { MediumOneClient } from '../../../src/api/client';
import { startEmulator, defaultSeed } from '../../../src/emulator';
import type { CallRecord, Emulator } from '../../../src/emulator/types';
import { runBulk } from '../../../src/users/bulkRun';
import { concurrencyFor } from '../../../src/users/serverConcurrency';
import { disableCall } from '../../../src/users/userCalls';
import { defaultTuning } from '../../../src/util/adaptiveConcurrency';

const P = 'Local Sandbox';
const admin = { loginId: 'admin@sandbox.local', password: 'Sandbox-admin-1', apiKey: 'm1-sandbox-key' };

function seedWith(count: number) {
  const seed = defaultSeed();
  seed.projects[0].users = Array.from({ length: count }, (_, i) => ({ loginId: `bulk-${String(i).padStart(3, '0')}`, password: 'Device-pass-1' }));
  return seed;
}

/** The most calls the emulator was answering at once (from its records' arrival and answer times). */
function serverPeak(calls: CallRecord[]): number {
  const edges = calls.flatMap((c) => [{ t: c.receivedAt, d: 1 }, { t: c.answeredAt ?? Infinity, d: -1 }]);
  edges.sort((a, b) => a.t - b.t || a.d - b.d);
  let now = 0;
  let peak = 0;
  for (const e of edges) peak = Math.max(peak, (now += e.d));
  return peak;
}

/** Disables every user through the server's controller, counting the calls in flight as the runner sees them. */
async function disableAll(emulator: Emulator, client: MediumOneClient, ceiling: number) {
  const ids = emulator.listUsers(P).map((u) => u.loginId);
  const gate = concurrencyFor(client, ceiling);
  let inFlight = 0;
  let peak = 0;
  const outcome = await runBulk(ids, async (id) => {
    peak = Math.max(peak, ++inFlight);
    try {
      await disableCall.call(client, id);
    } finally {
      inFlight--;
    }
  }, { concurrency: gate });
  return { ids, outcome, peak, gate };
}

describe('bulk runs through the adaptive controller, against the emulator', () => {
  let emulator: Emulator;
  afterEach(async () => emulator.stop());

  it('grows past its start while latency is flat, never past the ceiling, and ends with every user disabled', async () => {
    emulator = await startEmulator({ port: 0, seed: seedWith(240), faults: { latencyMs: 25 } });
    const client = new MediumOneClient({ baseUrl: emulator.url, credentials: () => admin });
    const { ids, outcome, peak } = await disableAll(emulator, client, 12);
    const seen = serverPeak(emulator.calls());
    assert.ok(seen > defaultTuning.initial, `the server saw at most ${seen} calls at once: it never grew past its start`);
    assert.ok(peak <= 12 && seen <= 12, `${peak} calls in flight (${seen} seen by the server), above the ceiling of 12`);
    assert.deepEqual(outcome.failed, []);
    assert.equal(outcome.succeeded.length, ids.length);
    assert.ok(emulator.listUsers(P).every((u) => u.disabled), 'the server holds every user disabled');
  });

  it('backs off when the server slows down mid-run, and grows again once it is fast', async () => {
    emulator = await startEmulator({ port: 0, seed: seedWith(300), faults: { latencyMs: 20 } });
    const client = new MediumOneClient({ baseUrl: emulator.url, credentials: () => admin });
    const gate = concurrencyFor(client, 16);
    const limits: Record<string, number> = {};
    const ids = emulator.listUsers(P).map((u) => u.loginId);
    const outcome = await runBulk(ids, (id) => disableCall.call(client, id), {
      concurrency: gate,
      onItemDone: (_id, _ok, done) => {
        // The server gets six times slower for the middle hundred, then fast again.
        if (done === 100) {
          limits.fast = gate.limit;
          emulator.configure({ faults: { latencyMs: 120 } });
        }
        if (done === 200) {
          limits.slow = gate.limit;
          emulator.configure({ faults: { latencyMs: 20 } });
        }
      },
    });
    limits.end = gate.limit;
    assert.ok(limits.slow < limits.fast, `limits ${JSON.stringify(limits)}: no back-off while the server was slow`);
    assert.ok(limits.end > limits.slow, `limits ${JSON.stringify(limits)}: no recovery once it was fast again`);
    assert.equal(outcome.succeeded.length, 300);
  });

  it('a ceiling of 1 runs one call at a time', async () => {
    emulator = await startEmulator({ port: 0, seed: seedWith(30) });
    const client = new MediumOneClient({ baseUrl: emulator.url, credentials: () => admin });
    const { outcome, peak } = await disableAll(emulator, client, 1);
    assert.equal(peak, 1);
    assert.equal(outcome.succeeded.length, 30);
  });

  it('one controller per client: a bulk run and a later read share what it learned', async () => {
    emulator = await startEmulator({ port: 0, seed: seedWith(80), faults: { latencyMs: 10 } });
    const client = new MediumOneClient({ baseUrl: emulator.url, credentials: () => admin });
    const { gate } = await disableAll(emulator, client, 16);
    assert.equal(concurrencyFor(client, 16), gate);
    assert.ok(gate.limit > defaultTuning.initial, `limit ${gate.limit} after a run at flat latency`);
    const other = new MediumOneClient({ baseUrl: emulator.url, credentials: () => admin });
    assert.notEqual(concurrencyFor(other, 16), gate);
  });
});
