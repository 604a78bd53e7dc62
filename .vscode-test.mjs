// Extension-host tests on a desktop with internet: `npx vscode-test` downloads VS Code and runs these files.
// On machines without it (CI here), `node scripts/run-exthost-tests.mjs` runs the same suites inside code-server.
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
  label: 'extension-host',
  files: 'out/test/suite/**/*.test.js',
  version: 'stable',
  mocha: { ui: 'bdd', timeout: 60_000 },
  launchArgs: ['--disable-extensions'],
});
