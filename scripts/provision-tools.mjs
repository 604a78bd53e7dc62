#!/usr/bin/env node
// Installs what the tests run the connection snippets with, for real: Debian's `mosquitto-clients` (`mosquitto_pub`
// against the emulator's MQTT broker) and Python's `requests` and `paho-mqtt` (pip, from the index pip is configured
// with). A no-op when present. `npm test` runs it first; run it alone with `node scripts/provision-tools.mjs`.
import { spawnSync } from 'node:child_process';

const TOOLS = [{ command: 'mosquitto_pub', aptPackage: 'mosquitto-clients' }];

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

const PYTHON_MODULES = [{ module: 'requests', pipPackage: 'requests' }, { module: 'paho.mqtt.client', pipPackage: 'paho-mqtt' }];

const hasModule = (module) => spawnSync('python3', ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0;

function ensurePythonModules() {
  const absent = PYTHON_MODULES.filter((m) => !hasModule(m.module));
  if (absent.length === 0) return console.log(`[provision-tools] present: python3 ${PYTHON_MODULES.map((m) => m.module).join(', ')}`);
  const packages = absent.map((m) => m.pipPackage);
  console.log(`[provision-tools] installing ${packages.join(', ')} with pip`);
  const pip = spawnSync('python3', ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--retries', '0', '--timeout', '15', ...packages], { stdio: 'inherit' });
  if (pip.status !== 0 || absent.some((m) => !hasModule(m.module))) {
    console.error(`[provision-tools] python3 lacks ${packages.join(', ')}: install them (\`python3 -m pip install ${packages.join(' ')}\`), then run the tests again.`);
    process.exit(1);
  }
}

ensurePythonModules();
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
