import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';

const root = path.resolve(__dirname, '../../../..');

/** Every .ts file under src/, as `npm run l10n` reads them. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    return e.isDirectory() ? sources(file) : e.name.endsWith('.ts') ? [file] : [];
  });
}

describe('l10n bundle', function () {
  // Parsing every source file (a WebAssembly parser) takes seconds, and more on a loaded two-core machine; the
  // timeout only guards against a hang.
  this.timeout(120_000);
  it('l10n/bundle.l10n.json holds exactly the strings src/ passes to vscode.l10n.t (else run npm run l10n)', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { l10n?: string };
    assert.equal(pkg.l10n, './l10n', 'package.json points VS Code at the bundles');
    const fresh = await getL10nJson(sources(path.join(root, 'src')).map((file) => ({ extension: '.ts', contents: fs.readFileSync(file, 'utf8') })));
    const shipped = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, unknown>;
    const missing = Object.keys(fresh).filter((k) => !(k in shipped));
    const stale = Object.keys(shipped).filter((k) => !(k in fresh));
    assert.deepEqual({ missing, stale }, { missing: [], stale: [] });
    assert.ok(Object.keys(fresh).length > 100, `the extraction found the extension's strings (${Object.keys(fresh).length})`);
  });
});
