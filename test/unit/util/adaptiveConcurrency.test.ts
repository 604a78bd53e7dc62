import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { AdaptiveConcurrency } from '../../../src/util/adaptiveConcurrency';

/** A controller on a clock the test moves, fed the way the API client feeds it (one sample per try). */
function controller(ceiling: number) {
  const clock = { t: 1_000 };
  const c = new AdaptiveConcurrency({ ceiling, now: () => clock.t });
  c.observing();
  return { c, clock };
}

/** Fills every place, lets `ms` pass, and answers every call with `status`; returns the most places held at once. */
async function round(c: AdaptiveConcurrency, clock: { t: number }, ms: number, status = 200): Promise<number> {
  const held: (() => void)[] = [];
  while (c.state.inFlight < c.limit) held.push((await c.acquire())!);
  const peak = c.state.inFlight;
  clock.t += ms;
  // The answers come in while the places are still held, as in a run: then the places are given back.
  for (let i = 0; i < held.length; i++) c.afterSend({ ms, status });
  for (const release of held) release();
  return peak;
}

describe('adaptive concurrency', () => {
  it('starts modestly, grows while round trips hold, and never passes its ceiling', async () => {
    const { c, clock } = controller(20);
    assert.equal(c.limit, 4);
    const peaks: number[] = [];
    for (let i = 0; i < 8; i++) peaks.push(await round(c, clock, 20));
    assert.ok(peaks[2] > peaks[0], `grew: ${peaks.join(', ')}`);
    assert.equal(c.limit, 20);
    assert.ok(Math.max(...peaks) <= 20 && c.state.peakInFlight <= 20, `peaks ${peaks.join(', ')}`);
  });

  it('backs off while round trips rise, and grows back once they fall', async () => {
    const { c, clock } = controller(16);
    for (let i = 0; i < 6; i++) await round(c, clock, 20);
    assert.equal(c.limit, 16);
    for (let i = 0; i < 4; i++) await round(c, clock, 80);
    const slowed = c.limit;
    assert.ok(slowed < 16, `limit while slow: ${slowed}`);
    for (let i = 0; i < 40 && c.limit < 16; i++) await round(c, clock, 20);
    assert.equal(c.limit, 16, 'recovered to the ceiling');
  });

  it('halves on a 503, once for every call of the same episode, and recovers', async () => {
    const { c, clock } = controller(16);
    for (let i = 0; i < 6; i++) await round(c, clock, 20);
    await round(c, clock, 20, 503);
    assert.equal(c.limit, 8, 'the calls sent together answer one episode');
    for (let i = 0; i < 40 && c.limit < 16; i++) await round(c, clock, 20);
    assert.equal(c.limit, 16);
  });

  it('starts no send before a Retry-After has passed, and hands out no place during it', async () => {
    const c = new AdaptiveConcurrency({ ceiling: 8 });
    c.observing();
    c.afterSend({ ms: 5, status: 429, retryAfterMs: 150 });
    const asked = performance.now();
    await c.beforeSend();
    const sent = performance.now();
    assert.ok(sent - asked >= 149, `a send started ${Math.round(sent - asked)} ms into a 150 ms Retry-After`);
    const plain = new AdaptiveConcurrency({ ceiling: 8 });
    plain.afterSend({ ms: 5, status: 503, retryAfterMs: 100 });
    const before = performance.now();
    const release = await plain.acquire();
    assert.ok(release && performance.now() - before >= 99, 'a place waits out the Retry-After when sends are not observed');
  });

  it('paces sends at the rate a windowed limit served instead of halving, and creeps back up after a quiet spell', () => {
    const clock = { t: 0 };
    const c = new AdaptiveConcurrency({ ceiling: 24, now: () => clock.t, tuning: { probeAfterMs: 2_000 } });
    c.observing();
    for (let i = 0; i < 100; i++) {
      clock.t += 5;
      c.afterSend({ ms: 20, status: 200 });
    }
    const before = c.limit;
    c.afterSend({ ms: 20, status: 429, retryAfterMs: 1_000 });
    const rate = c.state.ratePerSecond;
    assert.ok(rate !== undefined && rate > 90 && rate < 100, `rate ${rate}: just under the 100 served in the last second`);
    assert.equal(c.limit, before, 'calls in flight are not halved for a windowed limit');
    assert.ok(c.state.holdMs >= 999);
    clock.t += 3_500;
    c.afterSend({ ms: 20, status: 200 });
    assert.ok(c.state.ratePerSecond! > rate, 'the rate grows after the quiet spell');
  });

  it('holds and halves instead of pacing when a 429 comes before any answer of its own (another client used the window)', () => {
    const clock = { t: 0 };
    const c = new AdaptiveConcurrency({ ceiling: 24, now: () => clock.t, tuning: { initial: 8 } });
    c.observing();
    c.afterSend({ ms: 20, status: 429, retryAfterMs: 1_000 });
    assert.equal(c.state.ratePerSecond, undefined, 'no rate is guessed from nothing served');
    assert.equal(c.limit, 4, 'the calls in flight are halved');
    assert.ok(c.state.holdMs >= 999, 'the Retry-After still holds every send');
  });

  it('answers undefined instead of a place once the signal aborts', async () => {
    const c = new AdaptiveConcurrency({ ceiling: 1 });
    const first = await c.acquire();
    const abort = new AbortController();
    const second = c.acquire(abort.signal);
    abort.abort();
    assert.equal(await second, undefined);
    first!();
    assert.ok(await c.acquire(), 'the place is free again');
  });
});
