// Bundles the extension host, the emulator and its CLI, the import/export formats, the provisioning kit, the panels
// and the webview pages.
// `--production` minifies and drops source maps; `--watch` rebuilds on change.
const esbuild = require('esbuild');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints errors in the format of the `$esbuild-watch` problem matcher. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    if (!watch) return; // one-shot builds stay quiet unless something fails (errors are thrown below)
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const nodeBundle = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node18',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  // Non-ASCII text (the l10n strings' dashes and ellipses) as UTF-8, not \uXXXX escapes: Node reads files as UTF-8.
  charset: 'utf8',
  // Prefer the ES module builds (zod, node-fetch): they tree-shake, the CommonJS builds do not.
  mainFields: ['module', 'main'],
  external: ['vscode', 'encoding'],
  alias: { 'whatwg-url': path.join(__dirname, 'build', 'whatwg-url-shim.js') },
  logLevel: 'silent',
  plugins: [problemMatcher],
  metafile: true,
};

const targets = [
  { ...nodeBundle, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js' },
  // The emulator is its own bundle: the extension loads it only when the Local Sandbox starts.
  { ...nodeBundle, entryPoints: ['src/emulator/index.ts'], outfile: 'dist/emulator.js' },
  { ...nodeBundle, entryPoints: ['src/emulator/cli.ts'], outfile: 'dist/emulator-cli.js' },
  // Import/export formats (with papaparse): loaded only when a user imports or exports.
  { ...nodeBundle, entryPoints: ['src/users/fileFormats.ts'], outfile: 'dist/fileFormats.js' },
  // The provisioning kit and its commands' prompt flows (snippets, credentials file, test events): loaded only when
  // one of them runs, so the main bundle stays under its size bar.
  { ...nodeBundle, entryPoints: ['src/commands/provisioning/index.ts'], outfile: 'dist/provisioning.js' },
  // Project definitions from settings: secrets on first use, export/import, editing. Loaded when one of them runs.
  { ...nodeBundle, entryPoints: ['src/commands/teams/index.ts'], outfile: 'dist/teams.js' },
  // The mediumOne.projects schema and parser (zod): loaded only when that setting holds a definition.
  { ...nodeBundle, entryPoints: ['src/projects/projectDefinitions.ts'], outfile: 'dist/projectDefinitions.js' },
  // The webview panels (host side, with their protocols' zod schemas): loaded only when a form or details view opens.
  { ...nodeBundle, entryPoints: ['src/webviews/host/panels.ts'], outfile: 'dist/panels.js' },
  // Webview pages: plain browser scripts, one per panel, loaded under the panels' strict CSP.
  ...['createUser', 'userDetails', 'editProject', 'activity'].map((name) => ({
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: production,
    sourcemap: !production,
    entryPoints: [`src/webviews/pages/${name}.ts`],
    outfile: `dist/webview/${name}.js`,
    logLevel: 'silent',
    plugins: [problemMatcher],
  })),
];

async function main() {
  const contexts = await Promise.all(targets.map((t) => esbuild.context(t)));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  const results = await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  if (process.argv.includes('--metafile')) {
    require('fs').writeFileSync('dist/meta.json', JSON.stringify(results[0].metafile));
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

// The targets, for test/unit/manifest/bundles.test.ts (what goes into which bundle, and what ships).
module.exports = { targets };
