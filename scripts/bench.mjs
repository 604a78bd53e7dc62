#!/usr/bin/env node
// `npm run bench`: the bars of SPEC section 6 and issue 12, measured (never asserted by timed tests), each figure from
// this one run. The sections live in scripts/bench/:
//   bundle         dist/extension.js minified (the emulator, the import/export formats and the webview panels are
//                  bundles of their own, loaded on first use)
//   matrix.mjs     1,000 disables: round trip 20/100/300 ms × rate limit none/20/100 per s; the seed's pattern, the
//                  fixed default, the adaptive default and the limit (artifacts/bench.json `adaptiveMatrix`)
//   states.mjs     a login_id-only project of 10,000 users: every state read, against N ÷ rate
//   treeModel.mjs  10,000 and 100,000 users: sort, filter, the first page of row models and the counts (what the
//                  view builds); time and memory growth
//   importCsv.mjs  Import of a 10,000-row CSV: parse and validate, peak memory
//   editor.mjs     in code-server: activation, and a 10,000-user project's first rows after opening the view
//   faults.mjs     disables and creates under 20 % injected faults: nothing unreported, no duplicate create
// Prints the table and one "meets / MISSES" line per target; writes artifacts/bench.json and artifacts/bench.md,
// and, on a full run, media/bench-matrix.svg (the README's chart, shown as the PNG scripts/render-pngs.mjs draws of it).
//
//   npm run bench [-- --quick] [-- --only matrix,states,tree,import,editor,faults]
// --quick: fewer users and operations (the figures are then not the targets' sizes). EDITOR_LOCK=<file>: start
// code-server under `flock <file>` (machines shared by several runs); without it the editor part just runs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { adaptiveSetup, fixedSetup } from './bench/concurrency.mjs';
import { matrixChart } from './bench/chart.mjs';
import { editorTargets, packageVsix, runEditorBench } from './bench/editor.mjs';
import { faultTargets, measureFaults } from './bench/faults.mjs';
import { importTargets } from './bench/importCsv.mjs';
import { runIsolated } from './bench/isolated.mjs';
import { root } from './bench/load.mjs';
import { matrixTargets, measureMatrix } from './bench/matrix.mjs';
import { measureStates, statesTargets } from './bench/states.mjs';
import { markdownReport, textReport } from './bench/table.mjs';
import { treeTargets } from './bench/treeModel.mjs';

const SECTIONS = ['matrix', 'states', 'tree', 'import', 'editor', 'faults'];
const { values: args } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } } });
const only = args.only ? args.only.split(',') : SECTIONS;
const unknown = only.filter((s) => !SECTIONS.includes(s));
if (unknown.length) throw new Error(`--only takes ${SECTIONS.join(', ')} (got ${unknown.join(', ')})`);
const quick = args.quick;
const full = !quick && only.length === SECTIONS.length;
const log = (line) => console.log(`[bench] ${line}`);

const loadAverage = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');
const results = { quick, sections: only, machine: { cpus: os.cpus().length, loadStart: loadAverage() } };
const targets = [];
execFileSync('node', ['esbuild.js', '--production'], { cwd: root, stdio: 'inherit' });
// Read at once: a development build (another terminal, a test runner) writes the same dist/ files unminified.
const kb = (file) => +(statSync(path.join(root, 'dist', file)).size / 1024).toFixed(1);
results.bundleKB = kb('extension.js');
results.emulatorBundleKB = kb('emulator.js');
results.fileFormatsBundleKB = kb('fileFormats.js');
results.panelsBundleKB = kb('panels.js');
results.note = 'dist/extension.js excludes the emulator (dist/emulator.js, loaded only by Start Local Sandbox) the import/export formats (dist/fileFormats.js, loaded only by Import/Export) and the webview panels (dist/panels.js, loaded when Create User, user details or Edit Project first opens)';
targets.push({ name: 'bundle dist/extension.js < 150 KB', ok: results.bundleKB < 150, value: `${results.bundleKB} KB` });
try {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.test.json'], { cwd: root, stdio: 'inherit' });
} catch {
  // tsc still writes out/ (no noEmitOnError): a working tree mid-change can be measured; the report says so.
  results.typeErrors = true;
  log('tsc reported type errors (above); measuring the JavaScript it emitted');
}

const adaptive = adaptiveSetup();
/** What bulk work and state reads run with by default: the adaptive controller once the build has it. */
const byDefault = adaptive.available ? adaptive : fixedSetup;
log(`adaptive controller: ${adaptive.available ? `${adaptive.from}, ceiling ${adaptive.ceiling}` : adaptive.reason}`);

if (only.includes('tree')) {
  results.treeModel = [10_000, quick ? 20_000 : 100_000].map((users) => runIsolated('treeModel.mjs', 'measureTreeModel', { users }));
  targets.push(...treeTargets(results.treeModel));
}
if (only.includes('import')) {
  results.importCsv = runIsolated('importCsv.mjs', 'measureImport', { rows: 10_000 });
  targets.push(...importTargets(results.importCsv));
}
// Under EDITOR_LOCK the editor part may wait while others use code-server: it then runs beside the sections below
// instead of holding them up (their figures share the machine with it; the report says so). Else it runs alone.
const editorRun = only.includes('editor') ? packageVsix().then(() => runEditorBench({ users: 10_000, runs: quick ? 1 : 3, log })) : undefined;
if (editorRun && !process.env.EDITOR_LOCK) await editorRun;
else if (editorRun) results.editorBesideOtherSections = true;
if (only.includes('matrix')) {
  results.adaptiveMatrix = await measureMatrix({ n: quick ? 200 : 1000, adaptive, fixed: fixedSetup, log });
  targets.push(...matrixTargets(results.adaptiveMatrix));
}
if (only.includes('states')) {
  results.loginIdStates = await measureStates({ n: quick ? 2000 : 10_000, setup: byDefault });
  targets.push(...statesTargets(results.loginIdStates));
}
if (only.includes('faults')) {
  Object.assign(results, await measureFaults({ n: quick ? 200 : 1000, setup: byDefault }));
  targets.push(...faultTargets(results));
}

if (editorRun) {
  results.editor = await editorRun;
  targets.push(...editorTargets(results.editor));
}
results.machine.loadEnd = loadAverage();
results.targets = targets;
mkdirSync(path.join(root, 'artifacts'), { recursive: true });
writeFileSync(path.join(root, 'artifacts', 'bench.json'), JSON.stringify(results, null, 2));
writeFileSync(path.join(root, 'artifacts', 'bench.md'), `${markdownReport(results, targets)}\n`);
if (results.adaptiveMatrix) {
  // The README's chart comes from a full run only; other runs leave theirs in artifacts/.
  const chart = full ? path.join(root, 'media', 'bench-matrix.svg') : path.join(root, 'artifacts', 'bench-matrix.svg');
  writeFileSync(chart, matrixChart(results.adaptiveMatrix));
  log(`chart: ${path.relative(root, chart)}${full ? ' (the README shows its PNG: run `node scripts/render-pngs.mjs` and commit media/bench-matrix.png)' : ''}`);
}
console.log(`\n${textReport(results, targets)}`);
