// Figures only a real editor gives: activation inside code-server's (Node, remote) extension host, and the time from
// opening the view to the first rows of a 10,000-user project, through the real-editor harness (scripts/editor,
// test/e2e/pages). Each run is a fresh code-server and browser profile with the packaged .vsix installed and the
// Local Sandbox set to start with the extension, its state file written beforehand with N users (the sandbox is the
// only project, so its row opens by itself and lists them).
//   - activation: the extension's own `activated in … ms` line (src/extension.ts: from the start of activate() to its
//     end), read from its log channel's file, which code-server writes under the user data dir
//     (logs/<time>/exthost<n>/<extension id>/Medium One.log);
//   - rows: from the click on the "Medium One" activity-bar entry (the extension active, the sandbox listening) until
//     a user row is visible.
// Starting code-server is serialised with other users of the machine when EDITOR_LOCK names a lock file: the entry
// (scripts/bench.mjs) then runs this file under `flock EDITOR_LOCK` (see runEditorBench).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { EXTENSION_ID } from '../../test/e2e/harness/extension.mjs';
import { median, round } from './timing.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const VIEW = 'API Users';
const CONTAINER = 'Medium One';
const ACTIVATED = /activated in ([\d.]+) ms/;
const SANDBOX_UP = /Local Sandbox listening on/;
export const VSIX = path.join(repo, '.cache', 'bench', 'ext.vsix');

/** Packages the extension (dist/ must be built) as the .vsix the runs install. */
export async function packageVsix() {
  const { npx, runCommand, vscePackageArgs } = await import('../editor/steps.mjs');
  mkdirSync(path.dirname(VSIX), { recursive: true });
  await runCommand(npx, vscePackageArgs(VSIX));
}

/**
 * Runs this file in a child process (under `flock $EDITOR_LOCK` when set) and returns its result, or
 * `{ skipped: reason }` when the editor cannot run here.
 */
export function runEditorBench({ users, runs, log }) {
  const out = path.join(repo, 'artifacts', 'bench-editor.json');
  rmSync(out, { force: true });
  const args = [fileURLToPath(import.meta.url), '--users', String(users), '--runs', String(runs), '--out', out];
  const lock = process.env.EDITOR_LOCK;
  const [cmd, argv] = lock ? ['flock', [lock, process.execPath, ...args]] : [process.execPath, args];
  if (lock) log(`waiting for the editor lock ${lock} (flock)`);
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, { stdio: 'inherit' });
    child.once('error', (e) => resolve({ skipped: `${cmd} could not run: ${e.message}` }));
    child.once('exit', (code) => {
      if (existsSync(out)) resolve(JSON.parse(readFileSync(out, 'utf8')));
      else resolve({ skipped: `the editor run exited with ${code} and wrote no result` });
    });
  });
}

/** The sandbox's state file: the emulator's default seed with N users in the Local Sandbox. */
async function writeSandboxState(userDataDir, users) {
  const { seedWith, numbered } = await import('./load.mjs');
  const dir = path.join(userDataDir, 'User', 'globalStorage', EXTENSION_ID);
  mkdirSync(dir, { recursive: true });
  const seed = seedWith(numbered('dev', users, (i) => ({ mqttId: `m${i.toString(36).padStart(10, '0')}`, disabled: i % 9 === 0 })));
  writeFileSync(path.join(dir, 'sandbox-state.json'), JSON.stringify(seed));
}

/** The extension's log lines so far (its log channel's file, wherever code-server put it). */
function extensionLog(userDataDir) {
  const files = [];
  const walk = (dir) => {
    for (const e of existsSync(dir) ? readdirSync(dir, { withFileTypes: true }) : []) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'Medium One.log' && p.includes(EXTENSION_ID)) files.push(p);
    }
  };
  walk(path.join(userDataDir, 'logs'));
  return files.map((f) => readFileSync(f, 'utf8')).join('\n');
}

async function waitForLog(userDataDir, pattern, timeoutMs) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const m = pattern.exec(extensionLog(userDataDir));
    if (m) return m;
    if (Date.now() > end) throw new Error(`no "${pattern.source}" in the extension's log within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function oneRun({ users, extensionsDir }) {
  const { startCodeServer } = await import('../editor/codeServer.mjs');
  const { launchBrowser } = await import('../editor/browser.mjs');
  const { Workbench } = await import('../../test/e2e/pages/workbench.mjs');
  const workspace = mkdtempSync(path.join(repo, '.cache', 'bench', 'ws-'));
  const server = await startCodeServer({ extensionsDir, settings: { 'mediumOne.localSandbox.autoStart': true } });
  let browser;
  try {
    await writeSandboxState(server.userDataDir, users);
    browser = await launchBrowser({ viewport: { width: 1280, height: 800 } });
    const workbench = new Workbench(browser.page, { timeoutMs: 60_000 });
    await workbench.open(server.workbenchUrl({ folder: workspace }));
    const activated = await waitForLog(server.userDataDir, ACTIVATED, 60_000);
    await waitForLog(server.userDataDir, SANDBOX_UP, 60_000);
    const entry = workbench.sideBar.activityBarEntry(CONTAINER);
    await entry.waitFor({ state: 'visible', timeout: 30_000 });
    const rows = workbench.tree.rows(VIEW);
    const start = performance.now();
    await entry.click();
    await rows.filter({ hasText: 'Local Sandbox' }).first().waitFor({ state: 'visible', timeout: 60_000 });
    const projectRowMs = performance.now() - start;
    await rows.filter({ hasText: /dev-\d+/ }).first().waitFor({ state: 'visible', timeout: 60_000 });
    const firstRowsMs = performance.now() - start;
    return { activationMs: Number(activated[1]), projectRowMs: Math.round(projectRowMs), firstRowsMs: Math.round(firstRowsMs) };
  } finally {
    await browser?.close();
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
}

export async function measureEditor({ users, runs }) {
  const { provisionEditor } = await import('../provision-editor.mjs');
  const { installExtension } = await import('../editor/codeServer.mjs');
  try {
    await provisionEditor();
  } catch (e) {
    return { skipped: `code-server could not be provisioned here: ${e.message}` };
  }
  if (!existsSync(VSIX)) return { skipped: `${path.relative(repo, VSIX)} is missing` };
  const extRoot = mkdtempSync(path.join(repo, '.cache', 'bench', 'ext-'));
  try {
    const extensionsDir = path.join(extRoot, 'extensions');
    await installExtension({ vsix: VSIX, userDataDir: path.join(extRoot, 'user-data'), extensionsDir });
    const results = [];
    for (let i = 0; i < runs; i++) {
      const r = await oneRun({ users, extensionsDir });
      console.log(`[bench] code-server run ${i + 1}/${runs}: activated in ${r.activationMs} ms; project row after ${r.projectRowMs} ms, first user rows after ${r.firstRowsMs} ms`);
      results.push(r);
    }
    return {
      users,
      runs: results,
      activationMs: round(median(results.map((r) => r.activationMs)), 1),
      projectRowMs: Math.round(median(results.map((r) => r.projectRowMs))),
      firstRowsMs: Math.round(median(results.map((r) => r.firstRowsMs))),
    };
  } finally {
    rmSync(extRoot, { recursive: true, force: true });
  }
}

export const editorTargets = (e) =>
  e.skipped
    ? [{ name: 'code-server figures (activation, 10,000-user rows)', ok: false, value: `not measured: ${e.skipped}` }]
    : [
        { name: 'activation in code-server\'s extension host < 20 ms', ok: e.activationMs < 20, value: `${e.activationMs} ms (median of ${e.runs.length})` },
        { name: `${e.users.toLocaleString('en')}-user project's rows on screen in code-server < 2 s`, ok: e.firstRowsMs < 2000, value: `${e.firstRowsMs} ms (median of ${e.runs.length})` },
      ];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { users: { type: 'string' }, runs: { type: 'string' }, out: { type: 'string' } } });
  const result = await measureEditor({ users: Number(values.users), runs: Number(values.runs) }).catch((e) => ({ skipped: `failed: ${e.stack ?? e}` }));
  writeFileSync(values.out, JSON.stringify(result, null, 2));
  process.exit(0);
}
