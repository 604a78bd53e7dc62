#!/usr/bin/env node
// `npm run bench`: the bars of SPEC section 6, measured (never asserted by timed tests).
//   1. bundle: dist/extension.js minified; the emulator and the import/export formats are bundles of their own
//   2. tree model: 10,000 users sorted, filtered and turned into row models (context values, ids)
//   3. bulk: 1,000 disables against the emulator with 20 ms latency: our client + bounded concurrency vs the
//      reference document's pattern (a fresh login for every call, one call at a time), and against a rate limit
//   4. faults: 20% injected 429/500/503/drops: every item ends done (server agrees) or reported
//   5. bulk create (what Import Users runs) under the same faults: no login_id created twice, every miss reported
//   6. a login_id-only project of 10,000 users: every state read (the tree's background read), unlimited and at 100/s
// Prints a table and writes artifacts/bench.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const quick = process.argv.includes('--quick');

execFileSync('node', ['esbuild.js', '--production'], { cwd: root, stdio: 'inherit' });
execFileSync('npx', ['tsc', '-p', 'tsconfig.test.json'], { cwd: root, stdio: 'inherit' });
const { MediumOneClient } = require(path.join(root, 'out/src/api/client.js'));
const { startEmulator, defaultSeed } = require(path.join(root, 'out/src/emulator/index.js'));
const { runBulk } = require(path.join(root, 'out/src/users/bulkRun.js'));
const { entryFromSummary } = require(path.join(root, 'out/src/tree/userEntry.js'));
const { sortByLoginId } = require(path.join(root, 'out/src/tree/loginIdOrder.js'));
const { userContextValue } = require(path.join(root, 'out/src/tree/contextValues.js'));
const { matches } = require(path.join(root, 'out/src/tree/userFilter.js'));

const results = {};
const P = 'Local Sandbox';
const admin = { loginId: 'admin@sandbox.local', password: 'Sandbox-admin-1', apiKey: 'm1-sandbox-key' };

// 1. bundle
results.bundleKB = +(statSync(path.join(root, 'dist/extension.js')).size / 1024).toFixed(1);
results.emulatorBundleKB = +(statSync(path.join(root, 'dist/emulator.js')).size / 1024).toFixed(1);
results.fileFormatsBundleKB = +(statSync(path.join(root, 'dist/fileFormats.js')).size / 1024).toFixed(1);
results.note = 'dist/extension.js excludes the emulator (dist/emulator.js, loaded only by Start Local Sandbox) and the import/export formats (dist/fileFormats.js, loaded only by Import/Export)';

// 2. tree model for 10,000 users
{
  const project = { id: 'p', name: 'Big', baseUrl: 'https://api.mediumone.com', role: 'business', loginId: 'a', production: false };
  const summaries = Array.from({ length: 10_000 }, (_, i) => ({ loginId: `device-${(i * 7919) % 10_000}`, disabled: i % 9 === 0, mqttId: `m${i}` }));
  const runs = [];
  for (let r = 0; r < 7; r++) {
    const s = performance.now();
    const entries = sortByLoginId(summaries.map(entryFromSummary));
    const rows = entries.filter((e) => matches({}, e)).map((e) => ({
      id: `project/${project.id}/user/${encodeURIComponent(e.loginId)}`, contextValue: userContextValue(project, e), label: e.loginId, description: e.mqttId,
    }));
    runs.push(performance.now() - s);
    if (rows.length !== 10_000) throw new Error('tree bench lost rows');
  }
  runs.sort((a, b) => a - b);
  results.tree10kMedianMs = +runs[3].toFixed(1);
}

// 3. bulk: 1,000 disables, 20 ms latency
const N = quick ? 200 : 1000;
const seedWith = (n) => {
  const seed = defaultSeed();
  seed.projects[0].users = Array.from({ length: n }, (_, i) => ({ loginId: `bulk-${i}`, password: 'Device-pass-1' }));
  return seed;
};
const client = (emulator) => new MediumOneClient({ baseUrl: emulator.url, credentials: () => admin, retry: { baseDelayMs: 50, maxDelayMs: 2000, maxAttempts: 6 } });
const ids = Array.from({ length: N }, (_, i) => `bulk-${i}`);

async function timed(fn) {
  const s = performance.now();
  const out = await fn();
  return { ms: performance.now() - s, out };
}

{
  const emulator = await startEmulator({ port: 0, seed: seedWith(N), faults: { latencyMs: 20 } });
  // The reference document's pattern: a new session (login) for every call, one call after another.
  const baseline = await timed(async () => {
    for (const id of ids) {
      const c = client(emulator);
      await c.login();
      await c.updateUser(id, { disabled: true });
    }
  });
  emulator.reset(seedWith(N));
  const shared = client(emulator);
  const ours = await timed(() => runBulk(ids, (id) => shared.updateUser(id, { disabled: true }).then(() => undefined), { concurrency: 16 }));
  const allDisabled = emulator.listUsers(P).every((u) => u.disabled);
  results.bulk = {
    calls: N,
    latencyMs: 20,
    referencePatternMs: Math.round(baseline.ms),
    oursMs: Math.round(ours.ms),
    speedup: +(baseline.ms / ours.ms).toFixed(1),
    failures: ours.out.failed.length,
    serverAgrees: allDisabled,
  };

  // Against a rate limit: the best possible time is N / (requests per window) windows.
  const limit = { requests: 100, windowMs: 1000 };
  emulator.reset(seedWith(N));
  emulator.configure({ faults: { latencyMs: 20 }, rateLimit: limit });
  const limited = client(emulator);
  await limited.login();
  const capped = await timed(() => runBulk(ids, (id) => limited.updateUser(id, { disabled: false }).then(() => undefined), { concurrency: 16 }));
  const floorMs = (N / limit.requests) * limit.windowMs;
  results.rateLimited = {
    limit: `${limit.requests} per ${limit.windowMs} ms`,
    floorMs,
    oursMs: Math.round(capped.ms),
    withinPercentOfFloor: +(((capped.ms - floorMs) / floorMs) * 100).toFixed(1),
    failures: capped.out.failed.length,
  };
  emulator.configure({ rateLimit: undefined });

  // 4. faults on 20% of calls
  emulator.reset(seedWith(N));
  emulator.configure({
    faults: { latencyMs: 20, randomSeed: 11, retryAfterSeconds: 0, routes: { 'PATCH /v2/users/:id': { status429: 0.05, status500: 0.05, status503: 0.05, drop: 0.05 } } },
  });
  const faulty = client(emulator);
  const f = await timed(() => runBulk(ids, (id) => faulty.updateUser(id, { disabled: true }).then(() => undefined), { concurrency: 16 }));
  const held = new Map(emulator.listUsers(P).map((u) => [u.loginId, u.disabled]));
  const unreported = ids.filter((id) => !held.get(id) && !f.out.failed.some((x) => x.loginId === id));
  results.faults = {
    injectedRate: 0.2,
    ms: Math.round(f.ms),
    succeeded: f.out.succeeded.length,
    reportedFailed: f.out.failed.length,
    unreportedWrongState: unreported.length,
  };

  // 5. bulk create (an import) under the same faults on POST: each user created once, or reported
  const fresh = ids.map((id) => `new-${id}`);
  emulator.reset(seedWith(0));
  emulator.clearCalls();
  emulator.configure({
    faults: { latencyMs: 20, randomSeed: 12, retryAfterSeconds: 0, routes: { 'POST /v2/users': { status429: 0.05, status500: 0.05, status503: 0.05, drop: 0.05 } } },
  });
  const creator = client(emulator);
  const c = await timed(() => runBulk(fresh, (id) => creator.createUser({ loginId: id, password: 'Bench-pass-1' }).then(() => undefined), { concurrency: 16 }));
  const posts = emulator.calls().filter((x) => x.method === 'POST' && /^\/v2\/users\/?$/.test(x.path));
  results.createFaults = {
    injectedRate: 0.2,
    ms: Math.round(c.ms),
    succeeded: c.out.succeeded.length,
    reportedFailed: c.out.failed.length,
    // A second create of the same login_id is refused as "exists" (400/403): any such answer is a duplicate attempt.
    duplicateCreateAttempts: posts.filter((x) => x.status === 400 || x.status === 403).length,
    unreportedMissing: fresh.filter((id) => !emulator.checkPassword(P, id, 'Bench-pass-1') && !c.out.failed.some((x) => x.loginId === id)).length,
    reportedButCreated: c.out.failed.filter((x) => emulator.getUser(P, x.loginId)).length,
  };
  await emulator.stop();
}

// 6. states from a login_id list: a project of 10,000 users whose list gives bare login_ids; every state read
//    with GET (StateReader, the tree's background read, at the default concurrency of 8), unlimited and under a
//    rate limit. The emulator has no rate limit unless given one: 100 requests per second, as in section 3.
{
  const { StateReader } = require(path.join(root, 'out/src/tree/stateReader.js'));
  const n = quick ? 2000 : 10_000;
  const seed = defaultSeed();
  seed.projects[0].users = Array.from({ length: n }, (_, i) => ({ loginId: `dev-${i}`, password: 'Device-pass-1', disabled: i % 7 === 0 }));
  const emulator = await startEmulator({ port: 0, seed, listing: 'loginIds' });
  const readAll = async (rateLimit) => {
    emulator.configure({ rateLimit });
    // The client as the extension makes it: default retry policy, no tuning.
    const c = new MediumOneClient({ baseUrl: emulator.url, credentials: () => admin });
    await c.login();
    const listed = (await c.listUsers()).map((u) => u.loginId);
    const states = new Map();
    let failed = 0;
    const reader = new StateReader({
      read: (id, signal) => c.getUser(id, { signal }),
      concurrency: 8,
      onBatch: (outcomes) => {
        for (const o of outcomes) o.kind === 'read' ? states.set(o.loginId, o.user.disabled) : failed++;
      },
    });
    const s = performance.now();
    reader.add(listed);
    await reader.idle;
    const ms = performance.now() - s;
    const wrong = emulator.listUsers(P).filter((u) => states.get(u.loginId) !== u.disabled).length;
    return { ms: Math.round(ms), failed, wrong };
  };
  const unlimited = await readAll(undefined);
  const limit = { requests: 100, windowMs: 1000 };
  const limited = await readAll(limit);
  const floorMs = (n / limit.requests) * limit.windowMs;
  results.loginIdStates = {
    users: n,
    concurrency: 8,
    unlimitedMs: unlimited.ms,
    limit: `${limit.requests} per ${limit.windowMs} ms`,
    floorMs,
    limitedMs: limited.ms,
    withinPercentOfFloor: +(((limited.ms - floorMs) / floorMs) * 100).toFixed(1),
    failed: unlimited.failed + limited.failed,
    wrongStates: unlimited.wrong + limited.wrong,
  };
  await emulator.stop();
}

mkdirSync(path.join(root, 'artifacts'), { recursive: true });
writeFileSync(path.join(root, 'artifacts', 'bench.json'), JSON.stringify(results, null, 2));
console.log(JSON.stringify(results, null, 2));
const bars = [
  ['bundle < 150 KB', results.bundleKB < 150],
  ['10k tree rows < 50 ms', results.tree10kMedianMs < 50],
  ['bulk >= 6x the reference pattern', results.bulk.speedup >= 6 && results.bulk.failures === 0 && results.bulk.serverAgrees],
  ['rate-limited within 20% of the limit', results.rateLimited.withinPercentOfFloor <= 20 && results.rateLimited.failures === 0],
  ['faults: nothing unreported', results.faults.unreportedWrongState === 0],
  ['create under faults: no duplicate, nothing unreported', results.createFaults.duplicateCreateAttempts === 0 && results.createFaults.unreportedMissing === 0],
  ['10k login_id states within 15% of N / rate, all right', results.loginIdStates.withinPercentOfFloor <= 15 && results.loginIdStates.failed === 0 && results.loginIdStates.wrongStates === 0],
];
for (const [name, ok] of bars) console.log(`${ok ? 'meets' : 'MISSES'}  ${name}`);
