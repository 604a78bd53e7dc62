// Where the real-editor harness keeps things. One place, so the provisioner and the runners agree.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const CODE_SERVER_VERSION = '4.100.3';
/** code-server 4.100.3 is VS Code 1.100.3 and requires Node 20 (its postinstall refuses other majors). */
export const CODE_SERVER_NODE_MAJOR = 20;

/** Git-ignored (`.cache/`): ~300 MB of code-server with its native modules, reused between runs. */
export const codeServerCacheDir = path.join(repoRoot, '.cache', 'code-server');
export const codeServerEntry = path.join(codeServerCacheDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const provisionMarker = path.join(codeServerCacheDir, 'provisioned.json');

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The e2e runner's build output (`.cache/e2e/ext.vsix`) and screenshots (`artifacts/e2e/`). */
export const e2eCacheDir = path.join(repoRoot, '.cache', 'e2e');
export const e2eArtifactsDir = path.join(repoRoot, 'artifacts', 'e2e');

/** Throwaway profiles go to the OS temp dir: code-server puts a unix socket in its user-data-dir (108-byte limit). */
export const tempRoot = () => os.tmpdir();

export const isProvisioned = () => existsSync(provisionMarker) && existsSync(codeServerEntry);
