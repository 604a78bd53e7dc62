#!/usr/bin/env node
// `npm test`: every suite, in the order that fails fastest. Each step's output streams through; the
// passed/failed counts are read from it (mocha's "N passing / N failing", our runners' "N passed, N failed")
// and summed into one closing line. `--skip-editor` leaves out the code-server suites (quick local loop).
import { spawn } from 'node:child_process';

const skipEditor = process.argv.includes('--skip-editor');
const steps = [
  // The tools some unit tests run for real (mosquitto_pub for the MQTT snippet); a no-op once installed.
  ['provision tools', 'node', ['scripts/provision-tools.mjs']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['build', 'node', ['esbuild.js']],
  ['unit + emulator', 'npm', ['run', '--silent', 'test:unit']],
  // Compiled by the step above; `npm run test:faults` compiles first when run alone.
  ['fault campaign', 'node', ['out/test/faults/campaign.js']],
  ...(skipEditor
    ? []
    : [
        ['provision editor', 'node', ['scripts/provision-editor.mjs']],
        ['extension host (code-server)', 'node', ['scripts/run-exthost-tests.mjs']],
        // The same suites against a server unlike the default one (SPEC section 5): login_id strings, several
        // cookies, 202s, short sessions, 400/403 where the default says 403/404, no Retry-After, HTML errors.
        ['extension host, independent server', 'node', ['scripts/run-exthost-tests.mjs', '--no-build', '--profile', 'independent']],
        ['end-to-end (code-server + Chromium)', 'node', ['scripts/run-e2e.mjs']],
        // Another installed extension, in a real editor, reads the packaged extension's exports (the e2e .vsix).
        ['exports probe (another extension)', 'node', ['test/security/runExportsProbe.mjs', '--vsix', '.cache/e2e/ext.vsix']],
      ]),
];

function run(name, cmd, args) {
  return new Promise((resolve) => {
    const started = Date.now();
    console.log(`\n=== ${name} ===`);
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let text = '';
    const forward = (stream, out) => stream.on('data', (d) => { text += d; out.write(d); });
    forward(child.stdout, process.stdout);
    forward(child.stderr, process.stderr);
    child.on('close', (code) => resolve({ name, code: code ?? 1, ms: Date.now() - started, ...count(text) }));
  });
}

/** Our runners print "N passed, N failed" (possibly after a "[tag] "); mocha alone prints "N passing / N failing". */
function count(text) {
  const sum = (matches, i) => matches.reduce((n, m) => n + Number(m[i]), 0);
  const ours = [...text.matchAll(/^(?:\[[\w-]+\] )?(\d+) passed, (\d+) failed/gm)];
  // The end-to-end runner adds "; N of the passed needed a retry" for scenarios that passed only on a retry.
  const flaky = sum([...text.matchAll(/; (\d+) of the passed needed a retry/g)], 1);
  if (ours.length) return { passed: sum(ours, 1), failed: sum(ours, 2), flaky };
  return { passed: sum([...text.matchAll(/^\s*(\d+) passing\b/gm)], 1), failed: sum([...text.matchAll(/^\s*(\d+) failing\b/gm)], 1) };
}

const results = [];
for (const [name, cmd, args] of steps) {
  const r = await run(name, cmd, args);
  results.push(r);
  if (r.code !== 0) break;
}

console.log('\n=== summary ===');
for (const r of results) {
  const counts = r.passed || r.failed ? `  ${r.passed} passed, ${r.failed} failed${r.flaky ? ` (${r.flaky} flaky: passed on a retry)` : ''}` : '';
  console.log(`${r.code === 0 ? 'ok  ' : 'FAIL'} ${r.name.padEnd(38)} ${(r.ms / 1000).toFixed(1).padStart(6)} s${counts}`);
}
const failedStep = results.find((r) => r.code !== 0);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0) + (failedStep && results.every((r) => !r.failed) ? 1 : 0);
if (failedStep) console.log(`\nStopped at "${failedStep.name}" (exit ${failedStep.code}).`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedStep ? 1 : 0);
