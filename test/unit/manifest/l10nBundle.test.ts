import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../../..');

describe('l10n bundle', function () {
  // Parsing every source file (a WebAssembly parser) takes seconds, and more on a loaded two-core machine; the
  // timeout only guards against a hang.
  this.timeout(120_000);
  it('l10n/bundle.l10n.json holds exactly the strings src/ passes to l10n.t, vscode\'s or src/util/l10n\'s (else run npm run l10n)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { l10n?: string; scripts?: Record<string, string> };
    assert.equal(pkg.l10n, './l10n', 'package.json points VS Code at the bundles');
    assert.equal(pkg.scripts?.l10n, 'node scripts/l10n-export.mjs', 'npm run l10n also reads the vscode-free layers\' calls');
    // The same extraction `npm run l10n` writes; exit code 1 (out of date) still prints the lists.
    let out: string;
    try {
      out = execFileSync(process.execPath, [path.join(root, 'scripts', 'l10n-export.mjs'), '--check'], { cwd: root, encoding: 'utf8' });
    } catch (error) {
      const { stdout } = error as { stdout?: string };
      out = stdout ?? '';
    }
    const { missing, stale, count } = JSON.parse(out) as { missing: string[]; stale: string[]; count: number };
    assert.deepEqual({ missing, stale }, { missing: [], stale: [] });
    assert.ok(count > 100, `the extraction found the extension's strings (${count})`);
    // The vscode-free layers' calls are among them (they import l10n from src/util/l10n, not from vscode).
    const shipped = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, unknown>;
    for (const key of ['Medium One refused to {0} ({1}): {2}', 'no password', '{0} not run (cancelled).']) {
      assert.ok(key in shipped, `"${key}" (src/api, src/users) is in the bundle`);
    }
  });
});
