// After the end-to-end run: no password or API key the run used may sit anywhere on disk but SecretStorage.
// Searched: code-server's user-data dir (global and workspace storage, the extension's "Medium One" log, settings),
// each scenario's workspace folder, and each scenario's browser profile (where code-server keeps SecretStorage,
// AES-GCM encrypted: finding plaintext there would mean it was not). Both UTF-8 and UTF-16 forms are looked for,
// since Chromium stores Local Storage strings in either.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The one file allowed to hold passwords: the Local Sandbox's own emulator database. It is the stand-in for the
 * Medium One service's user store, so by design it holds the sandbox users' passwords.
 */
const SANDBOX_DATABASE = path.join('globalStorage', 'mediumone-tools.mediumone-api-users', 'sandbox-state.json');
const MAX_FILE_BYTES = 64 * 1024 * 1024;

function* files(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (e.isFile()) yield p;
  }
}

const mask = (s) => `${s.slice(0, 2)}${'•'.repeat(Math.max(3, s.length - 4))}${s.slice(-2)}`;

/**
 * @param {string[]} dirs
 * @param {Iterable<string>} secrets
 * @returns {{ searched: number, leaks: { file: string, secret: string }[] }}
 */
export function findSecretLeaks(dirs, secrets) {
  const needles = [...new Set(secrets)].filter((s) => s.length >= 6).map((s) => ({ s, utf8: Buffer.from(s, 'utf8'), utf16: Buffer.from(s, 'utf16le') }));
  const leaks = [];
  let searched = 0;
  for (const dir of dirs) {
    for (const file of files(dir)) {
      if (file.endsWith(SANDBOX_DATABASE)) continue;
      let size;
      try {
        size = statSync(file).size;
      } catch {
        continue;
      }
      if (size > MAX_FILE_BYTES) continue;
      let bytes;
      try {
        bytes = readFileSync(file);
      } catch {
        continue; // a socket or a file that vanished mid-walk
      }
      searched += 1;
      for (const n of needles) {
        if (bytes.includes(n.utf8) || bytes.includes(n.utf16)) leaks.push({ file, secret: mask(n.s) });
      }
    }
  }
  return { searched, leaks };
}
