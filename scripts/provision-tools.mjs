#!/usr/bin/env node
// Installs the command-line tools the unit tests run for real: Debian's `mosquitto-clients`, whose `mosquitto_pub`
// executes the extension's MQTT connection snippet against the emulator's MQTT listener. A no-op when present.
// `npm test` runs it first; run it alone with `node scripts/provision-tools.mjs`.
import { spawnSync } from 'node:child_process';

const TOOLS = [{ command: 'mosquitto_pub', aptPackage: 'mosquitto-clients' }];

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

const missing = TOOLS.filter((t) => !has(t.command));
if (missing.length === 0) {
  console.log(`[provision-tools] present: ${TOOLS.map((t) => t.command).join(', ')}`);
  process.exit(0);
}
const packages = missing.map((t) => t.aptPackage);
if (!has('apt-get') || process.getuid?.() !== 0) {
  console.error(
    `[provision-tools] missing: ${missing.map((t) => t.command).join(', ')}. Install ${packages.join(' ')} ` +
      `(Debian/Ubuntu: \`sudo apt-get install -y ${packages.join(' ')}\`), then run the tests again.`,
  );
  process.exit(1);
}
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
// Waits for another apt run's lock instead of failing at once.
const run = (args) => spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args], { stdio: 'inherit', env }).status === 0;
console.log(`[provision-tools] installing ${packages.join(', ')} with apt-get`);
// A stale package list (a fresh container) makes the install fail; update once, then retry.
if (!run(['install', '-y', '-qq', '--no-install-recommends', ...packages])) {
  if (!run(['update', '-qq']) || !run(['install', '-y', '-qq', '--no-install-recommends', ...packages])) {
    console.error(`[provision-tools] apt-get could not install ${packages.join(' ')}`);
    process.exit(1);
  }
}
