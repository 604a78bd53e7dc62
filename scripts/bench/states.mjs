// A login_id-only project of N users (its list gives bare login_ids): every state read with GET by the tree's
// background reader (StateReader) as the extension sets it up with default settings, with no rate limit and under
// the emulator's rate limit (100 per second, per session). Target: within 15 % of N ÷ rate. The emulator runs in a
// process of its own (remoteEmulator.mjs).
import { loadUsersModule, numbered, PROJECT, seedWith } from './load.mjs';
import { startRemoteEmulator } from './remoteEmulator.mjs';
import { percentOver, timed } from './timing.mjs';

const RATE = { requests: 100, windowMs: 1000 };
const WITHIN = 15;

export async function measureStates({ n, setup }) {
  const { StateReader } = loadUsersModule('stateReader');
  const seed = seedWith(numbered('dev', n, (i) => ({ disabled: i % 7 === 0 })));
  const emulator = await startRemoteEmulator({ seed, listing: 'loginIds' });
  try {
    const readAll = async (rateLimit) => {
      await emulator.configure({ rateLimit });
      const client = setup.client(emulator.url);
      await client.login();
      const listed = (await client.listUsers()).map((u) => u.loginId);
      const states = new Map();
      let failed = 0;
      const reader = new StateReader({
        read: (id, signal) => client.getUser(id, { signal }),
        ...setup.readerOptions(client),
        onBatch: (outcomes) => {
          for (const o of outcomes) o.kind === 'read' ? states.set(o.loginId, o.user.disabled) : failed++;
        },
      });
      const run = await timed(async () => {
        reader.add(listed);
        await reader.idle;
      });
      const wrong = (await emulator.listUsers(PROJECT)).filter((u) => states.get(u.loginId) !== u.disabled).length;
      return { ms: Math.round(run.ms), failed, wrong };
    };
    const unlimited = await readAll(undefined);
    const limited = await readAll(RATE);
    const floorMs = (n / RATE.requests) * RATE.windowMs;
    return {
      users: n,
      pacing: setup.readerPacing,
      unlimitedMs: unlimited.ms,
      limit: `${RATE.requests} per ${RATE.windowMs} ms`,
      floorMs,
      limitedMs: limited.ms,
      withinPercentOfFloor: percentOver(limited.ms, floorMs),
      failed: unlimited.failed + limited.failed,
      wrongStates: unlimited.wrong + limited.wrong,
    };
  } finally {
    await emulator.stop();
  }
}

export const statesTargets = (s) => [{
  name: `${s.users.toLocaleString('en')} login_id states read within ${WITHIN} % of N ÷ rate (${s.floorMs} ms), all right`,
  ok: s.withinPercentOfFloor <= WITHIN && s.failed === 0 && s.wrongStates === 0,
  value: `${s.limitedMs} ms (${s.withinPercentOfFloor > 0 ? '+' : ''}${s.withinPercentOfFloor} %), ${s.failed} failed, ${s.wrongStates} wrong`,
}];
