import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// The Marketplace package as plain `vsce package` builds it, minus the production build it runs first
// (`vscode:prepublish`): vsce's own collect() gathers the files with every check `vsce package` makes (repository
// for the README's links, no SVG pictures in the README, the icon, categories, keywords) and rewrites the README,
// and listFiles() is `vsce ls`. Both run on a copy of the repository's files (committed or not, minus .gitignore'd
// ones) plus dist/: what a clean clone holds once built, without crawling the editor's 300 MB under .cache/.
// npm test builds the bundles before the unit tests; run `node esbuild.js` first when running this file alone.
const root = path.resolve(__dirname, '../../../..');
const REPO = 'https://github.com/mediumone-tools/vscode-mediumone-api-users';
interface VsixFile { path: string; contents?: Buffer | string; localPath?: string }
// eslint-disable-next-line @typescript-eslint/no-require-imports -- vsce's package module is CommonJS; its functions are `vsce package` / `vsce ls`
const vsce = require('@vscode/vsce/out/package') as {
  readManifest(cwd: string): Promise<unknown>;
  collect(manifest: unknown, o: { cwd: string }): Promise<VsixFile[]>;
  listFiles(o: { cwd: string }): Promise<string[]>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build script is plain CommonJS
const { targets } = require(path.join(root, 'esbuild.js')) as { targets: { outfile?: string }[] };

/** A copy of the repository's own files and its build output, with node_modules linked (vsce lists dependencies). */
function mirror(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'm1-vsix-'));
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' })
    .split('\0').filter((f) => f && fs.existsSync(path.join(root, f)));
  for (const f of files) fs.cpSync(path.join(root, f), path.join(dir, f));
  fs.cpSync(path.join(root, 'dist'), path.join(dir, 'dist'), { recursive: true });
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  icon: string; repository: { type: string; url: string }; bugs: { url: string }; homepage: string;
  galleryBanner: { color: string; theme: string }; categories: string[]; keywords: string[];
  scripts: Record<string, string>; allowScripts: Record<string, boolean>;
  contributes: { viewsContainers: Record<string, { icon: string }[]>; walkthroughs: { steps: { media: { markdown: string } }[] }[] };
};

/** Relative link and image targets of a markdown file, resolved from the repository root (anchors dropped). */
function relativeTargets(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1])
    .filter((t) => !/^[a-z]+:/i.test(t) && !t.startsWith('#'))
    .map((t) => path.posix.join(path.posix.dirname(file), t.split('#')[0]));
}

/** What must ship: the manifest and its strings, the runtime bundles, the media the editor shows, the docs. */
function expectedFiles(): string[] {
  const l10n = fs.readdirSync(path.join(root, 'l10n')).filter((f) => f.endsWith('.json')).map((f) => `l10n/${f}`);
  // emulator-cli.js is `npm run emulator`'s, not the extension's.
  const bundles = targets.map((t) => t.outfile ?? '').filter((f) => f && f !== 'dist/emulator-cli.js');
  const walkthroughMd = pkg.contributes.walkthroughs.flatMap((w) => w.steps.map((s) => s.media.markdown));
  const media = [
    pkg.icon,
    ...Object.values(pkg.contributes.viewsContainers).flat().map((c) => c.icon),
    'media/webview.css', // the webview panels' stylesheet (src/webviews/host/html.ts)
    ...walkthroughMd,
    ...walkthroughMd.flatMap(relativeTargets),
  ];
  const docs = ['README.md', 'CHANGELOG.md', 'LICENSE'];
  return [...new Set(['package.json', 'package.nls.json', 'package.nls.ja.json', ...l10n, ...bundles, ...media, ...docs])].sort();
}

describe('Marketplace package', function () {
  this.timeout(120_000);
  let packed: VsixFile[];
  let dir: string;

  before(async () => {
    dir = mirror();
    packed = await vsce.collect(await vsce.readManifest(dir), { cwd: dir });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('`vsce ls` lists exactly what ships: bundles, manifest, strings, the media in use, README, CHANGELOG, LICENSE', async () => {
    const listed = (await vsce.listFiles({ cwd: dir })).sort();
    const expected = expectedFiles();
    for (const f of expected) assert.ok(fs.existsSync(path.join(root, f)), `${f} is missing (bundles: run \`node esbuild.js\`)`);
    assert.deepEqual(listed, expected);
  });

  it('packs with no flags into a .vsix holding exactly those files', () => {
    const inVsix = packed.map((f) => f.path).filter((p) => p.startsWith('extension/')).map((p) => p.slice('extension/'.length));
    // vsce renames three of them inside the package.
    const renamed: Record<string, string> = { 'readme.md': 'README.md', 'changelog.md': 'CHANGELOG.md', 'LICENSE.txt': 'LICENSE' };
    assert.deepEqual(inVsix.map((p) => renamed[p] ?? p).sort(), expectedFiles());
  });

  it("rewrites the README's pictures and links to files of this repository, none of them SVG", () => {
    const readme = packed.find((f) => f.path === 'extension/readme.md');
    assert.ok(readme?.contents, 'the packed README');
    const text = readme.contents.toString();
    const tracked = new Set(execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n'));
    const rewritten = [...text.matchAll(new RegExp(`${REPO}/(?:raw|blob)/HEAD/([^)\\s"]+)`, 'g'))].map((m) => decodeURI(m[1]));
    assert.ok(rewritten.length >= 5, `the README's pictures point at the repository (${rewritten.length} found)`);
    for (const file of rewritten) assert.ok(tracked.has(file), `${file} is linked from the README but not committed, so it would not resolve`);
    assert.deepEqual(relativeTargets('README.md').filter((t) => t.endsWith('.svg')), []);
  });

  it('names the repository, the issues page, the homepage, a gallery banner and fitting categories', () => {
    assert.deepEqual(pkg.repository, { type: 'git', url: `${REPO}.git` });
    assert.equal(pkg.bugs.url, `${REPO}/issues`);
    assert.equal(pkg.homepage, `${REPO}#readme`);
    assert.match(pkg.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(pkg.galleryBanner.theme));
    assert.ok(pkg.categories.length > 0 && !pkg.categories.every((c) => c === 'Other'), 'more than "Other"');
    assert.ok(pkg.keywords.length >= 5 && pkg.keywords.length <= 30, `${pkg.keywords.length} keywords (the Marketplace takes 30)`);
    assert.match(pkg.scripts.package, /^vsce package( --out \S+)?$/, 'npm run package is plain `vsce package`');
  });

  it('has a 128×128 PNG icon', () => {
    const png = fs.readFileSync(path.join(root, pkg.icon));
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    assert.equal(png.toString('latin1', 12, 16), 'IHDR');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });

  it('approves the install scripts that are needed (esbuild, keytar) and denies the one that is not (vsce-sign)', () => {
    // esbuild's checks and installs its platform binary; keytar's builds vsce's access to the OS keychain, so
    // `vsce login` keeps the publisher's token out of a clear-text file (an optional dependency: where it cannot
    // build, vsce falls back and npm carries on). vsce-sign's copies a signing binary used only to sign a package
    // locally (`vsce publish --signTool`), which this project does not do. Every package with a script is decided,
    // so npm 11 has nothing "not yet covered by allowScripts" to warn about.
    assert.deepEqual(pkg.allowScripts, { esbuild: true, keytar: true, '@vscode/vsce-sign': false });
    const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
    const withScripts = Object.entries(lock.packages).filter(([, p]) => p.hasInstallScript).map(([k]) => k.replace(/^.*node_modules\//, '')).sort();
    assert.deepEqual(withScripts, Object.keys(pkg.allowScripts).sort(), 'every package with an install script is approved or denied');
  });
});
