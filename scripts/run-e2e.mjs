#!/usr/bin/env node
// End-to-end tests in a real editor: the packaged .vsix installed into code-server, driven through headless Chromium
// by the scenarios in test/e2e/scenarios/*.mjs, against the project's emulator started in this process.
//
//   node scripts/run-e2e.mjs [--theme light|dark|hc|both|all] [--grep <text>] [--no-build] [--verbose] [--keep]
//                            [--vsix <file>] [--emulator <file>] [--timeout-sec 120] [--retries 1] [--readme-shots]
//
// The .vsix is installed once; each scenario (per theme) then gets its own code-server (fresh user data, so fresh
// extension storage and logs, and no extension host left over from the scenario before), a fresh Chromium profile
// (empty SecretStorage and globalState), a fresh workspace folder and a reset emulator. After the last scenario the
// secret-leak check searches all of those folders (test/e2e/secretLeakCheck.mjs); then they are deleted (`--keep`
// leaves them). A scenario that fails is run again from a fresh editor, `--retries` times (default 1): a real
// editor on a loaded 2-CPU machine has timing races no page object can rule out, and a CI run must not go red on
// one. A scenario that passes only on a retry is reported as flaky, with its first failure's step, place and
// screenshot (artifacts/e2e/<theme>/<scenario>/ keeps the failed run; the retry writes to <scenario>-retry1/).
// Screenshots: artifacts/e2e/<theme>/<scenario>/<nn>-<step>.png. `--readme-shots` copies the pictures
// the scenarios mark for the README (light theme) into media/readme when every scenario passed, and stitches the
// main flow's step pictures into media/readme/main-flow.png (scripts/readme-animation.mjs).
import { createRequire } from 'node:module';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { installExtension, startCodeServer } from './editor/codeServer.mjs';
import { launchBrowser } from './editor/browser.mjs';
import { e2eArtifactsDir, e2eCacheDir, repoRoot, tempRoot } from './editor/paths.mjs';
import { npx, runCommand, seconds, step, vscePackageArgs } from './editor/steps.mjs';
import { provisionEditor } from './provision-editor.mjs';
import { checkSecretLeaks } from '../test/e2e/secretLeakCheck.mjs';
import { writeMainFlow } from './readme-animation.mjs';

const TAG = 'e2e';
const SCENARIOS_DIR = path.join(repoRoot, 'test', 'e2e', 'scenarios');
const README_DIR = path.join(repoRoot, 'media', 'readme');
const DEFAULT_VSIX = path.join(e2eCacheDir, 'ext.vsix');
const DEFAULT_EMULATOR = path.join(repoRoot, 'dist', 'emulator.js');
/** The themes a scenario runs in unless it exports its own `themes` (e.g. the webview forms add 'hc'). */
const DEFAULT_THEMES = ['light', 'dark'];
/** Small enough for README pictures as they are, big enough for a side bar, an editor and a notification. */
const VIEWPORT = { width: 1280, height: 800 };

/**
 * Every password and API key the run types or uses, value → what it is. The Local Sandbox's credentials are used by
 * the extension itself (and typed by scenarios); scenarios register the rest with `secret(value, label)`.
 * @type {Map<string, string>}
 */
const usedSecrets = new Map([
  ['Sandbox-admin-1', 'the seeded Business password'],
  ['Sandbox-reg-1', 'the seeded Registration password'],
  ['m1-sandbox-key', 'the seeded project API key'],
]);
/** From the emulator module the run loads (dist/emulator.js unless --emulator). */
let startEmulator;
let profileSettings;

const registerSecret = (value, label = 'a password a scenario used') => {
  if (typeof value === 'string' && value && !usedSecrets.has(value)) usedSecrets.set(value, label);
};

async function main() {
  const { values: args } = parseArgs({
    options: {
      theme: { type: 'string', default: 'all' },
      grep: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      vsix: { type: 'string' },
      emulator: { type: 'string' },
      'timeout-sec': { type: 'string', default: '120' },
      retries: { type: 'string', default: '1' },
      verbose: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      'readme-shots': { type: 'boolean', default: false },
    },
  });
  // `all` (the default): light and dark for every scenario, plus high contrast for the scenarios that ask for it.
  const themes = { light: ['light'], dark: ['dark'], hc: ['hc'], both: ['light', 'dark'], all: ['light', 'dark', 'hc'] }[args.theme];
  if (!themes) throw new Error(`--theme must be light, dark, hc, both or all (got ${args.theme})`);
  const scenarioTimeoutMs = Number(args['timeout-sec']) * 1000;
  const retries = Number(args.retries);
  if (!Number.isInteger(retries) || retries < 0) throw new Error(`--retries must be a whole number (got ${args.retries})`);
  const started = Date.now();

  const scenarios = await loadScenarios(args.grep);
  if (scenarios.length === 0) throw new Error(`no scenario in ${path.relative(repoRoot, SCENARIOS_DIR)} matches ${args.grep ?? '*'}`);

  await step(TAG, 'editor provisioned', () => provisionEditor());
  const vsix = path.resolve(args.vsix ?? DEFAULT_VSIX);
  if (!args.vsix && !args['no-build']) await buildVsix(args.verbose);
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run without --no-build.`);
  const emulatorModule = path.resolve(args.emulator ?? DEFAULT_EMULATOR);
  if (!existsSync(emulatorModule)) throw new Error(`${emulatorModule} is missing: run \`npm run build\` (src/emulator/index.ts).`);

  const cleanups = [];
  const cleanup = async () => {
    while (cleanups.length) await Promise.resolve().then(cleanups.pop()).catch((e) => console.error(`[${TAG}] cleanup: ${e.message}`));
  };
  /** Folders each scenario leaves for the secret-leak check. */
  const leakAreas = [];
  /** README picture name → the light-theme file a scenario marked for it. */
  const readmeShots = new Map();

  // A full run starts from empty screenshot folders, so none is left from a scenario since renamed or removed.
  if (!args.grep) for (const theme of themes) rmSync(path.join(e2eArtifactsDir, theme), { recursive: true, force: true });

  const results = [];
  try {
    ({ startEmulator, profileSettings } = createRequire(import.meta.url)(emulatorModule));
    const emulator = await step(TAG, 'emulator started', () => startEmulator({ host: '127.0.0.1', port: 0 }));
    cleanups.push(() => emulator.stop());
    // One installation shared by every scenario's code-server.
    const extRoot = mkdtempSync(path.join(tempRoot(), 'm1-e2e-ext-'));
    cleanups.push(() => rmSync(extRoot, { recursive: true, force: true }));
    const extensionsDir = path.join(extRoot, 'extensions');
    await step(TAG, `${path.relative(repoRoot, vsix)} installed into code-server`, () =>
      installExtension({ vsix, userDataDir: path.join(extRoot, 'user-data'), extensionsDir }),
    );
    const log = args.verbose ? (l) => console.log(`[code-server] ${l}`) : undefined;

    for (const theme of themes) {
      for (const scenario of scenarios.filter((s) => (s.themes ?? DEFAULT_THEMES).includes(theme))) {
        const options = { scenario, theme, emulator, extensionsDir, log, timeoutMs: scenario.timeoutMs ?? scenarioTimeoutMs };
        const failures = [];
        let run;
        for (let attempt = 0; attempt <= retries; attempt++) {
          if (attempt > 0) console.log(`  ↻ [${theme}] ${scenario.name}: run again from a fresh editor (retry ${attempt} of ${retries})`);
          run = await runScenario({ ...options, attempt });
          // Every run's folders are searched for secrets and cleaned up, the failed ones too.
          leakAreas.push(...run.areas);
          const roots = run.roots;
          cleanups.push(() => { if (!args.keep) for (const d of roots) rmSync(d, { recursive: true, force: true }); });
          if (run.result.ok) break;
          failures.push(run.result);
        }
        if (run.result.ok && failures.length) run.result.flaky = failures;
        results.push(run.result);
        if (run.result.ok && theme === 'light') for (const [name, file] of run.readme) readmeShots.set(name, file);
      }
    }

    // Every scenario is done and every browser and code-server closed (so flushed to disk): search what they left.
    const leak = checkSecretLeaks(leakAreas, usedSecrets);
    console.log(`  ${leak.ok ? '✔' : '✘'} secret-leak check: ${leak.lines[0]}`);
    for (const line of leak.lines.slice(1)) console.log(`    ${line}`);
    results.push({ name: 'secret-leak check', theme: '-', ok: leak.ok, error: leak.error });
    if (args.keep) console.log(`[${TAG}] --keep: the scenarios' folders are left in ${tempRoot()} (m1-e2e-*, m1-chromium-*, m1-code-server-*)`);
  } finally {
    await cleanup();
  }

  const failed = results.filter((r) => !r.ok);
  const flaky = results.filter((r) => r.flaky);
  const report = (heading, r) => {
    console.log(`  ${heading}: ${r.error.split('\n')[0]}`);
    for (const line of [r.where, r.failureShot]) if (line) console.log(`      ${line}`);
  };
  for (const r of flaky) for (const f of r.flaky) report(`⚠ [${r.theme}] ${r.name} passed on a retry (flaky); the failed run`, f);
  for (const r of failed) report(`✘ [${r.theme}] ${r.name}`, r);
  const flakyNote = flaky.length ? `; ${flaky.length} of the passed needed a retry` : '';
  console.log(`[${TAG}] ${results.length - failed.length} passed, ${failed.length} failed (${seconds(Date.now() - started)}${flakyNote})`);
  process.exitCode = failed.length ? 1 : 0;
  // The pictures show the UI, which the scenarios proved: the leak check's verdict does not change them.
  if (args['readme-shots']) copyReadmeShots(readmeShots, results.every((r) => r.ok || r.name === 'secret-leak check'), started);
}

/**
 * The README's pictures come from a run whose scenarios all passed, light theme; so does its animation of the main
 * flow (scripts/readme-animation.mjs), from this run's step pictures only (taken since `started`).
 */
function copyReadmeShots(shots, passed, started) {
  if (!passed) return console.log(`[${TAG}] --readme-shots: not updated (a scenario failed)`);
  console.log(`[${TAG}] --readme-shots: animation ${writeMainFlow({ since: started }).message}`);
  if (shots.size === 0) return console.log(`[${TAG}] --readme-shots: no scenario marked a README picture in this run (light theme)`);
  mkdirSync(README_DIR, { recursive: true });
  for (const [name, file] of shots) copyFileSync(file, path.join(README_DIR, name));
  console.log(`[${TAG}] README screenshots updated in ${path.relative(repoRoot, README_DIR)}: ${[...shots.keys()].join(', ')}`);
}

async function buildVsix(verbose) {
  mkdirSync(e2eCacheDir, { recursive: true });
  await step(TAG, 'node esbuild.js --production', () => runCommand(process.execPath, ['esbuild.js', '--production'], { verbose }));
  // vsce runs `vscode:prepublish` itself as well; --no-dependencies: the bundles already contain them.
  await step(TAG, `vsce package → ${path.relative(repoRoot, DEFAULT_VSIX)}`, () => runCommand(npx, vscePackageArgs(DEFAULT_VSIX), { verbose }));
}

/**
 * Scenario modules: `export default async function (ctx)` (see test/e2e/harness/types.d.ts), optional
 * `export const title`, `export const timeoutMs`, `export const themes` (default: light and dark) and
 * `export const locale` (the editor's display language, e.g. 'ja'; default English) and
 * `export const workspaceSettings = (emulator) => ({ … })` (the workspace folder's .vscode/settings.json, written
 * before code-server starts, e.g. a `mediumOne.projects` definition pointing at the runner's emulator) and
 * `export const restricted = true` (workspace trust on: the folder opens in Restricted Mode, see codeServer.mjs).
 */
async function loadScenarios(grep) {
  const files = readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith('.mjs')).sort();
  const scenarios = [];
  for (const file of files) {
    const name = file.replace(/\.mjs$/, '');
    const mod = await import(pathToFileURL(path.join(SCENARIOS_DIR, file)).href);
    if (typeof mod.default !== 'function') throw new Error(`${file} must export a default async function`);
    const title = mod.title ?? name;
    if (grep && !name.includes(grep) && !title.includes(grep)) continue;
    scenarios.push({ name, title, run: mod.default, timeoutMs: mod.timeoutMs, themes: mod.themes, profile: mod.profile, locale: mod.locale, workspaceSettings: mod.workspaceSettings, restricted: mod.restricted });
  }
  return scenarios;
}

/**
 * One scenario in one theme, from a fresh code-server to its last step.
 * @returns {Promise<{ result: object, areas: import('../test/e2e/secretLeakCheck.mjs').Area[], roots: string[], readme: Map<string, string> }>}
 */
async function runScenario({ scenario, theme, emulator, extensionsDir, log, timeoutMs, attempt = 0 }) {
  const { Workbench } = await import('../test/e2e/pages/workbench.mjs');
  const name = attempt ? `${scenario.name}-retry${attempt}` : scenario.name;
  const label = `${theme}/${name}`;
  const dir = path.join(e2eArtifactsDir, theme, name);
  rmSync(dir, { recursive: true, force: true });
  // A first run also clears the retries' folders an earlier invocation left.
  if (!attempt) for (let n = 1; existsSync(`${dir}-retry${n}`); n++) rmSync(`${dir}-retry${n}`, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rel = (p) => path.relative(repoRoot, p);
  const consoleLines = [];
  // A stable folder name: it shows in the title bar of every screenshot.
  const folderRoot = mkdtempSync(path.join(tempRoot(), 'm1-e2e-'));
  const folder = path.join(folderRoot, 'workspace');
  mkdirSync(folder);
  if (scenario.workspaceSettings) {
    mkdirSync(path.join(folder, '.vscode'));
    writeFileSync(path.join(folder, '.vscode', 'settings.json'), `${JSON.stringify(scenario.workspaceSettings(emulator), null, 2)}\n`);
  }
  const roots = [folderRoot];
  const areas = [{ kind: 'workspace', dir: folder, scenario: label }];
  const readme = new Map();
  const t0 = Date.now();
  let server;
  let browser;
  let shots = 0;
  /** The step running now, so a failure or a timeout names it. */
  let current;
  const result = { name: scenario.name, theme, ok: false };
  console.log(`  ▶ [${theme}] ${scenario.title}`);
  try {
    emulator.reset();
    // A scenario may meet another server: `export const profile = 'independent'` (the emulator's profiles).
    if (scenario.profile) emulator.configure(profileSettings(scenario.profile));
    emulator.clearCalls();
    server = await startCodeServer({ theme, extensionsDir, keep: true, log, locale: scenario.locale, restricted: scenario.restricted });
    roots.push(server.root);
    areas.push({ kind: 'user-data', dir: server.userDataDir, scenario: label });
    browser = await launchBrowser({ colorScheme: theme === 'light' ? 'light' : 'dark', viewport: VIEWPORT, keepProfile: true });
    roots.push(browser.profile);
    areas.push({ kind: 'browser-profile', dir: browser.profile, scenario: label });
    const { page } = browser;
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
    const workbench = new Workbench(page);

    /** `shot(name, { clip, readme })`: the step's picture; `readme` also keeps it (clipped) for media/readme. */
    const shot = async (stepName, opts = {}) => {
      shots += 1;
      const file = path.join(dir, `${String(shots).padStart(2, '0')}-${slug(stepName)}.png`);
      await page.screenshot({ path: file });
      if (opts.readme && theme === 'light') {
        const readmeFile = path.join(dir, `readme-${opts.readme}`);
        await page.screenshot({ path: readmeFile, clip: opts.clip });
        readme.set(opts.readme, readmeFile);
      }
      return file;
    };
    /**
     * `step(name, fn)`: one asserted step; the report lists each, and a failure says which one it was. Each starts
     * with no notification toasts left from the step before (see Notifications.clear in test/e2e/pages/notifications.mjs).
     */
    const stepFn = async (name, fn) => {
      current = name;
      const s0 = Date.now();
      await workbench.notifications.clear();
      await fn();
      current = undefined;
      console.log(`      ✔ ${name} (${seconds(Date.now() - s0)})`);
    };
    const body = async () => {
      current = 'open the workbench';
      await workbench.open(server.workbenchUrl({ folder }));
      await workbench.expectTheme(theme);
      current = undefined;
      await scenario.run({ page, workbench, emulator, shot, step: stepFn, secret: registerSecret, theme, folder, server });
    };
    await withDeadline(body(), timeoutMs, () => `timed out after ${timeoutMs / 1000} s`);
    result.ok = true;
    console.log(`  ✔ [${theme}] ${scenario.title} (${seconds(Date.now() - t0)})`);
  } catch (e) {
    const message = e instanceof Error ? `${e.message}${e.cause instanceof Error ? `\n  cause: ${e.cause.message}` : ''}` : String(e);
    result.error = current ? `step "${current}": ${message}` : message;
    result.where = failureSite(e);
    if (current) console.log(`      ✘ ${current}`);
    if (browser) {
      const failure = path.join(dir, 'failure.png');
      await browser.page.screenshot({ path: failure, timeout: 10_000 }).then(() => { result.failureShot = rel(failure); }, () => {});
    }
    console.log(`  ✘ [${theme}] ${scenario.title} (${seconds(Date.now() - t0)})${current ? `, at step "${current}"` : ''}`);
    console.log(indent(e instanceof Error ? (e.stack ?? e.message) : String(e), 6));
    if (e instanceof Error && e.cause instanceof Error) console.log(indent(`cause: ${e.cause.message}`, 6));
    console.log(`      screenshot: ${result.failureShot ?? '(none: the page was gone)'}`);
    console.log(`      page console: ${rel(path.join(dir, 'console.log'))}`);
  } finally {
    writeFileSync(path.join(dir, 'console.log'), `${consoleLines.join('\n')}\n`);
    // Closed before the leak check reads them: Chromium flushes Local Storage, VS Code its logs and storage.
    await browser?.close();
    await server?.stop();
  }
  return { result, areas, roots, readme };
}

/**
 * Where a failure happened, in one line for the summary (CI keeps only the end of the output): the innermost
 * test/e2e line on the stack (often the page object), the scenario line that led there, and what Playwright was
 * waiting for when it timed out.
 */
function failureSite(e) {
  const errors = [];
  for (let x = e; x instanceof Error && errors.length < 4; x = x.cause) errors.push(x);
  const frames = errors.flatMap((x) => [...(x.stack ?? '').matchAll(/test\/e2e\/([\w./-]+:\d+)/g)].map((m) => m[1]));
  const chain = [...new Set([frames[0], frames.find((f) => f.startsWith('scenarios/'))].filter(Boolean))];
  const waiting = errors.map((x) => x.message.replace(/\u001b\[\d+m/g, '').match(/waiting for (.+)/)?.[1]).find(Boolean);
  return [chain.length && `at ${chain.join(' ← ')}`, waiting && `waiting for ${waiting.trim()}`].filter(Boolean).join(', ') || undefined;
}

function withDeadline(promise, ms, message) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(message())), ms); }),
  ]).finally(() => clearTimeout(timer));
}

const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'step';
const indent = (s, n) => s.split('\n').map((l) => ' '.repeat(n) + l).join('\n');

main().catch((e) => {
  console.error(`[${TAG}] ${e.stack ?? e}`);
  process.exitCode = 1;
});
