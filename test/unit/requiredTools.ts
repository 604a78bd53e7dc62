// Programs the unit tests run for real. A missing one FAILS the test that needs it, saying how to install it:
// a test that skips or goes pending without it would pass on a machine that never ran the snippet.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const works = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;

/** mosquitto_pub, which runs the MQTT snippets; scripts/provision-tools.mjs (npm test's first step) installs it. */
export function requireMosquittoPub(): void {
  assert.ok(
    works('sh', ['-c', 'command -v mosquitto_pub']),
    'mosquitto_pub is not on PATH: run `node scripts/provision-tools.mjs` (Debian/Ubuntu: `apt-get install mosquitto-clients`), then the tests again',
  );
}

/** python3 with the `requests` package, which runs the Python REST snippet. */
export function requirePythonRequests(): void {
  assert.ok(
    works('python3', ['-c', 'import requests']),
    'python3 cannot import requests: install it (`python3 -m pip install requests`, or Debian/Ubuntu: `apt-get install python3-requests`), then the tests again',
  );
}

/** python3 with `paho-mqtt` (1.x or 2.x), which runs the Python MQTT snippet; provision-tools installs it. */
export function requirePaho(): void {
  assert.ok(
    works('python3', ['-c', 'import paho.mqtt.client']),
    'python3 cannot import paho.mqtt.client: run `node scripts/provision-tools.mjs` (or `python3 -m pip install paho-mqtt`), then the tests again',
  );
}
