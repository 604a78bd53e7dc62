// The adaptive matrix (issue 12): N disables for each round trip × server rate limit, by
//   - the seed's pattern: a fresh login for every call, one call at a time (the reference document's example);
//     measured at the smallest round trip, computed elsewhere as max(N × 2 × RTT, N ÷ rate), where it takes minutes
//     (its logins carry no session, so they share the address's rate window, while each call has a fresh session);
//   - the fixed default the extension had before (8 calls in flight);
//   - the adaptive controller with default settings;
// against the limit max(N × RTT ÷ ceiling, N ÷ rate), ceiling = the adaptive controller's default ceiling.
//
// The round trip is what the client sees: the emulator's `latencyMs` is added to every answer, on top of the loopback
// exchange itself, so latencyMs = RTT − (the fastest loopback round trip measured with no latency), and each cell
// reports the round trip it really measured (median of sequential reads). The rate limit is the emulator's fixed window:
// `{ requests: rate, windowMs: 1000 }` per session. The emulator runs in a process of its own (remoteEmulator.mjs).
import { extensionClient, load, numbered, PROJECT, seedWith } from './load.mjs';
import { startRemoteEmulator } from './remoteEmulator.mjs';
import { median, percentOver, round, timed } from './timing.mjs';

export const RTTS = [20, 100, 300];
export const RATES = [undefined, 20, 100];
const WITHIN = 15;

/** Round trips of `count` sequential reads, as the client sees them. */
async function roundTrips(client, loginId, count) {
  const times = [];
  for (let i = 0; i < count; i++) times.push((await timed(() => client.getUser(loginId))).ms);
  return times;
}

/**
 * @param {object} o
 * @param {number} o.n  disables per run
 * @param {import('./concurrency.mjs').Setup} o.adaptive
 * @param {import('./concurrency.mjs').Setup} o.fixed
 * @param {(line: string) => void} o.log
 */
export async function measureMatrix({ n, adaptive, fixed, log, rtts = RTTS, rates = RATES }) {
  const { runBulk } = load('users/bulkRun.js');
  const ids = Array.from({ length: n }, (_, i) => `bulk-${i}`);
  const emulator = await startRemoteEmulator({ seed: seedWith(numbered('bulk', n)) });
  try {
    const probe = extensionClient(emulator.url);
    await probe.login();
    await roundTrips(probe, ids[0], 20); // warm-up: JIT, sockets
    // The fastest exchange, not the median: on a busy machine the median holds scheduling delays that a far server's
    // round trip does not add to (they come on top of it); the table shows the round trip each cell really saw.
    const loopbackMs = Math.min(...(await roundTrips(probe, ids[0], 50)));
    const ceiling = adaptive.available ? adaptive.ceiling : undefined;

    /** Reset to N enabled users at this latency, with the rate limit applied from a fresh window. */
    const prepare = async (latencyMs, rate) => {
      await emulator.reset();
      await emulator.configure({ faults: { latencyMs }, rateLimit: rate ? { requests: rate, windowMs: 1000 } : undefined });
    };
    const disabledOnServer = async () => (await emulator.listUsers(PROJECT)).filter((u) => u.disabled).length;

    const runSetup = async (setup, latencyMs, rate) => {
      await prepare(latencyMs, rate);
      const client = setup.client(emulator.url);
      await client.login(); // signed in already, as after the tree listed the users
      const run = await timed(() => runBulk(ids, (id) => client.updateUser(id, { disabled: true }).then(() => undefined), setup.bulkOptions(client)));
      const wrong = n - (await disabledOnServer());
      return { ms: Math.round(run.ms), failures: run.out.failed.length, notDisabledOnServer: wrong };
    };

    const seedPattern = async (latencyMs, rate) => {
      await prepare(latencyMs, rate);
      let failures = 0;
      const run = await timed(async () => {
        for (const id of ids) {
          const c = extensionClient(emulator.url);
          try {
            await c.login();
            await c.updateUser(id, { disabled: true });
          } catch {
            failures++;
          }
        }
      });
      return { ms: Math.round(run.ms), failures, measured: true };
    };

    const cells = [];
    for (const rttMs of rtts) {
      for (const rate of rates) {
        const latencyMs = Math.max(0, round(rttMs - loopbackMs, 1));
        await prepare(latencyMs, undefined);
        const c = extensionClient(emulator.url);
        await c.login();
        const measuredRttMs = round(median(await roundTrips(c, ids[0], 7)), 1);
        const label = `RTT ${rttMs} ms, ${rate ? `${rate}/s` : 'no rate limit'}`;
        const seed = rttMs === rtts[0]
          ? await seedPattern(latencyMs, rate)
          : { ms: Math.round(Math.max(n * 2 * rttMs, rate ? (n / rate) * 1000 : 0)), measured: false };
        log(`${label}: seed's pattern ${seed.ms} ms${seed.measured ? '' : ' (computed)'}`);
        const fixedRun = await runSetup(fixed, latencyMs, rate);
        log(`${label}: fixed default ${fixedRun.ms} ms`);
        const adaptiveRun = adaptive.available ? await runSetup(adaptive, latencyMs, rate) : undefined;
        if (adaptiveRun) log(`${label}: adaptive ${adaptiveRun.ms} ms`);
        const limitMs = ceiling ? Math.round(Math.max((n * rttMs) / ceiling, rate ? (n / rate) * 1000 : 0)) : undefined;
        cells.push({
          rttMs,
          ratePerSecond: rate ?? null,
          emulatorLatencyMs: latencyMs,
          measuredRttMs,
          seedPattern: seed,
          fixedDefault: fixedRun,
          adaptiveDefault: adaptiveRun ?? null,
          limitMs: limitMs ?? null,
          withinPercentOfLimit: adaptiveRun && limitMs ? percentOver(adaptiveRun.ms, limitMs) : null,
          fixedWithinPercentOfLimit: limitMs ? percentOver(fixedRun.ms, limitMs) : null,
          speedupOverSeed: adaptiveRun ? round(seed.ms / adaptiveRun.ms, 1) : null,
        });
      }
    }
    return {
      operations: n,
      operation: 'PATCH /v2/users/:id {disabled: true}',
      loopbackRttMs: round(loopbackMs, 2),
      ceiling: ceiling ?? null,
      adaptiveFrom: adaptive.available ? adaptive.from : adaptive.reason,
      targetWithinPercent: WITHIN,
      cells,
    };
  } finally {
    await emulator.stop();
  }
}

/** The matrix's targets: each cell within 15 % of its limit with zero failures; at 20 ms, no rate limit, 25 × the seed's. */
export function matrixTargets(m) {
  const targets = m.cells.map((c) => ({
    name: `matrix ${c.rttMs} ms × ${c.ratePerSecond ? `${c.ratePerSecond}/s` : 'no limit'}: adaptive within ${WITHIN} % of ${c.limitMs ?? '?'} ms, 0 failures`,
    ok: c.withinPercentOfLimit !== null && c.withinPercentOfLimit <= WITHIN && c.adaptiveDefault.failures === 0 && c.adaptiveDefault.notDisabledOnServer === 0,
    value: c.adaptiveDefault ? `${c.adaptiveDefault.ms} ms (${signed(c.withinPercentOfLimit)} %)` : `n/a: ${m.adaptiveFrom}`,
  }));
  const base = m.cells.find((c) => c.rttMs === RTTS[0] && c.ratePerSecond === null);
  if (base) {
    targets.push({
      name: `matrix ${base.rttMs} ms, no limit: ≥ 25 × faster than the seed's pattern`,
      ok: base.speedupOverSeed !== null && base.speedupOverSeed >= 25,
      value: base.speedupOverSeed !== null ? `${base.speedupOverSeed} ×` : 'n/a',
    });
  }
  return targets;
}

export const signed = (x) => (x === null || x === undefined ? '?' : `${x > 0 ? '+' : ''}${x}`);
