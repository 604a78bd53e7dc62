import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Cmd } from '../../src/contributes';
import { SANDBOX, addProject, script, services, statesRead, useEmulator, userRow } from './helpers/world';
import { requireMosquitto, runSnippet, setting, snippetSteps } from './helpers/provisioning';

const P = 'Local Sandbox';
const PASSWORD = 'Device-pass-1';

describe('provisioning: the MQTT snippet against the emulator\'s broker', () => {
  // The emulator's MQTT listener on a free loopback port; the mediumOne.mqtt.* settings point the snippet at it.
  const emu = useEmulator({ mqtt: { port: 0 } });
  beforeEach(async function () {
    await requireMosquitto();
    const port = emu().mqttPort;
    assert.ok(port, 'the emulator started its MQTT listener');
    await setting('mqtt.host', '127.0.0.1');
    await setting('mqtt.port', port);
    await setting('mqtt.tls', false);
  });
  afterEach(async () => {
    for (const key of ['mqtt.host', 'mqtt.port', 'mqtt.tls']) await setting(key, undefined);
  });

  async function copiedMosquitto(loginId: string): Promise<string> {
    const s = await services();
    const project = await addProject(s, emu(), 'business', { mqttId: emu().projectMqttId(P) });
    await statesRead(s, project);
    const prompts = script(s, ...snippetSteps('mosquitto'));
    await vscode.commands.executeCommand(Cmd.copyConnectionSnippet, await userRow(s, project, loginId));
    prompts.assertDone();
    return vscode.env.clipboard.readText();
  }

  it('the mosquitto_pub snippet, run with bash and the env vars set, publishes an event the emulator stores for the user', async () => {
    const snippet = await copiedMosquitto('device-001');
    assert.ok(snippet.includes(`-p ${emu().mqttPort}`), 'the port from the settings');
    const run = await runSnippet('bash', snippet, { M1_API_KEY: SANDBOX.apiKey, M1_PASSWORD: PASSWORD });
    assert.equal(run.code, 0, `the snippet ran cleanly: ${run.stderr}`);
    const events = emu().events(P, 'device-001');
    assert.equal(events.length, 1, 'one event stored for the user');
    assert.deepEqual(events[0].eventData, { test: true });
  });

  it('with a wrong password the broker refuses the connection: the snippet fails, nothing stored', async () => {
    const snippet = await copiedMosquitto('device-002');
    const run = await runSnippet('bash', snippet, { M1_API_KEY: SANDBOX.apiKey, M1_PASSWORD: 'Wrong-pass-1' });
    assert.notEqual(run.code, 0);
    assert.deepEqual(emu().events(P, 'device-002'), []);
  });

  it('a disabled user cannot publish either: nothing stored', async () => {
    const snippet = await copiedMosquitto('device-004');
    await runSnippet('bash', snippet, { M1_API_KEY: SANDBOX.apiKey, M1_PASSWORD: PASSWORD });
    assert.deepEqual(emu().events(P, 'device-004'), [], 'the roles document: a disabled user cannot send any event data');
  });
});
