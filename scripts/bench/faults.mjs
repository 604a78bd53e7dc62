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
  /** `items` through runBulk with `route` failing on 20 % of calls, on a client paced as the extension paces it. */
  const underFaults = (route, randomSeed, items, call) => {
    emulator.configure({ faults: { latencyMs: 20, randomSeed, retryAfterSeconds: 0, routes: { [route]: FAULTS } } });
    const client = setup.client(emulator.url, { retry: RETRY });
    return timed(() => runBulk(items, (id) => call(client, id).then(() => undefined), setup.bulkOptions(client)));
  };
  const outline = (run) => ({ injectedRate: 0.2, setup: setup.name, ms: Math.round(run.ms), succeeded: run.out.succeeded.length, reportedFailed: run.out.failed.length });
  try {
    const f = await underFaults('PATCH /v2/users/:id', 11, ids, (client, id) => client.updateUser(id, { disabled: true }));
    const held = new Map(emulator.listUsers(PROJECT).map((u) => [u.loginId, u.disabled]));
    const failedIds = new Set(f.out.failed.map((x) => x.loginId));
    const faults = {
      ...outline(f),
      unreportedWrongState: ids.filter((id) => !held.get(id) && !failedIds.has(id)).length,
    };

    const fresh = ids.map((id) => `new-${id}`);
    emulator.reset(seedWith([]));
    const c = await underFaults('POST /v2/users', 12, fresh, (client, id) => client.createUser({ loginId: id, password: 'Bench-pass-1' }));
    const posts = emulator.calls().filter((x) => x.method === 'POST' && /^\/v2\/users\/?$/.test(x.path));
    const createFailed = new Set(c.out.failed.map((x) => x.loginId));
    const createFaults = {
      ...outline(c),
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
