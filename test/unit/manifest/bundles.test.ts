import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const root = path.resolve(__dirname, '../../../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build script is plain CommonJS
const { targets } = require(path.join(root, 'esbuild.js')) as { targets: esbuild.BuildOptions[] };

/** The bundles src/ loads on demand: `require(path.join(…, 'dist', '<name>.js'))`. */
function lazyBundles(): string[] {
  const found = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.ts')) {
        for (const m of fs.readFileSync(file, 'utf8').matchAll(/require\(path\.join\([^)]*'dist', '([\w-]+\.js)'\)\)/g)) found.add(`dist/${m[1]}`);
      }
    }
  };
  walk(path.join(root, 'src'));
  return [...found].sort();
}

/** The .vscodeignore negations (`!glob`) as regexes: `*` is any run within one path segment, `**` any path. */
function shippedPatterns(): RegExp[] {
  return fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split(/\r?\n/)
    .filter((line) => line.startsWith('!'))
    .map((line) => new RegExp(`^${line.slice(1).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\0').replace(/\*/g, '[^/]*').replace(/\0/g, '.*')}$`));
}

describe('bundles', () => {
  it('the extension bundle holds nothing of the webviews: the panels and their schemas load on first use', async function () {
    this.timeout(60_000);
    const main = targets.find((t) => t.outfile === 'dist/extension.js');
    assert.ok(main, 'esbuild.js builds dist/extension.js');
    const result = await esbuild.build({ ...main, absWorkingDir: root, write: false, minify: false, sourcemap: false, metafile: true });
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(inputs.includes('src/commands/panels.ts'), 'the panels loader is in the extension bundle');
    assert.deepEqual(inputs.filter((f) => f.startsWith('src/webviews/')), []);
  });

  it('the extension bundle holds nothing of the provisioning kit or its prompt flows: they load when a command runs', async function () {
    this.timeout(60_000);
    const main = targets.find((t) => t.outfile === 'dist/extension.js')!;
    const result = await esbuild.build({ ...main, absWorkingDir: root, write: false, minify: false, sourcemap: false, metafile: true });
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(inputs.includes('src/commands/provisioning.ts'), 'the provisioning loader is in the extension bundle');
    assert.deepEqual(inputs.filter((f) => f.startsWith('src/provisioning/') || f.startsWith('src/commands/provisioning/')), []);
    const lazy = targets.find((t) => t.outfile === 'dist/provisioning.js');
    assert.ok(lazy, 'esbuild.js builds dist/provisioning.js');
    const kit = await esbuild.build({ ...lazy, absWorkingDir: root, write: false, minify: false, sourcemap: false, metafile: true });
    const kitInputs = Object.keys(kit.metafile.inputs);
    for (const f of ['src/provisioning/index.ts', 'src/commands/provisioning/saveCredentialsFile.ts']) assert.ok(kitInputs.includes(f), `dist/provisioning.js holds ${f}`);
  });

  it('the extension bundle holds none of the flows for project definitions from settings: they load when used', async function () {
    this.timeout(60_000);
    const main = targets.find((t) => t.outfile === 'dist/extension.js')!;
    const result = await esbuild.build({ ...main, absWorkingDir: root, write: false, minify: false, sourcemap: false, metafile: true });
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(inputs.includes('src/commands/teams.ts'), 'the teams loader is in the extension bundle');
    assert.deepEqual(inputs.filter((f) => f.startsWith('src/commands/teams/') || f === 'src/projects/settingsProjects.ts' || f === 'src/projects/projectDefinitions.ts'), []);
  });

  it('every bundle src/ loads on demand is built and shipped in the .vsix', () => {
    const lazy = lazyBundles();
    assert.deepEqual(lazy, ['dist/emulator.js', 'dist/fileFormats.js', 'dist/panels.js', 'dist/projectDefinitions.js', 'dist/provisioning.js', 'dist/teams.js']);
    const shipped = shippedPatterns();
    for (const bundle of ['dist/extension.js', ...lazy]) {
      assert.ok(targets.some((t) => t.outfile === bundle), `esbuild.js builds ${bundle}`);
      assert.ok(shipped.some((p) => p.test(bundle)), `.vscodeignore ships ${bundle}`);
    }
  });
});
