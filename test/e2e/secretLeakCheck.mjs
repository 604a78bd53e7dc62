// The secret-leak check, run by scripts/run-e2e.mjs once every scenario has finished: no password or API key the run
// typed or used may sit anywhere on disk except in SecretStorage.
//
// Each scenario leaves three folders behind (the runner keeps them until this check has run):
// - code-server's user-data dir: the extension's global and workspace storage (`User/globalStorage/<ext id>/`,
//   `User/workspaceStorage/*/`), settings, and the logs, among them the "Medium One" output channel's log
//   (`logs/<time>/exthost<n>/<ext id>/Medium One.log`);
// - the workspace folder the scenario opened;
// - the Chromium profile. code-server keeps SecretStorage there, in the page's Local Storage, AES-GCM encrypted:
//   finding a plaintext secret in it would mean it is not encrypted. The rest of the profile (IndexedDB with the
//   workbench's state, Session Storage, session restore) is searched as well.
//
// Every secret is looked for as UTF-8 and as UTF-16LE: Chromium's LevelDB stores Local Storage strings in either.
// Limit: LevelDB's compacted tables (*.ldb) may be Snappy-compressed, so a secret could hide there split across a
// back-reference; a run this short stays in the uncompressed write-ahead *.log files, which are searched as they are.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { EXTENSION_ID } from './harness/extension.mjs';

export { EXTENSION_ID };

/**
 * The one file allowed to hold passwords: the Local Sandbox's own emulator database, relative to a code-server
 * user-data dir. It stands in for the Medium One service's user store, so by design it holds the sandbox users'
 * passwords (the seeded Business and Registration passwords among them). Only this exact path is excluded.
 */
export const SANDBOX_DATABASE = path.join('User', 'globalStorage', EXTENSION_ID, 'sandbox-state.json');

/** The Local Storage key under which code-server keeps SecretStorage (encrypted): its presence shows secrets were stored. */
const SECRET_STORE_KEY = 'secrets.provider';
const SECRET_STORE_FORMS = [Buffer.from(SECRET_STORE_KEY, 'utf8'), Buffer.from(SECRET_STORE_KEY, 'utf16le')];

/** Bigger files are caches (V8 code cache, fonts); they are skipped and counted as such. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Shorter strings ("abc", a refused weak password) would match by chance and are never real secrets here. */
const MIN_SECRET_LENGTH = 6;

/**
 * @typedef {'user-data' | 'workspace' | 'browser-profile'} AreaKind
 * @typedef {{ kind: AreaKind, dir: string, scenario: string }} Area
 * @typedef {{ file: string, area: Area, secret: string, label: string }} Leak  `file` relative to its area's folder
 */

/** Shows enough of a secret to tell which one it is, never the whole of it. */
export const mask = (s) => (s.length <= 8 ? `${s[0]}${'•'.repeat(s.length - 1)}` : `${s.slice(0, 2)}${'•'.repeat(s.length - 4)}${s.slice(-2)}`);

function* walk(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile()) yield p;
  }
}

/** Which part of an area a file belongs to, for the report ("what was searched"). */
function partOf(area, rel) {
  const parts = rel.split(path.sep);
  if (area.kind === 'user-data') {
    if (parts[0] === 'logs') return parts.includes(EXTENSION_ID) ? 'extension log' : 'other log';
    if (parts[0] === 'User' && parts[1] === 'globalStorage') return 'globalStorage';
    if (parts[0] === 'User' && parts[1] === 'workspaceStorage') return 'workspaceStorage';
    return 'other user data';
  }
  if (area.kind === 'browser-profile') {
    if (parts.includes('Local Storage')) return 'Local Storage (SecretStorage)';
    if (parts.includes('IndexedDB')) return 'IndexedDB';
    return 'other profile files';
  }
  return 'workspace';
}

/**
 * Searches every file of every area for every secret.
 * @param {Area[]} areas
 * @param {Map<string, string>} secrets  secret value → what it is (for the report; the value itself is only masked)
 */
export function findSecretLeaks(areas, secrets) {
  const needles = [...secrets]
    .filter(([value]) => value.length >= MIN_SECRET_LENGTH)
    .map(([value, label]) => ({ value, label, forms: [Buffer.from(value, 'utf8'), Buffer.from(value, 'utf16le')] }));
  /** @type {Leak[]} */
  const leaks = [];
  /** @type {Map<string, number>} */
  const counts = new Map();
  const excluded = [];
  let skippedLarge = 0;
  let extensionLogBytes = 0;
  /** Browser profiles whose Local Storage holds code-server's SecretStorage entry (searched, and free of plaintext). */
  const secretStores = new Set();
  for (const area of areas) {
    for (const file of walk(area.dir)) {
      const rel = path.relative(area.dir, file);
      const isSandboxDb = area.kind === 'user-data' && rel === SANDBOX_DATABASE;
      let bytes;
      try {
        if (statSync(file).size > MAX_FILE_BYTES) {
          skippedLarge += 1;
          continue;
        }
        bytes = readFileSync(file);
      } catch {
        continue; // a socket or lock file that vanished mid-walk
      }
      const found = needles.filter((n) => n.forms.some((f) => bytes.includes(f)));
      if (isSandboxDb) {
        // Not a leak by design (see SANDBOX_DATABASE), but reported: it proves the search finds plaintext.
        excluded.push({ file, area, holds: found.map((n) => n.label) });
        continue;
      }
      const part = partOf(area, rel);
      counts.set(part, (counts.get(part) ?? 0) + 1);
      if (part === 'extension log') extensionLogBytes += bytes.length;
      if (part === 'Local Storage (SecretStorage)' && SECRET_STORE_FORMS.some((f) => bytes.includes(f))) secretStores.add(area.dir);
      for (const n of found) leaks.push({ file: rel, area, secret: mask(n.value), label: n.label });
    }
  }
  return { leaks, counts, excluded, skippedLarge, extensionLogBytes, secretStores: secretStores.size, secretsSearched: needles.length };
}

/**
 * The check as the runner reports it: searched counts, leaks (file + which secret, masked), and a failure when the
 * search could not have found anything (no extension log or no Local Storage searched: a vacuous pass).
 * @param {Area[]} areas
 * @param {Map<string, string>} secrets
 * @returns {{ ok: boolean, lines: string[], error?: string }}
 */
export function checkSecretLeaks(areas, secrets) {
  const r = findSecretLeaks(areas, secrets);
  const total = [...r.counts.values()].reduce((a, b) => a + b, 0);
  const lines = [
    `${r.secretsSearched} secrets (passwords and API keys typed or used), ${total} files in ${areas.length} folders from ` +
      `${new Set(areas.map((a) => a.scenario)).size} scenario runs:`,
    `  ${[...r.counts].sort().map(([part, n]) => `${part}: ${n}`).join(', ')}${r.skippedLarge ? `, skipped over 64 MB: ${r.skippedLarge}` : ''}`,
  ];
  const profiles = areas.filter((a) => a.kind === 'browser-profile').length;
  lines.push(`  SecretStorage (encrypted) found in the Local Storage of ${r.secretStores} of ${profiles} browser profiles, searched like the rest`);
  for (const x of r.excluded) {
    lines.push(`  excluded by design: ${SANDBOX_DATABASE} [${x.area.scenario}] (the Local Sandbox's emulator database; holds ${x.holds.length ? x.holds.join(', ') : 'none of them'})`);
  }
  const problems = [];
  for (const l of r.leaks) {
    lines.push(`  LEAK: ${l.label} (${l.secret}) in the ${l.area.kind} ${l.file} [${l.area.scenario}]`);
  }
  if (r.leaks.length) problems.push(`${r.leaks.length} secret occurrence(s) on disk outside SecretStorage`);
  if (!r.counts.get('extension log') || r.extensionLogBytes === 0) problems.push('no "Medium One" log was searched: the check would prove nothing');
  if (!r.counts.get('Local Storage (SecretStorage)')) problems.push("no browser Local Storage was searched: SecretStorage's encryption went unchecked");
  return { ok: problems.length === 0, lines, error: problems.length ? problems.join('; ') : undefined };
}
