#!/usr/bin/env node
// End-to-end tests in a real editor: the packaged .vsix installed into code-server, driven through headless Chromium
// by the scenarios in test/e2e/scenarios/*.mjs, against the project's emulator started in this process.
//
//   node scripts/run-e2e.mjs [--theme light|dark|both] [--grep <text>] [--no-build] [--verbose]
//                            [--vsix <file>] [--emulator <file>] [--timeout-sec 120]
//
// One code-server for the whole run; each scenario gets a fresh browser profile (empty SecretStorage and globalState),
// a fresh workspace folder and a reset emulator. Screenshots: artifacts/e2e/<theme>/<scenario>/<nn-step>.png.
import { createRequire } from 'node:module';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startCodeServer } from './editor/codeServer.mjs';
import { launchBrowser } from './editor/browser.mjs';
import { e2eArtifactsDir, e2eCacheDir, repoRoot, tempRoot } from './editor/paths.mjs';
import { npx, runCommand, seconds, step, vscePackageArgs } from './editor/steps.mjs';
import { provisionEditor } from './provision-editor.mjs';
import { findSecretLeaks } from '../test/e2e/secretLeakCheck.mjs';

const TAG = 'e2e';
/** Every password and API key the scenarios type; scenarios add the ones they generate with `secret(value)`. */
const usedSecrets = new Set(['Sandbox-admin-1', 'Sandbox-reg-1', 'm1-sandbox-key', 'Wrong-pass-9', 'Fresh-pass-77']);
const SCENARIOS_DIR = path.join(repoRoot, 'test', 'e2e', 'scenarios');
const DEFAULT_VSIX = path.join(e2eCacheDir, 'ext.vsix');
const DEFAULT_EMULATOR = path.join(repoRoot, 'dist', 'emulator.js');

async function main() {
  const { values: args } = parseArgs({
    options: {
      theme: { type: 'string', default: 'both' },
      grep: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      vsix: { type: 'string' },
      emulator: { type: 'string' },
      'timeout-sec': { type: 'string', default: '120' },
      verbose: { type: 'boolean', default: false },
      'readme-shots': { type: 'boolean', default: false },
    },
  });
  const themes = { light: ['light'], dark: ['dark'], both: ['light', 'dark'] }[args.theme];
  if (!themes) throw new Error(`--theme must be light, dark or both (got ${args.theme})`);
  const scenarioTimeoutMs = Number(args['timeout-sec']) * 1000;
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

  const results = [];
  try {
    const { startEmulator } = createRequire(import.meta.url)(emulatorModule);
    const emulator = await step(TAG, 'emulator started', () => startEmulator({ host: '127.0.0.1', port: 0 }));
    cleanups.push(() => emulator.stop());
    const server = await step(TAG, 'code-server started with the .vsix installed', () =>
      startCodeServer({ theme: themes[0], vsix, log: args.verbose ? (l) => console.log(`[code-server] ${l}`) : undefined }),
    );
    cleanups.push(() => server.stop());

    for (const theme of themes) {
      server.setTheme(theme);
      for (const scenario of scenarios) {
        results.push(await runScenario({ scenario, theme, server, emulator, timeoutMs: scenario.timeoutMs ?? scenarioTimeoutMs }));
      }
    }
    results.push(checkSecrets([server.userDataDir]));
  } finally {
    await cleanup();
  }

  const failed = results.filter((r) => !r.ok);
  for (const r of failed) console.log(`  ✘ [${r.theme}] ${r.name}: ${r.error.split('\n')[0]}\n      ${r.failureShot ?? ''}`);
  console.log(`[${TAG}] ${results.length - failed.length} passed, ${failed.length} failed (${seconds(Date.now() - started)})`);
  process.exitCode = failed.length ? 1 : 0;
  if (args['readme-shots'] && !failed.length) copyReadmeShots();
}

/** The README's pictures come from a passing run, light theme: `--readme-shots` refreshes them. */
function copyReadmeShots() {
  const shots = {
    'tree.png': '01-first-slice/02-sandbox-users.png',
    'create-user.png': '02-project-and-users/02-weak-password-refused.png',
    'details.png': '02-project-and-users/04-details-view.png',
  };
  const target = path.join(repoRoot, 'media', 'readme');
  mkdirSync(target, { recursive: true });
  for (const [name, from] of Object.entries(shots)) {
    copyFileSync(path.join(e2eArtifactsDir, 'light', from), path.join(target, name));
  }
  console.log(`[${TAG}] README screenshots updated in ${path.relative(repoRoot, target)}`);
}

/** The end-of-run search of code-server's user data (global/workspace storage, logs) for any secret used. */
function checkSecrets(dirs) {
  const { searched, leaks } = findSecretLeaks(dirs, usedSecrets);
  const ok = leaks.length === 0;
  console.log(`  ${ok ? '✔' : '✘'} no secret outside SecretStorage: ${usedSecrets.size} secrets, ${searched} files searched in code-server's user data`);
  for (const l of leaks) console.log(`      ${l.secret} found in ${l.file}`);
  return { name: 'secret-leak check', theme: '-', ok, error: ok ? undefined : `${leaks.length} secret(s) found on disk` };
}

async function buildVsix(verbose) {
  mkdirSync(e2eCacheDir, { recursive: true });
  await step(TAG, 'node esbuild.js --production', () => runCommand(process.execPath, ['esbuild.js', '--production'], { verbose }));
  // vsce runs `vscode:prepublish` itself as well; --no-dependencies: the bundles already contain them.
  await step(TAG, `vsce package → ${path.relative(repoRoot, DEFAULT_VSIX)}`, () =>
    runCommand(
      npx,
      vscePackageArgs(DEFAULT_VSIX),
      { verbose },
    ),
  );
}

/** Scenario modules: `export default async function ({ page, workbench, emulator, shot, theme, folder })`,
 *  optional `export const title` and `export const timeoutMs`. */
async function loadScenarios(grep) {
  const files = readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith('.mjs')).sort();
  const scenarios = [];
  for (const file of files) {
    const name = file.replace(/\.mjs$/, '');
    const mod = await import(pathToFileURL(path.join(SCENARIOS_DIR, file)).href);
    if (typeof mod.default !== 'function') throw new Error(`${file} must export a default async function`);
    const title = mod.title ?? name;
    if (grep && !name.includes(grep) && !title.includes(grep)) continue;
    scenarios.push({ name, title, run: mod.default, timeoutMs: mod.timeoutMs });
  }
  return scenarios;
}

async function runScenario({ scenario, theme, server, emulator, timeoutMs }) {
  const { Workbench } = await import('../test/e2e/pages/workbench.mjs');
  const dir = path.join(e2eArtifactsDir, theme, scenario.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rel = (p) => path.relative(repoRoot, p);
  const consoleLines = [];
  // A stable folder name: it shows in the title bar of every screenshot.
  const folderRoot = mkdtempSync(path.join(tempRoot(), 'm1-e2e-'));
  const folder = path.join(folderRoot, 'workspace');
  mkdirSync(folder);
  const t0 = Date.now();
  let browser;
  let shots = 0;
  const result = { name: scenario.name, theme, ok: false };
  try {
    emulator.reset();
    emulator.clearCalls();
    browser = await launchBrowser({ colorScheme: theme });
    const { page } = browser;
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
    const workbench = new Workbench(page);
    const shot = async (stepName) => {
      shots += 1;
      const file = path.join(dir, `${String(shots).padStart(2, '0')}-${slug(stepName)}.png`);
      await page.screenshot({ path: file });
      return file;
    };
    const body = async () => {
      await workbench.open(server.workbenchUrl({ folder }));
      await workbench.expectTheme(theme);
      await scenario.run({ page, workbench, emulator, shot, theme, folder, server, secret: (v) => usedSecrets.add(v) });
    };
    await withDeadline(body(), timeoutMs, `timed out after ${timeoutMs / 1000} s`);
    // The workspace and the browser profile go away with the scenario: search them now.
    const { leaks } = findSecretLeaks([folder, browser.profile], usedSecrets);
    if (leaks.length) throw new Error(`secrets on disk: ${leaks.map((l) => `${l.secret} in ${l.file}`).join('; ')}`);
    result.ok = true;
    console.log(`  ✔ [${theme}] ${scenario.title} (${seconds(Date.now() - t0)})`);
  } catch (e) {
    result.error = e instanceof Error ? `${e.message}${e.cause instanceof Error ? `\n  cause: ${e.cause.message}` : ''}` : String(e);
    if (browser) {
      const failure = path.join(dir, 'failure.png');
      await browser.page.screenshot({ path: failure, timeout: 10_000 }).then(() => { result.failureShot = rel(failure); }, () => {});
    }
    console.log(`  ✘ [${theme}] ${scenario.title} (${seconds(Date.now() - t0)})`);
    console.log(indent(e instanceof Error ? (e.stack ?? e.message) : String(e), 6));
    if (e instanceof Error && e.cause instanceof Error) console.log(indent(`cause: ${e.cause.message}`, 6));
    console.log(`      screenshot: ${result.failureShot ?? '(none: the page was gone)'}`);
    console.log(`      page console: ${rel(path.join(dir, 'console.log'))}`);
  } finally {
    writeFileSync(path.join(dir, 'console.log'), `${consoleLines.join('\n')}\n`);
    await browser?.close();
    rmSync(folderRoot, { recursive: true, force: true });
  }
  return result;
}

function withDeadline(promise, ms, message) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'step';
const indent = (s, n) => s.split('\n').map((l) => ' '.repeat(n) + l).join('\n');

main().catch((e) => {
  console.error(`[${TAG}] ${e.stack ?? e}`);
  process.exitCode = 1;
});
