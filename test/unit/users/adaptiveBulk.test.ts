import * as assert from 'node:assert/strict';
import { MediumOneClient } from '../../../src/api/client';
import { startEmulator, defaultSeed } from '../../../src/emulator';
import type { CallRecord, Emulator, FaultConfig } from '../../../src/emulator/types';
import { runBulk } from '../../../src/users/bulkRun';
import { DEFAULT_CEILING, concurrencyCeiling, concurrencyFor } from '../../../src/users/serverConcurrency';
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

/**
 * Disables 300 users with ceiling 16; the server takes `middle` for items 100-200 and `after` from then on. Returns
 * the controller's limit when the middle begins, when it ends, and at the end.
 */
async function inThreePhases(emulator: Emulator, middle: FaultConfig, after: FaultConfig) {
  const client = new MediumOneClient({ baseUrl: emulator.url, credentials: () => admin });
  const gate = concurrencyFor(client, 16);
  const limits = { before: 0, during: 0, end: 0 };
  const ids = emulator.listUsers(P).map((u) => u.loginId);
  const outcome = await runBulk(ids, (id) => disableCall.call(client, id), {
    concurrency: gate,
    onItemDone: (_id, _ok, done) => {
      if (done === 100) {
        limits.before = gate.limit;
        emulator.configure({ faults: middle });
      }
      if (done === 200) {
        limits.during = gate.limit;
        emulator.configure({ faults: after });
      }
    },
  });
  limits.end = gate.limit;
  return { limits, outcome };
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
    // The server gets six times slower for the middle hundred, then fast again.
    const { limits, outcome } = await inThreePhases(emulator, { latencyMs: 120 }, { latencyMs: 20 });
    assert.ok(limits.during < limits.before, `limits ${JSON.stringify(limits)}: no back-off while the server was slow`);
    assert.ok(limits.end > limits.during, `limits ${JSON.stringify(limits)}: no recovery once it was fast again`);
    assert.equal(outcome.succeeded.length, 300);
  });

  it('meets a rate limit without a failure: no call starts before a Retry-After has passed, and sends are paced', async () => {
    emulator = await startEmulator({ port: 0, seed: seedWith(60), faults: { latencyMs: 5 }, rateLimit: { requests: 15, windowMs: 1000 } });
    const client = new MediumOneClient({ baseUrl: emulator.url, credentials: () => admin });
    const { ids, outcome, gate } = await disableAll(emulator, client, 24);
    assert.deepEqual(outcome.failed, []);
    assert.equal(outcome.succeeded.length, ids.length);
    assert.ok(emulator.listUsers(P).every((u) => u.disabled));
    const calls = emulator.calls();
    const refused = calls.filter((c) => c.status === 429);
    assert.ok(refused.length > 0, 'the run met the limit');
    // A call may still arrive just after a 429 was answered (sent before the client read it): 100 ms of slack.
    for (const r of refused) {
      const from = r.answeredAt! + 100;
      const until = r.answeredAt! + r.retryAfterSeconds! * 1000 - 5;
      const early = calls.filter((c) => c.receivedAt > from && c.receivedAt < until);
      assert.deepEqual(early.map((c) => `${c.method} ${c.path}`), [], `calls during the Retry-After of the 429 answered at ${Math.round(r.answeredAt!)}`);
    }
    const rate = gate.state.ratePerSecond;
    assert.ok(rate !== undefined && rate <= 15, `paced at ${rate} calls a second against a limit of 15`);
    assert.ok(refused.length < ids.length / 2, `${refused.length} 429s for ${ids.length} calls: the pacing did not hold`);
  });

  it('halves on 503s and recovers once they stop', async () => {
    emulator = await startEmulator({ port: 0, seed: seedWith(300), faults: { latencyMs: 10 } });
    const busy = { randomSeed: 3, latencyMs: 10, retryAfterSeconds: 0, routes: { 'PATCH /v2/users/:id': { status503: 0.3 } } };
    const { limits, outcome } = await inThreePhases(emulator, busy, { latencyMs: 10 });
    assert.ok(limits.during < limits.before, `limits ${JSON.stringify(limits)}: no back-off on 503s`);
    assert.ok(limits.end > limits.during, `limits ${JSON.stringify(limits)}: no recovery`);
    // Every user ends as a success or a reported failure: none left out (the loops below check each side).
    assert.equal(outcome.succeeded.length + outcome.failed.length, 300);
    assert.deepEqual(outcome.notRun, []);
    for (const f of outcome.failed) assert.match(f.reason, /503|unavailable/i, `${f.loginId} failed with a reason`);
    for (const id of outcome.succeeded) assert.equal(emulator.getUser(P, id)?.disabled, true);
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
    assert.ok(gate.state.peakInFlight > defaultTuning.initial, `at most ${gate.state.peakInFlight} in flight at flat latency`);
    const other = new MediumOneClient({ baseUrl: emulator.url, credentials: () => admin });
    assert.notEqual(concurrencyFor(other, 16), gate);
  });
});

describe('mediumOne.concurrency as a ceiling', () => {
  it('reads "auto" as the default ceiling, and numbers (old settings too) as the ceiling, within 1-64', () => {
    assert.equal(concurrencyCeiling('auto'), DEFAULT_CEILING);
    assert.equal(concurrencyCeiling(undefined), DEFAULT_CEILING);
    assert.equal(concurrencyCeiling('fast'), DEFAULT_CEILING);
    assert.equal(concurrencyCeiling(8), 8, "the old default, set explicitly, stays 8");
    assert.equal(concurrencyCeiling('12'), 12);
    assert.equal(concurrencyCeiling(0), 1);
    assert.equal(concurrencyCeiling(100), 64);
  });
});
