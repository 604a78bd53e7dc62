// Entry point of the extension-host suites: VS Code (or code-server, through scripts/run-exthost-tests.mjs) loads this
// module in the extension host and awaits `run()`. It runs every compiled `out/test/suite/**/*.test.js` with mocha.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** Commands, emulator round trips and activation in a cold extension host can be slow on 2-core CI machines. */
const TIMEOUT_MS = 60_000;

function findTests(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js'))
    .map((f) => path.join(dir, f))
    .sort();
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: TIMEOUT_MS, color: false, reporter: 'spec' });
  // Optional filter, e.g. MOCHA_GREP=activation (passed through by the runner's --grep).
  const grep = process.env.MOCHA_GREP;
  if (grep) mocha.grep(grep);
  for (const file of findTests(__dirname)) mocha.addFile(file);

  const stats = await new Promise<{ passes: number; failures: number; pending: number }>((resolve, reject) => {
    try {
      const runner = mocha.run(() => resolve({ passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0, pending: runner.stats?.pending ?? 0 }));
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
  console.log(`${stats.passes} passed, ${stats.failures} failed${stats.pending ? `, ${stats.pending} pending` : ''}`);
  if (stats.failures > 0) throw new Error(`${stats.failures} extension-host test(s) failed.`);
  if (stats.passes === 0) throw new Error('No extension-host tests ran.');
}
