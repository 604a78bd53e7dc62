#!/usr/bin/env node
// The exports of the packaged extension, as another installed extension sees them in a real editor.
//
//   flock /tmp/coord/editor.lock node test/security/runExportsProbe.mjs [--vsix .cache/e2e/ext.vsix] [--no-build]
//
// Installs the .vsix (Production mode, as users run it) and the probe extension in ./exportsProbe into code-server,
// opens the workbench so an extension host starts, and reads what the probe wrote: the exports must be an empty
// frozen object, with nothing reachable (no services, project store, clients, redactor or secrets).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { installExtension, startCodeServer, delay } from '../../scripts/editor/codeServer.mjs';
import { launchBrowser, openWorkbench } from '../../scripts/editor/browser.mjs';
import { repoRoot, tempRoot } from '../../scripts/editor/paths.mjs';
import { npx, runCommand, step, vscePackageArgs } from '../../scripts/editor/steps.mjs';
import { provisionEditor } from '../../scripts/provision-editor.mjs';

const TAG = 'exports-probe';
const here = path.dirname(fileURLToPath(import.meta.url));

async function main() {
  const { values: args } = parseArgs({ options: { vsix: { type: 'string' }, 'no-build': { type: 'boolean', default: false } } });
  const work = mkdtempSync(path.join(tempRoot(), 'm1-exports-probe-'));
  const cleanups = [() => rmSync(work, { recursive: true, force: true })];
  try {
    await step(TAG, 'editor provisioned', () => provisionEditor());
    const vsix = path.resolve(args.vsix ?? path.join(work, 'ext.vsix'));
    if (!args.vsix) await step(TAG, 'the extension packaged', () => runCommand(npx, vscePackageArgs(vsix)));
    assert.ok(existsSync(vsix), `${vsix} is missing`);
    const probeVsix = path.join(work, 'probe.vsix');
    await step(TAG, 'the probe packaged', () => packageProbe(probeVsix));

    const dirs = { userDataDir: path.join(work, 'user-data'), extensionsDir: path.join(work, 'extensions') };
    mkdirSync(dirs.userDataDir, { recursive: true });
    mkdirSync(dirs.extensionsDir, { recursive: true });
    await step(TAG, 'both installed', async () => {
      await installExtension({ vsix, ...dirs });
      await installExtension({ vsix: probeVsix, ...dirs });
    });
    const out = path.join(work, 'probe.json');
    const server = await step(TAG, 'code-server started', () => startCodeServer({ extensionsDir: dirs.extensionsDir, env: { EXPORTS_PROBE_OUT: out } }));
    cleanups.unshift(() => server.stop());
    const browser = await step(TAG, 'chromium launched', () => launchBrowser());
    cleanups.unshift(() => browser.close());
    const folder = path.join(work, 'ws');
    mkdirSync(folder);
    await step(TAG, 'workbench loaded', () => openWorkbench(browser.page, server.workbenchUrl({ folder })));
    const deadline = Date.now() + 60_000;
    while (!existsSync(out) && Date.now() < deadline) await delay(250);
    assert.ok(existsSync(out), `the probe wrote nothing in 60 s:\n${server.recentOutput()}`);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    console.log(`[${TAG}] the probe saw: ${JSON.stringify(report)}`);
    assert.equal(report.error, undefined, report.error);
    assert.equal(report.found, true, 'the probe found the extension');
    assert.deepEqual([report.type, report.frozen, report.reachable, report.getSecrets], ['object', true, [], false]);
    console.log(`[${TAG}] passed: in Production mode another extension reaches nothing through the exports`);
    console.log(`[${TAG}] 1 passed, 0 failed`);
  } finally {
    for (const c of cleanups) await Promise.resolve().then(c).catch((e) => console.error(`[${TAG}] cleanup: ${e.message}`));
  }
}

/** vsce from the repo's node_modules, run in the probe's folder (runCommand always runs in the repo root). */
function packageProbe(out) {
  const vsce = path.join(repoRoot, 'node_modules', '.bin', 'vsce');
  execFileSync(vsce, ['package', '--allow-missing-repository', '--out', out], { cwd: path.join(here, 'exportsProbe'), stdio: 'pipe' });
}

main().catch((e) => {
  console.error(`[${TAG}] FAILED: ${e.stack ?? e}`);
  console.log(`[${TAG}] 0 passed, 1 failed`);
  process.exitCode = 1;
});
