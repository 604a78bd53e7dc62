#!/usr/bin/env node
// Runs the extension-host mocha suites (out/test/suite/index.js) inside code-server's real Node extension host,
// the way VS Code's browser integration runner does: the workbench URL's `payload` names the extension under
// development (this repo) and the tests entry; the page calls `codeAutomationExit(code)` when `run()` settles.
//
//   node scripts/run-exthost-tests.mjs [--no-build] [--grep <text>] [--profile <names>] [--timeout-min 10] [--verbose]
//
// `--profile independent` (any names `npm run emulator -- --profile` takes) makes every emulator the suites start
// answer that way: the suites prove the extension on more than one server (SPEC section 5). The tag in the output
// becomes `exthost:<profile>`.
// Builds first (`npm run build` + `npm run compile-tests`) unless --no-build. `--extension-root <dir>` runs another
// extension folder (with its own dist/ and out/test/suite/), which is how the harness itself is checked.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { format, parseArgs } from 'node:util';
import { startCodeServer } from './editor/codeServer.mjs';
import { launchBrowser, openWorkbench } from './editor/browser.mjs';
import { repoRoot, tempRoot } from './editor/paths.mjs';
import { npm, runCommand, seconds, step } from './editor/steps.mjs';
import { provisionEditor } from './provision-editor.mjs';

let TAG = 'exthost';

// Console lines of the offline workbench that say nothing about the tests.
const NOISE = [
  /ENOTFOUND|ERR_NAME_NOT_RESOLVED|net::ERR_/,
  /marketplace|gallery|extensionGallery|open-vsx/i,
  /\[Violation\]/,
  /Failed to load resource/,
  /The web worker extension host is started/i,
  /Ignoring the error while validating workspace folder/i,
  /^(Resolving|Resolved) connection token|^Creating a socket|^Updating additional builtin extensions cache/,
  /^\[Service Worker\]|allow-scripts and allow-same-origin/,
  /ChatSessionStore|copilot-instructions/,
];

async function main() {
  const { values: args } = parseArgs({
    options: {
      'no-build': { type: 'boolean', default: false },
      grep: { type: 'string' },
      profile: { type: 'string' },
      'timeout-min': { type: 'string', default: '10' },
      verbose: { type: 'boolean', default: false },
      'extension-root': { type: 'string' },
    },
  });
  if (args.profile) TAG = `exthost:${args.profile}`;
  const extensionRoot = path.resolve(args['extension-root'] ?? repoRoot);
  const testsEntry = path.join(extensionRoot, 'out', 'test', 'suite', 'index.js');
  const extensionMain = path.join(extensionRoot, 'dist', 'extension.js');
  const timeoutMs = Number(args['timeout-min']) * 60_000;
  const started = Date.now();

  await step(TAG, 'editor provisioned', () => provisionEditor());
  if (!args['no-build'] && extensionRoot === repoRoot) {
    await step(TAG, 'npm run build', () => runCommand(npm, ['run', 'build'], { verbose: args.verbose }));
    await step(TAG, 'npm run compile-tests', () => runCommand(npm, ['run', 'compile-tests'], { verbose: args.verbose }));
  }
  for (const f of [extensionMain, testsEntry]) {
    if (!existsSync(f)) throw new Error(`${f} is missing: run \`npm run build\` and \`npm run compile-tests\`.`);
  }

  const workspace = mkdtempSync(path.join(tempRoot(), 'm1-exthost-ws-'));
  const cleanups = [() => rmSync(workspace, { recursive: true, force: true })];
  let exitCode = 1;
  try {
    const server = await step(TAG, 'code-server started', () =>
      startCodeServer({
        env: { ...(args.grep ? { MOCHA_GREP: args.grep } : {}), ...(args.profile ? { M1_EMULATOR_PROFILE: args.profile } : {}) },
        // The extension host's own stdout/stderr lands in code-server's log; show it with --verbose.
        log: args.verbose ? (l) => console.log(`[code-server] ${l}`) : undefined,
      }),
    );
    cleanups.unshift(() => server.stop());
    const browser = await step(TAG, 'chromium launched', () => launchBrowser());
    cleanups.unshift(() => browser.close());
    const { page } = browser;

    let report;
    const reported = new Promise((resolve) => { report = resolve; });
    // Must be registered before navigation: the workbench looks it up when the tests settle.
    await page.exposeFunction('codeAutomationExit', (code) => report(Number(code)));
    // Extension-host output reaches the page console as format strings (`%c INFO %s%s`, css, args…).
    let printing = Promise.resolve();
    page.on('console', (msg) => {
      printing = printing.then(async () => {
        const text = await formatConsoleMessage(msg);
        if (!args.verbose && NOISE.some((re) => re.test(text))) return;
        console.log(text);
      });
    });
    page.on('pageerror', (err) => console.log(`[page error] ${err.message}`));
    page.on('crash', () => report(-2));

    const url = server.workbenchUrl({
      folder: workspace,
      payload: [
        ['extensionDevelopmentPath', server.remoteUri(extensionRoot)],
        ['extensionTestsPath', server.remoteUri(testsEntry)],
      ],
    });
    await step(TAG, 'workbench loaded, running tests in the extension host', () => openWorkbench(page, url));

    const timeout = new Promise((resolve) => setTimeout(() => resolve(-1), timeoutMs).unref());
    exitCode = await Promise.race([reported, timeout]);
    await printing;
    if (exitCode === -1) {
      console.error(`[${TAG}] FAILED: no result after ${args['timeout-min']} min (codeAutomationExit never called).`);
      console.error(`[${TAG}] last code-server output:\n${server.recentOutput()}`);
      exitCode = 1;
    } else if (exitCode === -2) {
      console.error(`[${TAG}] FAILED: the browser page crashed.`);
      exitCode = 1;
    }
  } finally {
    for (const c of cleanups) await Promise.resolve().then(c).catch((e) => console.error(`[${TAG}] cleanup: ${e.message}`));
  }
  console.log(`[${TAG}] ${exitCode === 0 ? 'passed' : `FAILED (exit ${exitCode})`} in ${seconds(Date.now() - started)}`);
  process.exitCode = exitCode;
}

/** util.format over the message's arguments, without the remote log's `%c INFO` styling. */
async function formatConsoleMessage(msg) {
  let text;
  try {
    let values = await Promise.all(msg.args().map((a) => a.jsonValue().catch(() => String(a))));
    let level = '';
    // The remote log prefixes the original arguments with ('%c LEVEL', css): the rest is a console.log call of its own.
    if (typeof values[0] === 'string' && values[0].startsWith('%c') && values.length >= 2) {
      level = values[0].slice(2).trim();
      values = values.slice(2);
    }
    text = values.length ? format(...values) : msg.text();
    if (level && level !== 'INFO') text = `${level} ${text}`;
  } catch {
    text = msg.text(); // the page navigated or closed meanwhile
  }
  return text;
}

main().catch((e) => {
  console.error(`[${TAG}] ${e.stack ?? e}`);
  process.exitCode = 1;
});
