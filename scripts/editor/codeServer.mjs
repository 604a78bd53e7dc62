// Starts and stops code-server (VS Code 1.100.3 in the browser) with a throwaway profile, for the real-editor tests.
// Loopback only, no auth, port 0; the URL is read from its log. See /work/shared/notes/code-server-e2e.md.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { codeServerEntry, tempRoot } from './paths.mjs';

export const THEMES = { light: 'Default Light Modern', dark: 'Default Dark Modern', hc: 'Default High Contrast' };

/** A clean first start: no welcome page, tips, telemetry, update or gallery checks. */
const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.experimentalOnboarding': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'window.autoDetectColorScheme': false,
};

/** Workspace trust on, with no modal asking about the folder: it opens untrusted (Restricted Mode). */
const RESTRICTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
};

const LISTENING = /HTTP server listening on (https?:\/\/\S+)/;
const OUTPUT_LINES_KEPT = 200;

/**
 * @typedef {object} CodeServer
 * @property {number} port
 * @property {string} origin  `http://localhost:PORT` (a secure origin, so SecretStorage works in the browser)
 * @property {string} root  the throwaway folder holding its user data (and extensions, unless given one)
 * @property {string} userDataDir
 * @property {string} extensionsDir
 * @property {(theme: 'light'|'dark'|'hc') => void} setTheme  rewrites User/settings.json; open workbenches pick it up
 * @property {(absPath: string) => string} remoteUri  `vscode-remote://localhost:PORT/abs/path`
 * @property {(opts: { folder?: string, payload?: [string, string][] }) => string} workbenchUrl
 * @property {() => string} recentOutput  the last lines code-server printed, for failure reports
 * @property {() => Promise<void>} stop
 */

/**
 * @param {object} [opts]
 * @param {'light'|'dark'|'hc'} [opts.theme]
 * @param {Record<string, unknown>} [opts.settings]  extra user settings
 * @param {string} [opts.vsix]  installed into the fresh extensions dir before the server starts
 * @param {string} [opts.extensionsDir]  an extensions dir prepared earlier (see `installExtension`), used as it is and
 *   never deleted: several servers in a row then share one installation
 * @param {(line: string) => void} [opts.log]  every line code-server prints (default: dropped, kept for failures)
 * @param {number} [opts.port]  0 (default) picks a free port; the demo asks for a fixed one
 * @param {number} [opts.startTimeoutMs]
 * @param {boolean} [opts.keep]  keep the profile dirs after stop (debugging)
 * @param {Record<string, string>} [opts.env]  extra environment for code-server and so its extension hosts
 * @param {string} [opts.locale]  the display language (`--locale`, e.g. 'ja'); default: code-server's (English here)
 * @param {boolean} [opts.restricted]  workspace trust on: the folder opens in Restricted Mode (no trust prompt), as
 *   an untrusted repository does; default off (`--disable-workspace-trust`)
 * @returns {Promise<CodeServer>}
 */
export async function startCodeServer(opts = {}) {
  const { theme = 'dark', settings = {}, vsix, log = () => {}, startTimeoutMs = 60_000, keep = false, env: extraEnv = {}, port: requestedPort = 0, locale, restricted = false } = opts;
  const sharedExtensionsDir = opts.extensionsDir;
  if (!existsSync(codeServerEntry)) {
    throw new Error(`code-server is not installed at ${codeServerEntry}: run \`node scripts/provision-editor.mjs\` first.`);
  }
  const root = mkdtempSync(path.join(tempRoot(), 'm1-code-server-'));
  const dirs = {
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: sharedExtensionsDir ?? path.join(root, 'extensions'),
    config: path.join(root, 'config.yaml'),
  };
  mkdirSync(path.join(dirs.userDataDir, 'User'), { recursive: true });
  mkdirSync(dirs.extensionsDir, { recursive: true });
  // An explicit config file, so code-server neither reads nor writes ~/.config/code-server/config.yaml.
  writeFileSync(dirs.config, `bind-addr: 127.0.0.1:${requestedPort}\nauth: none\ncert: false\n`);
  const writeSettings = (t) =>
    writeFileSync(
      path.join(dirs.userDataDir, 'User', 'settings.json'),
      JSON.stringify({ ...BASE_SETTINGS, ...(restricted ? RESTRICTED_SETTINGS : {}), 'workbench.colorTheme': THEMES[t] ?? t, ...settings }, null, 2),
    );
  writeSettings(theme);
  if (locale && !locale.toLowerCase().startsWith('en')) writeLanguagePack(dirs.userDataDir, root, locale);

  const env = { ...isolatedEnv(root), ...extraEnv };
  if (vsix) await installExtension({ vsix, ...dirs, env });

  const child = spawn(
    process.execPath,
    [
      codeServerEntry,
      '--config', dirs.config,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${requestedPort}`,
      '--user-data-dir', dirs.userDataDir,
      '--extensions-dir', dirs.extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      ...(restricted ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      '--ignore-last-opened',
      ...(locale ? ['--locale', locale] : []),
    ],
    // Own process group: stop() kills code-server and every extension host / pty it spawned at once.
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const recent = [];
  let exited = false;
  const exitPromise = new Promise((resolve) => child.once('exit', (code, signal) => { exited = true; resolve({ code, signal }); }));
  const killGroup = (signal) => { try { process.kill(-child.pid, signal); } catch { /* already gone */ } };
  const onProcessExit = () => {
    killGroup('SIGKILL');
    if (!keep) try { rmSync(root, { recursive: true, force: true }); } catch { /* best effort while exiting */ }
  };
  liveServers.add(onProcessExit);

  const listening = new Promise((resolve, reject) => {
    const onLine = (line) => {
      recent.push(line);
      if (recent.length > OUTPUT_LINES_KEPT) recent.shift();
      log(line);
      const m = LISTENING.exec(line);
      if (m) resolve(new URL(m[1]));
    };
    lines(child.stdout, onLine);
    lines(child.stderr, onLine);
    void exitPromise.then(({ code, signal }) =>
      reject(new Error(`code-server exited before listening (code ${code}, signal ${signal}):\n${recent.join('\n')}`)),
    );
  });

  let address;
  try {
    address = await withTimeout(listening, startTimeoutMs, () => `code-server did not report "HTTP server listening on" within ${startTimeoutMs} ms:\n${recent.join('\n')}`);
  } catch (e) {
    killGroup('SIGKILL');
    liveServers.delete(onProcessExit);
    if (!keep) rmSync(root, { recursive: true, force: true });
    throw e;
  }
  const port = Number(address.port);
  const origin = `http://localhost:${port}`;

  let stopping;
  return {
    port,
    origin,
    root,
    userDataDir: dirs.userDataDir,
    extensionsDir: dirs.extensionsDir,
    setTheme: writeSettings,
    remoteUri: (absPath) => `vscode-remote://localhost:${port}${absPath.split(path.sep).map(encodeURIComponent).join('/')}`,
    workbenchUrl: ({ folder, payload } = {}) => {
      const q = new URLSearchParams();
      if (folder) q.set('folder', folder);
      if (payload) q.set('payload', JSON.stringify(payload));
      const s = q.toString();
      return `${origin}/${s ? `?${s}` : ''}`;
    },
    recentOutput: () => recent.join('\n'),
    stop: () => {
      stopping ??= (async () => {
        if (!exited) {
          killGroup('SIGTERM');
          const graceful = await Promise.race([exitPromise.then(() => true), delay(5_000).then(() => false)]);
          if (!graceful) killGroup('SIGKILL');
        }
        // Extension hosts are in the same group; make sure none outlives the server.
        killGroup('SIGKILL');
        liveServers.delete(onProcessExit);
        if (!keep) rmSync(root, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}

// code-server runs in its own process group (so stop() reaches its extension hosts), which also means a Ctrl-C in the
// terminal does not reach it: kill every live server when this process exits or is interrupted.
const liveServers = new Set();
process.on('exit', () => { for (const kill of liveServers) kill(); });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    for (const kill of liveServers) kill();
    process.exit(128 + os.constants.signals[signal]);
  });
}

/**
 * `--locale ja` alone leaves VS Code in English: the server serves a language only when a language pack for it is
 * registered in the user data's languagepacks.json, and the Marketplace's packs cannot be installed offline. Without
 * one the browser's workbench reports 'en', so the extension host's `vscode.env.language` is 'en' too and no
 * extension shows its own translations. This registers an empty pack for the locale (no core translations: VS
 * Code's own texts stay English, each falling back to its built-in message), which is enough for the workbench to
 * run in that language and for every extension to load its package.nls.<locale>.json and bundle.l10n.<locale>.json.
 */
function writeLanguagePack(userDataDir, root, locale) {
  const translations = path.join(root, `language-pack-${locale}`, 'main.i18n.json');
  mkdirSync(path.dirname(translations), { recursive: true });
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const pack = { hash: `m1-e2e-${locale}`, extensions: [{ extensionIdentifier: { id: `m1-e2e.language-pack-${locale}` }, version: '0.0.1' }], translations: { vscode: translations }, label: locale };
  writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify({ [locale]: pack }));
}

/** `code-server --install-extension x.vsix` into the given profile (a folder does not install; a .vsix does). */
export async function installExtension({ vsix, userDataDir, extensionsDir, env = process.env, timeoutMs = 120_000 }) {
  const out = [];
  const child = spawn(
    process.execPath,
    [codeServerEntry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  lines(child.stdout, (l) => out.push(l));
  lines(child.stderr, (l) => out.push(l));
  const done = new Promise((resolve) => child.once('exit', resolve));
  const code = await withTimeout(done, timeoutMs, () => {
    child.kill('SIGKILL');
    return `installing ${vsix} took more than ${timeoutMs} ms`;
  });
  if (code !== 0 || !out.some((l) => /successfully installed/i.test(l))) {
    throw new Error(`code-server --install-extension ${vsix} failed (exit ${code}):\n${out.join('\n')}`);
  }
}

/** The environment minus anything that would make code-server ask for a password or touch the user's real dirs. */
function isolatedEnv(root) {
  const env = { ...process.env, XDG_DATA_HOME: path.join(root, 'xdg-data'), XDG_CONFIG_HOME: path.join(root, 'xdg-config') };
  for (const k of ['PASSWORD', 'HASHED_PASSWORD', 'CODE_SERVER_CONFIG', 'VSCODE_PROXY_URI', 'VSCODE_IPC_HOOK_CLI', 'ELECTRON_RUN_AS_NODE']) delete env[k];
  return env;
}

function lines(stream, onLine) {
  let buf = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    buf += chunk;
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      onLine(buf.slice(0, i).replace(/\r$/, ''));
      buf = buf.slice(i + 1);
    }
  });
  stream.on('end', () => { if (buf) onLine(buf); });
}

/** A timer that never keeps the process alive on its own. */
export const delay = (ms) => new Promise((r) => setTimeout(r, ms).unref());

export function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(typeof message === 'function' ? message() : message)), ms).unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
