import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Cmd } from '../../src/contributes';
import type { UserDetailsHost } from '../../src/webviews/host/userDetailsPanel';
import { SANDBOX, addProject, script, services, statesRead, useEmulator, userRow } from './helpers/world';
import { FORMAT_LABELS, logText, requirePythonRequests, runSnippet, setting, snippetSteps, type Format } from './helpers/provisioning';

const P = 'Local Sandbox';
const PASSWORD = 'Device-pass-1';
/** What is on the clipboard before a copy: still there means nothing was copied. */
const BEFORE = 'clipboard before the command';

describe('provisioning: Copy Connection Snippet', () => {
  const emu = useEmulator();
  beforeEach(() => vscode.env.clipboard.writeText(BEFORE));
  afterEach(() => setting('mqtt.deviceId', undefined));

  const copy = async (row: unknown) => vscode.commands.executeCommand(Cmd.copyConnectionSnippet, row);

  it('copies each of the five formats from a user row with $M1_API_KEY / $M1_PASSWORD placeholders, never the key', async () => {
    const s = await services();
    const projectMqttId = emu().projectMqttId(P);
    const project = await addProject(s, emu(), 'business', { mqttId: projectMqttId });
    await statesRead(s, project);
    const row = await userRow(s, project, 'device-001');
    const userMqttId = emu().getUser(P, 'device-001')?.mqttId;
    assert.ok(userMqttId);
    for (const format of Object.keys(FORMAT_LABELS) as Format[]) {
      await vscode.env.clipboard.writeText(BEFORE);
      const prompts = script(s, ...snippetSteps(format));
      await copy(row);
      prompts.assertDone();
      const text = await vscode.env.clipboard.readText();
      assert.notEqual(text, BEFORE, `${format}: a snippet was copied`);
      assert.match(text, /M1_API_KEY/, `${format}: the API key is read from M1_API_KEY`);
      assert.match(text, /M1_PASSWORD/, `${format}: the password is read from M1_PASSWORD`);
      assert.ok(!text.includes(SANDBOX.apiKey), `${format}: no API key in the snippet`);
      assert.ok(!text.includes(PASSWORD), `${format}: no password in the snippet`);
      if (format === 'mosquitto' || format === 'paho') {
        assert.ok(text.includes(`${projectMqttId}/${userMqttId}`), `${format}: MQTT username <project MQTT id>/<user MQTT id>`);
        assert.ok(text.includes(`0/${projectMqttId}/${userMqttId}/vscode-device`), `${format}: topic 0/<project>/<user>/<device id>`);
        assert.ok(text.includes('mqtt.mediumone.com') && text.includes('61619'), `${format}: host and port from the settings' defaults`);
      } else {
        assert.ok(text.includes(emu().url.replace(/\/+$/, '')), `${format}: the project's server`);
        // The path is written out (cURL) or built from the stream and login_id, percent-encoded at run time.
        assert.match(text, /\/v2\/events\/(raw\/device-001|\$\{?|\{)/, `${format}: the events path`);
        assert.ok(text.includes("'raw'") || text.includes('"raw"') || text.includes('/raw/'), `${format}: the stream`);
      }
      assert.match(prompts.shown.at(-1)?.message ?? '', new RegExp(`^Copied the ${FORMAT_LABELS[format]} snippet for "device-001"\\. Set M1_API_KEY, M1_PASSWORD`));
    }
  });

  it('puts the API key in only after its warning; declining the warning copies nothing', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    await statesRead(s, project);
    const row = await userRow(s, project, 'device-002');

    let prompts = script(s, ...snippetSteps('curl', 'declined'));
    await copy(row);
    prompts.assertDone();
    assert.equal(await vscode.env.clipboard.readText(), BEFORE, 'nothing copied when the warning is declined');
    assert.deepEqual(prompts.shown, [], 'and nothing said');

    prompts = script(s, ...snippetSteps('curl', 'key'));
    await copy(row);
    prompts.assertDone();
    const text = await vscode.env.clipboard.readText();
    assert.ok(text.includes(SANDBOX.apiKey), 'the key is in the snippet');
    assert.match(text, /M1_PASSWORD/, 'the password stays a placeholder');
    assert.match(prompts.shown.at(-1)?.message ?? '', /Set M1_PASSWORD in the environment/);
    assert.doesNotMatch(await logText(s, /connection snippet for device-002/), new RegExp(SANDBOX.apiKey), 'the log never holds the key');
  });

  it('asks a project without its MQTT id for it once, and saving it keeps it on the project', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    assert.equal(project.mqttId, undefined);
    await statesRead(s, project);
    const row = await userRow(s, project, 'device-003');
    const projectMqttId = emu().projectMqttId(P);
    let prompts = script(s, ...snippetSteps('mosquitto'),
      { kind: 'input', match: /MQTT id of Test business/, expectInvalid: ['has/slash', 'a b', ''], answer: projectMqttId },
      { kind: 'pick', match: /MQTT id/, choose: 'Save It to "Test business"' });
    await copy(row);
    prompts.assertDone();
    assert.equal(s.projects.get(project.id)?.mqttId, projectMqttId, 'the project holds the MQTT id');
    assert.ok((await vscode.env.clipboard.readText()).includes(`${projectMqttId}/${emu().getUser(P, 'device-003')?.mqttId}`));

    await vscode.env.clipboard.writeText(BEFORE);
    prompts = script(s, ...snippetSteps('paho'));
    await copy(await userRow(s, project, 'device-003'));
    prompts.assertDone();
    assert.ok((await vscode.env.clipboard.readText()).includes(projectMqttId), 'the second MQTT snippet asks nothing more');
  });

  it('copies from the details page\'s "Connect a device" buttons: the format is the button\'s, no format pick', async () => {
    const s = await services();
    const projectMqttId = emu().projectMqttId(P);
    const project = await addProject(s, emu(), 'business', { mqttId: projectMqttId });
    await statesRead(s, project);
    script(s);
    const host = await vscode.commands.executeCommand<UserDetailsHost>(Cmd.showUser, await userRow(s, project, 'device-002'));
    const details = await host.load();
    assert.equal(details.device?.projectMqttId, projectMqttId, 'the page shows the project\'s MQTT id');
    assert.equal(details.device?.canSendEvents, true, 'and offers Send Test Event');
    // Only the secrets question: the button named the format.
    const prompts = script(s, ...snippetSteps('paho').slice(1));
    await host.copySnippet('paho');
    prompts.assertDone();
    const text = await vscode.env.clipboard.readText();
    assert.ok(text.includes(`0/${projectMqttId}/${emu().getUser(P, 'device-002')?.mqttId}/vscode-device`), 'the paho snippet for device-002');
    assert.ok(!text.includes(SANDBOX.apiKey));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('names the mediumOne.mqtt.deviceId setting when it cannot be a topic level, and copies nothing', async () => {
    const s = await services();
    const project = await addProject(s, emu(), 'business', { mqttId: emu().projectMqttId(P) });
    await statesRead(s, project);
    await setting('mqtt.deviceId', 'line/+/7');
    const prompts = script(s, { kind: 'pick', match: /Connection snippet for/, choose: FORMAT_LABELS.mosquitto });
    await copy(await userRow(s, project, 'device-001'));
    prompts.assertDone();
    const error = prompts.shown.find((m) => m.level === 'error');
    assert.match(error?.message ?? '', /mediumOne\.mqtt\.deviceId/, 'the message names the setting');
    assert.match(error?.message ?? '', /line\/\+\/7/, 'and its value');
    assert.equal(await vscode.env.clipboard.readText(), BEFORE);
  });

  for (const [format, runner] of [['curl', 'bash'], ['node', 'node'], ['python', 'python']] as const) {
    it(`the ${format} snippet from the clipboard, run with ${runner} and the env vars set, lands an event in the emulator`, async function () {
      if (runner === 'python') await requirePythonRequests();
      const s = await services();
      const project = await addProject(s, emu());
      await statesRead(s, project);
      const prompts = script(s, ...snippetSteps(format));
      await copy(await userRow(s, project, 'device-005'));
      prompts.assertDone();
      assert.deepEqual(emu().events(P, 'device-005'), [], 'no event before');
      const run = await runSnippet(runner, await vscode.env.clipboard.readText(), { M1_API_KEY: SANDBOX.apiKey, M1_PASSWORD: PASSWORD });
      assert.equal(run.code, 0, `the snippet ran cleanly: ${run.stderr}`);
      const events = emu().events(P, 'device-005');
      assert.equal(events.length, 1, 'one event stored for the user');
      assert.deepEqual(events[0].eventData, { test: true });
      assert.ok(!run.stdout.includes(PASSWORD) && !run.stderr.includes(PASSWORD), 'the snippet prints no password');
    });
  }

  it('a wrong password in the environment: the snippet fails and stores nothing', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    await statesRead(s, project);
    script(s, ...snippetSteps('curl'));
    await copy(await userRow(s, project, 'device-005'));
    const run = await runSnippet('bash', await vscode.env.clipboard.readText(), { M1_API_KEY: SANDBOX.apiKey, M1_PASSWORD: 'Wrong-pass-1' });
    assert.notEqual(run.code, 0);
    assert.deepEqual(emu().events(P, 'device-005'), []);
  });
});
