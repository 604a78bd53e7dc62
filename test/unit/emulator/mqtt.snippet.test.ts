// The extension's MQTT connection snippets (src/provisioning), run for real against the emulator's broker:
// what a user copies must publish an event the project then holds.
import * as assert from 'node:assert/strict';
import { connectionSnippet, type SnippetFormat, type SnippetInput } from '../../../src/provisioning';
import type { Emulator } from '../../../src/emulator/types';
import { run, tempDirPerTest } from '../provisioning/fixture';
import { requireMosquittoPub, requirePaho } from '../requiredTools';
import { apiKey, basic, emulatorPerTest, project } from './fixture';

describe("Emulator MQTT broker: the extension's snippets run against it", () => {
  const emulators = emulatorPerTest();
  const temp = tempDirPerTest();
  let emu: Emulator;

  beforeEach(async () => {
    emu = await emulators.start({ mqtt: { port: 0 } });
  });

  function snippet(format: SnippetFormat, stream: string): string {
    const input: SnippetInput = {
      baseUrl: emu.url,
      loginId: basic.login_id,
      stream,
      deviceId: 'bench-device',
      mqtt: { host: '127.0.0.1', port: emu.mqttPort ?? 0, tls: false },
      projectMqttId: emu.projectMqttId(project),
      userMqttId: 'mqttZeta001',
    };
    return connectionSnippet(format, input);
  }

  /** Runs a snippet with the secrets in the environment, as its comments tell the user to (the broker answering it runs in this process). */
  async function runSnippet(command: string, source: string, file: string, password = basic.password): Promise<{ status: number | null; stderr: string }> {
    const ran = await run(command, [temp.write(file, source)], { M1_API_KEY: apiKey, M1_PASSWORD: password });
    return { status: ran.code, stderr: ran.stderr };
  }

  it('the mosquitto_pub snippet publishes the test event: the user holds it in the chosen stream', async () => {
    requireMosquittoPub();
    for (const stream of ['raw', 'telemetry']) {
      const result = await runSnippet('bash', snippet('mosquitto', stream), `pub-${stream}.sh`);
      assert.equal(result.status, 0, `bash exited ${result.status}: ${result.stderr}`);
      assert.deepEqual(emu.events(project, 'zeta', stream).map((e) => e.eventData), [{ test: true }], `stream ${stream}`);
    }
    const connects = emu.calls().filter((c) => c.method === 'MQTT' && c.path === 'CONNECT');
    assert.deepEqual(connects.map((c) => c.status), [0, 0]);
  });

  it('the mosquitto_pub snippet with a wrong password fails and stores nothing', async () => {
    requireMosquittoPub();
    const result = await runSnippet('bash', snippet('mosquitto', 'raw'), 'pub.sh', 'Wrong-pass-1');
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /refused|bad user name or password/i);
    assert.deepEqual(emu.events(project, 'zeta'), []);
  });

  it('the paho-mqtt snippet publishes the test event', async () => {
    requirePaho();
    const result = await runSnippet('python3', snippet('paho', 'raw'), 'pub.py');
    assert.equal(result.status, 0, `python3 exited ${result.status}: ${result.stderr}`);
    assert.deepEqual(emu.events(project, 'zeta').map((e) => e.eventData), [{ test: true }]);
  });

  it('the paho-mqtt snippet with a wrong password fails and stores nothing', async () => {
    requirePaho();
    const result = await runSnippet('python3', snippet('paho', 'raw'), 'pub.py', 'Wrong-pass-1');
    assert.notEqual(result.status, 0);
    assert.deepEqual(emu.events(project, 'zeta'), []);
  });
});
