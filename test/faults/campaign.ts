// The fault campaign (issue 9, SPEC section 6 "faults"): hundreds of single and bulk operations of every kind under
// injected latency, 429, 500, 503, dropped connections before and after the change, garbled JSON and short
// sessions, on more than one emulator profile. It asserts that every operation ends in the state the user was told
// of: `npm run test:faults [-- --seed N] [--operations N]` (per profile). Exits non-zero when any asserted figure is not 0.
import { MediumOneClient } from '../../src/api/client';
import { defaultSeed, startEmulator, type Emulator } from '../../src/emulator';
import { seededRandom } from '../../src/emulator/faults';
import { execute, isFailure, lateCalls, list, type Told } from './execute';
import { ASSERTED, Figures, holds, judgeCalls, judgeFinal, judgeItem, judgeList } from './judge';
import { Model, planPhase, type Command, type ItemOp, type PlanShape } from './plan';
import { campaignProfiles, faultTable, type CampaignProfile } from './profiles';
import { printTable } from './table';

const PROJECT = 'Local Sandbox';
const ADMIN = { loginId: 'admin@sandbox.local', password: 'Sandbox-admin-1', apiKey: 'm1-sandbox-key' };
const STARTING_USERS = 40;
const SHAPE: PlanShape = { bulkPerPhase: 2, singlePerPhase: 7, bulkSize: [4, 10], fewUsers: 20 };
/** Phases run until a profile has seen this many operations (so the total clears MIN_OPERATIONS on any seed). */
const OPERATIONS_PER_PROFILE = 180;
const MAX_PHASES = 40;
/** Far beyond any honest answer here (calls take milliseconds, back-off is capped at 60 ms): a call past it hangs. */
const DEADLINE_MS = 10_000;
const SLOW_EXCHANGE_MS = 2_000;
const MIN_OPERATIONS = 300;
/** The last phases run in a storm (faults on over half the calls), so that many calls fail outright and the reports are put to the test. */
const STORM_SCALE = 2.5;

function argument(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a whole number, not "${process.argv[i + 1]}"`);
  return value;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One profile's run: its emulator and client, the model of what each user should be, and the figures. */
interface Run {
  profile: CampaignProfile;
  emulator: Emulator;
  client: MediumOneClient;
  model: Model;
  figures: Figures;
  /** Per login_id, how many of the campaign's creates did create it (a duplicate is a POST beyond these). */
  createsApplied: Map<string, number>;
  counted: Set<ItemOp>;
}

async function runProfile(profile: CampaignProfile, seed: number, target: number): Promise<Figures> {
  const started = Date.now();
  const random = seededRandom(seed);
  const model = new Model(String(seed));
  const emulatorSeed = defaultSeed();
  // The project holds only the campaign's users, so every user on the server at the end is one it planned.
  emulatorSeed.projects[0].users = Array.from({ length: STARTING_USERS }, (_, i) => {
    const state = { loginId: `start-${String(i).padStart(2, '0')}`, password: `Start-pass-${i}`, disabled: random() < 0.3 };
    model.states.set(state.loginId, { exists: true, disabled: state.disabled, password: state.password });
    return state;
  });
  const emulator = await startEmulator({ ...profile.options, seed: emulatorSeed });
  const client = new MediumOneClient({
    baseUrl: emulator.url,
    credentials: () => ADMIN,
    // As the extension's clients do: the role tells a 403 "no such user" from "not permitted".
    role: 'business',
    timeoutMs: 5_000,
    // The extension's four tries; shorter pauses than its 250 ms base so the campaign stays quick.
    retry: { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 60 },
    random: seededRandom(seed + 7),
    // Exchanges that took long: printed with a hang, to tell which call waited and on what.
    logger: {
      call: (e) => {
        if (e.ms > SLOW_EXCHANGE_MS) slowExchanges.push(`${e.method} ${e.path} try ${e.attempt}: ${e.status ?? e.error ?? '?'} after ${e.ms} ms`);
      },
    },
  });
  const slowExchanges: string[] = [];
  const run: Run = { profile, emulator, client, model, figures: new Figures(), createsApplied: new Map(), counted: new Set() };
  try {
    let storm = false;
    for (let phase = 1; run.figures.operationCount < target && phase <= MAX_PHASES; phase++) {
      if (!storm && run.figures.operationCount >= (target * 2) / 3) {
        storm = true;
        emulator.configure({ faults: faultTable(seed + phase, STORM_SCALE) });
      }
      await runPhase(run, planPhase(random, model, SHAPE), `phase ${phase}`);
    }
    for (const [call, fate] of lateCalls) run.figures.findings.push(`past the deadline: ${call}: ${fate}`);
    if (run.figures.asserted.hangs) run.figures.findings.push(...slowExchanges.map((x) => `slow exchange: ${x}`));
    lateCalls.clear();
    judgeFinal(run.figures, emulator, PROJECT, model);
    judgeCalls(run.figures, emulator.calls(), run.createsApplied);
  } finally {
    await emulator.stop();
  }
  run.figures.seconds = (Date.now() - started) / 1000;
  return run.figures;
}

/** The phase's commands all at once, each judged; Retry Failed on what failed, judged; then a list, judged. */
async function runPhase(run: Run, commands: Command[], phase: string): Promise<void> {
  const { profile, emulator, client, figures } = run;
  for (const c of commands) for (const _ of c.items) figures.count(`${c.kind} (${c.mode})`);
  const expiry = profile.expireSessionsAfterMs === undefined ? undefined : setTimeout(() => emulator.expireSessions(), profile.expireSessionsAfterMs);
  const first = await Promise.all(commands.map((c) => execute(client, c, DEADLINE_MS)));
  clearTimeout(expiry);
  await settle(run, commands);
  judge(run, first, phase);

  // Retry Failed on every command that had failures, as the user would click it (faults still on).
  const again = retryCommands(commands, first);
  figures.told.retried += again.reduce((n, c) => n + c.items.length, 0);
  const appliedBefore = new Set(first.flatMap((told) => [...told].filter(([, t]) => isFailure(t) && t.mayHaveBeenApplied).map(([i]) => i.loginId)));
  const second = await Promise.all(again.map((c) => execute(client, c, DEADLINE_MS, { appliedBefore })));
  await settle(run, again);
  judge(run, second, `${phase} retry`);

  figures.count('list (single)');
  const listed = await list(client, DEADLINE_MS);
  if (Array.isArray(listed)) judgeList(figures, emulator, PROJECT, listed, phase);
  else if ('hung' in listed) figures.flag('hangs', `${phase} list: no answer within the deadline`);
  else if (isFailure(listed)) figures.told.failed += 1;
}

/** A 202 create appears `acceptedDelayMs` later: judging before then would call it missing. */
const settle = (run: Run, commands: Command[]) =>
  sleep(run.profile.acceptedDelayMs && commands.some((c) => c.kind === 'create') ? run.profile.acceptedDelayMs + 150 : 0);

function judge(run: Run, results: Map<ItemOp, Told>[], context: string): void {
  for (const told of results) {
    for (const [item, t] of told) {
      // A create that hung may still create its user later: that creation is its own, not a duplicate.
      if (item.kind === 'create' && !run.counted.has(item) && ('hung' in t || holds(run.emulator, PROJECT, item.loginId, item.intended))) {
        run.counted.add(item);
        run.createsApplied.set(item.loginId, (run.createsApplied.get(item.loginId) ?? 0) + 1);
      }
      judgeItem(run.figures, run.emulator, PROJECT, run.model, item, t, context);
    }
  }
}

/** The failed items of each command, as Retry Failed runs them again (reads are not retried: nothing to settle). */
function retryCommands(commands: Command[], results: Map<ItemOp, Told>[]): Command[] {
  return commands
    .map((c, i) => ({ ...c, items: c.items.filter((item) => item.kind !== 'get' && isFailure(results[i].get(item) ?? { missing: true })) }))
    .filter((c) => c.items.length > 0);
}

async function main(): Promise<void> {
  const seed = argument('seed') ?? Math.floor(Math.random() * 1e9);
  const target = argument('operations') ?? OPERATIONS_PER_PROFILE;
  console.log(`Fault campaign, seed ${seed} (repeat with: npm run test:faults -- --seed ${seed}), ${target}+ operations per profile`);
  const started = Date.now();
  const results: [CampaignProfile, Figures][] = [];
  for (const profile of campaignProfiles(seed)) results.push([profile, await runProfile(profile, seed, target)]);
  printTable(results);

  let passed = 0;
  let failed = 0;
  const check = (ok: boolean, what: string) => {
    if (ok) passed++;
    else {
      failed++;
      console.log(`FAIL ${what}`);
    }
  };
  const total = results.reduce((n, [, f]) => n + f.operationCount, 0);
  check(total >= MIN_OPERATIONS, `operations: ${total}, at least ${MIN_OPERATIONS} expected`);
  for (const [profile, f] of results) {
    for (const figure of ASSERTED) check(f.asserted[figure] === 0, `${profile.name}: ${figure} = ${f.asserted[figure]}`);
    for (const line of f.findings.slice(0, 30)) console.log(`  [${profile.name}] ${line}`);
    if (f.findings.length > 30) console.log(`  [${profile.name}] … and ${f.findings.length - 30} more`);
  }
  console.log(`\n${total} operations in ${((Date.now() - started) / 1000).toFixed(1)} s, seed ${seed}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
