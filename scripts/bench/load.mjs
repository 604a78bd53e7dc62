// Where the bench finds the extension's compiled code (out/, from `tsc -p tsconfig.test.json`). One place, so a module
// that moves in src/ changes one line here. The bench drives the same classes the extension runs, minus VS Code.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const out = (rel) => path.join(root, 'out', 'src', rel);

/** A compiled module of the extension. */
export const load = (rel) => require(out(rel));

/** The first of several places a module may live in (while it moves), or undefined when none exists yet. */
export function loadFirst(...rels) {
  const found = rels.find((rel) => existsSync(out(rel)));
  return found ? { module: load(found), from: `out/src/${found}` } : undefined;
}

/**
 * A module that moved from src/tree to src/users (issue 12 reshaped the users model): the new place first, since
 * an old out/ may still hold a stale copy at the old one.
 */
export const loadUsersModule = (name) => (loadFirst(`users/${name}.js`, `tree/${name}.js`) ?? { module: load(`users/${name}.js`) }).module;

/** The Local Sandbox seed's Business account: every bench client signs in as it. */
export const ADMIN = { loginId: 'admin@sandbox.local', password: 'Sandbox-admin-1', apiKey: 'm1-sandbox-key' };
export const PROJECT = 'Local Sandbox';

/** The client as the extension builds it (src/projects/clientRegistry.ts): role, 30 s timeout, default retry. */
export function extensionClient(baseUrl, extra = {}) {
  const { MediumOneClient } = load('api/client.js');
  return new MediumOneClient({ baseUrl, role: 'business', timeoutMs: 30_000, credentials: () => ADMIN, ...extra });
}

/** The emulator's default seed with the Local Sandbox holding `users` instead of its five devices. */
export function seedWith(users) {
  const { defaultSeed } = load('emulator/index.js');
  const seed = defaultSeed();
  seed.projects[0].users = users;
  return seed;
}

export const numbered = (prefix, n, extra = () => ({})) =>
  Array.from({ length: n }, (_, i) => ({ loginId: `${prefix}-${i}`, password: 'Device-pass-1', ...extra(i) }));
