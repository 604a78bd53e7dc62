// Bulk work under faults (20 % of calls get 429/500/503/drop), with the extension's default pacing:
//   - disables: every item ends done (the server agrees) or reported;
//   - creates (what Import runs): no login_id created twice, every miss reported.
import { load, numbered, PROJECT, seedWith } from './load.mjs';
import { timed } from './timing.mjs';

const FAULTS = { status429: 0.05, status500: 0.05, status503: 0.05, drop: 0.05 };
/** Quick back-off: the faults carry Retry-After 0, and the point here is correctness, not waiting. */
const RETRY = { baseDelayMs: 50, maxDelayMs: 2000, maxAttempts: 6 };

export async function measureFaults({ n, setup }) {
  const { startEmulator } = load('emulator/index.js');
  const { runBulk } = load('users/bulkRun.js');
  const ids = Array.from({ length: n }, (_, i) => `bulk-${i}`);
  const emulator = await startEmulator({ port: 0, seed: seedWith(numbered('bulk', n)) });
  try {
    emulator.configure({ faults: { latencyMs: 20, randomSeed: 11, retryAfterSeconds: 0, routes: { 'PATCH /v2/users/:id': FAULTS } } });
    const faulty = setup.client(emulator.url, { retry: RETRY });
    const f = await timed(() => runBulk(ids, (id) => faulty.updateUser(id, { disabled: true }).then(() => undefined), setup.bulkOptions(faulty)));
    const held = new Map(emulator.listUsers(PROJECT).map((u) => [u.loginId, u.disabled]));
    const failedIds = new Set(f.out.failed.map((x) => x.loginId));
    const faults = {
      injectedRate: 0.2,
      setup: setup.name,
      ms: Math.round(f.ms),
      succeeded: f.out.succeeded.length,
      reportedFailed: f.out.failed.length,
      unreportedWrongState: ids.filter((id) => !held.get(id) && !failedIds.has(id)).length,
    };

    const fresh = ids.map((id) => `new-${id}`);
    emulator.reset(seedWith([]));
    emulator.configure({ faults: { latencyMs: 20, randomSeed: 12, retryAfterSeconds: 0, routes: { 'POST /v2/users': FAULTS } } });
    const creator = setup.client(emulator.url, { retry: RETRY });
    const c = await timed(() => runBulk(fresh, (id) => creator.createUser({ loginId: id, password: 'Bench-pass-1' }).then(() => undefined), setup.bulkOptions(creator)));
    const posts = emulator.calls().filter((x) => x.method === 'POST' && /^\/v2\/users\/?$/.test(x.path));
    const createFailed = new Set(c.out.failed.map((x) => x.loginId));
    const createFaults = {
      injectedRate: 0.2,
      setup: setup.name,
      ms: Math.round(c.ms),
      succeeded: c.out.succeeded.length,
      reportedFailed: c.out.failed.length,
      // A second create of the same login_id is refused as "exists" (400/403): any such answer is a duplicate attempt.
      duplicateCreateAttempts: posts.filter((x) => x.status === 400 || x.status === 403).length,
      unreportedMissing: fresh.filter((id) => !emulator.checkPassword(PROJECT, id, 'Bench-pass-1') && !createFailed.has(id)).length,
      reportedButCreated: c.out.failed.filter((x) => emulator.getUser(PROJECT, x.loginId)).length,
    };
    return { faults, createFaults };
  } finally {
    await emulator.stop();
  }
}

export const faultTargets = ({ faults, createFaults }) => [
  { name: 'disables under 20 % faults: nothing unreported', ok: faults.unreportedWrongState === 0, value: `${faults.succeeded} done, ${faults.reportedFailed} reported, ${faults.unreportedWrongState} unreported` },
  {
    name: 'creates under 20 % faults: no duplicate, nothing unreported',
    ok: createFaults.duplicateCreateAttempts === 0 && createFaults.unreportedMissing === 0,
    value: `${createFaults.duplicateCreateAttempts} duplicates, ${createFaults.unreportedMissing} unreported`,
  },
];
