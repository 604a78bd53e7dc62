#!/usr/bin/env node
// Provisions the real editor the e2e and extension-host runners drive: Debian's chromium (+ libkrb5-dev and ripgrep,
// which code-server's native modules need to install) and code-server 4.100.3 in `.cache/code-server/`.
// Idempotent: once done, a marker makes later runs a sub-second no-op. `--force` reinstalls code-server.
// Recipe: /work/shared/notes/code-server-e2e.md. Never downloads a browser.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CODE_SERVER_NODE_MAJOR,
  CODE_SERVER_VERSION,
  chromiumPath,
  codeServerCacheDir,
  codeServerEntry,
  provisionMarker,
} from './editor/paths.mjs';

// fonts-ipafont-gothic: without a Japanese font Chromium draws the Japanese scenario's texts as empty boxes.
const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'ripgrep', 'fonts-ipafont-gothic'];
// @vscode/ripgrep 1.15.11 (a code-server dependency) downloads rg from GitHub unless this file is in its cache.
const RIPGREP_CACHE = path.join(
  process.env.TMPDIR || '/tmp',
  'vscode-ripgrep-cache-1.15.11',
  'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz',
);

class ProvisionError extends Error {}

// The apt list is part of the marker: a package added to it is installed on machines provisioned before.
const markerContent = () => ({ codeServer: CODE_SERVER_VERSION, node: process.versions.node.split('.')[0], arch: process.arch, apt: APT_PACKAGES.join(' ') });

function alreadyProvisioned() {
  if (!existsSync(provisionMarker) || !existsSync(codeServerEntry) || !existsSync(chromiumPath)) return false;
  try {
    const m = JSON.parse(readFileSync(provisionMarker, 'utf8'));
    const want = markerContent();
    return Object.keys(want).every((k) => m[k] === want[k]);
  } catch {
    return false;
  }
}

/**
 * Makes sure chromium and code-server are ready. Throws a ProvisionError with what to do by hand when it cannot.
 * @param {{ force?: boolean, log?: (s: string) => void }} [opts]
 * @returns {Promise<{ didWork: boolean, ms: number }>}
 */
export async function provisionEditor({ force = false, log = (s) => console.log(`[provision] ${s}`) } = {}) {
  const t0 = Date.now();
  if (!force && alreadyProvisioned()) return { didWork: false, ms: Date.now() - t0 };

  checkPlatform();
  ensureAptPackages(log);
  ensureRipgrepCache(log);
  await installCodeServer(log, force);
  await verifyCodeServer(log);
  writeFileSync(provisionMarker, JSON.stringify({ ...markerContent(), at: new Date().toISOString() }, null, 2));
  return { didWork: true, ms: Date.now() - t0 };
}

function checkPlatform() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new ProvisionError(
      `The real-editor harness is set up for linux x64 (this is ${process.platform} ${process.arch}). ` +
        `On a desktop, run the extension-host tests with \`npx vscode-test\` (.vscode-test.mjs) instead.`,
    );
  }
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== CODE_SERVER_NODE_MAJOR) {
    throw new ProvisionError(
      `code-server ${CODE_SERVER_VERSION} needs Node ${CODE_SERVER_NODE_MAJOR} (this is ${process.version}).`,
    );
  }
}

function ensureAptPackages(log) {
  const missing = APT_PACKAGES.filter((p) => !dpkgInstalled(p));
  if (missing.length === 0) {
    log(`apt packages present: ${APT_PACKAGES.join(', ')}`);
    return;
  }
  const hasApt = run('sh', ['-c', 'command -v apt-get'], { quiet: true }).status === 0;
  const isRoot = process.getuid?.() === 0;
  if (!hasApt || !isRoot) {
    throw new ProvisionError(
      `Missing system packages: ${missing.join(', ')}. ` +
        (hasApt
          ? `Install them as root: \`sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}\`, then run this again.`
          : `This is not a Debian/apt system: install Chromium (set CHROMIUM_PATH if it is not ${chromiumPath}), ` +
            `the Kerberos development headers, ripgrep and a Japanese font with your package manager, then run this again.`),
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log(`apt-get update, then installing ${missing.join(', ')}`);
  mustRun('apt-get', ['update', '-qq'], { env, what: 'apt-get update' });
  mustRun('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env, what: `apt-get install ${missing.join(' ')}` });
}

function dpkgInstalled(pkg) {
  const r = run('dpkg-query', ['-W', '-f=${Status}', pkg], { quiet: true });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function ensureRipgrepCache(log) {
  if (existsSync(RIPGREP_CACHE)) return;
  const rg = '/usr/bin/rg';
  if (!existsSync(rg)) throw new ProvisionError(`${rg} is missing: install Debian's ripgrep package.`);
  mkdirSync(path.dirname(RIPGREP_CACHE), { recursive: true });
  const staging = mkdtempSync(path.join(os.tmpdir(), 'rg-cache-'));
  try {
    copyFileSync(rg, path.join(staging, 'rg'));
    mustRun('tar', ['-czf', RIPGREP_CACHE, '-C', staging, 'rg'], { what: 'creating the ripgrep cache tarball' });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  log(`ripgrep cache: ${RIPGREP_CACHE} (Debian's rg)`);
}

// What code-server's postinstall builds. npm 11 skips that postinstall silently (exit 0) unless allowed, and the
// package still looks installed, so these files are the real test of a complete install.
const vscodeModules = path.join(codeServerCacheDir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules');
const POSTINSTALL_OUTPUTS = ['kerberos/build/Release', 'node-pty/build/Release', '@vscode/spdlog/build/Release', '@vscode/ripgrep/bin/rg'];
const missingPostinstallOutputs = () => POSTINSTALL_OUTPUTS.filter((p) => !existsSync(path.join(vscodeModules, p)));

async function installCodeServer(log, force) {
  if (!force && existsSync(codeServerEntry) && missingPostinstallOutputs().length === 0) {
    // Installed by an earlier run that stopped before writing the marker.
    log(`code-server ${CODE_SERVER_VERSION} already in ${path.relative(process.cwd(), codeServerCacheDir)}`);
    return;
  }
  mkdirSync(codeServerCacheDir, { recursive: true });
  rmSync(path.join(codeServerCacheDir, 'node_modules'), { recursive: true, force: true });
  writeFileSync(
    path.join(codeServerCacheDir, 'package.json'),
    JSON.stringify({ name: 'code-server-cache', private: true, description: 'Test harness editor; see scripts/provision-editor.mjs' }, null, 2),
  );
  const logFile = path.join(codeServerCacheDir, 'install.log');
  log(`npm install code-server@${CODE_SERVER_VERSION} into ${path.relative(process.cwd(), codeServerCacheDir)} (log: ${logFile})`);
  const env = {
    ...process.env,
    npm_config_unsafe_perm: 'true', // root install: postinstall.sh refuses to run without it
    npm_config_yes: 'true', // node-pty's install runs `npx node-gyp`
    // npm 11 blocks dependency install scripts unless approved. code-server's postinstall builds its native modules
    // and itself runs `npm install` in lib/vscode and lib/vscode/extensions (their own package.json files, which an
    // `allowScripts` list here cannot reach), so allow them for this one install only, through the environment that
    // those nested npm processes inherit. Scope: this cache folder, pinned code-server version.
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  const r = run('npm', ['install', '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: codeServerCacheDir,
    env,
    quiet: true,
  });
  writeFileSync(logFile, `${r.stdout}\n${r.stderr}`);
  if (r.status !== 0 || !existsSync(codeServerEntry)) {
    const tail = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-40).join('\n');
    throw new ProvisionError(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${r.status}). Last lines:\n${tail}`);
  }
  const absent = missingPostinstallOutputs();
  if (absent.length) {
    throw new ProvisionError(`code-server installed but its postinstall did not build: ${absent.join(', ')}. See ${logFile}.`);
  }
}

async function verifyCodeServer(log) {
  const { startCodeServer } = await import('./editor/codeServer.mjs');
  const t0 = Date.now();
  const server = await startCodeServer();
  try {
    const res = await fetch(`${server.origin}/healthz`);
    if (!res.ok) throw new ProvisionError(`code-server answered /healthz with ${res.status}`);
    const page = await fetch(`${server.origin}/`).then((r) => r.text());
    if (!page.includes('workbench')) throw new ProvisionError('code-server started but did not serve the workbench page');
  } finally {
    await server.stop();
  }
  log(`code-server ${CODE_SERVER_VERSION} starts and serves the workbench (${Date.now() - t0} ms)`);
}

function run(cmd, args, { cwd, env, quiet = false } = {}) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: quiet ? 'pipe' : 'inherit', maxBuffer: 256 * 1024 * 1024 });
  if (r.error && r.error.code === 'ENOENT') return { status: 127, stdout: '', stderr: `${cmd}: not found` };
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Runs quietly; on failure the error carries the command's last lines. */
function mustRun(cmd, args, { what, ...opts }) {
  const r = run(cmd, args, { ...opts, quiet: true });
  if (r.status !== 0) {
    const tail = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-30).join('\n');
    throw new ProvisionError(`${what} failed (exit ${r.status}):\n${tail}`);
  }
}

async function main() {
  const force = process.argv.includes('--force');
  if (force) rmSync(provisionMarker, { force: true });
  try {
    const { didWork, ms } = await provisionEditor({ force });
    console.log(
      didWork
        ? `[provision] editor ready: code-server ${CODE_SERVER_VERSION}, ${chromiumPath} (${(ms / 1000).toFixed(1)} s)`
        : `[provision] already provisioned: code-server ${CODE_SERVER_VERSION}, ${chromiumPath} (${ms} ms)`,
    );
  } catch (e) {
    console.error(`[provision] ${e instanceof ProvisionError ? e.message : e.stack}`);
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
