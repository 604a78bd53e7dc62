import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Cmd } from '../../src/contributes';
import { SANDBOX_PROJECT_ID } from '../../src/projects/project';
import type { UserDetailsHost } from '../../src/webviews/host/userDetailsPanel';
import { SANDBOX, resetWorld, script, services, statesRead, userRow } from './helpers/world';
import { requireMosquitto, runSnippet, snippetSteps, testEventSteps } from './helpers/provisioning';

/** What the Local Sandbox's own emulator holds for a user, read through its loopback control route. */
async function sandboxEvents(url: string, loginId: string): Promise<{ eventData: unknown }[]> {
  const res = await fetch(`${url}/__emulator/events/${encodeURIComponent('Local Sandbox')}/${encodeURIComponent(loginId)}`, { headers: { 'X-Emulator-Control': '1' } });
  assert.equal(res.status, 200, 'the control route answers');
  const events: unknown = await res.json();
  assert.ok(Array.isArray(events), `the control route answers the events (${JSON.stringify(events).slice(0, 200)})`);
  return events as { eventData: unknown }[];
}

describe('provisioning: the Local Sandbox', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await resetWorld(await services());
  });

  it('from Start Local Sandbox to a verified first event: the cURL snippet and Send Test Event land, Recent Events shows them', async () => {
    const s = await services();
    script(s);
    await vscode.commands.executeCommand(Cmd.startSandbox);
    const project = s.projects.get(SANDBOX_PROJECT_ID);
    assert.ok(project && s.sandbox.url, 'the Local Sandbox runs');
    assert.equal(project.mqttId, 'c2FuZGJveDAx', 'its project MQTT id is known: the MQTT snippets ask nothing');
    const users = await statesRead(s, project);
    const device = users.find((u) => u.entry.state === 'enabled');
    assert.ok(device, 'an enabled seeded user');
    const loginId = device.entry.loginId;
    const before = (await sandboxEvents(s.sandbox.url, loginId)).length;

    let prompts = script(s, ...snippetSteps('curl'));
    await vscode.commands.executeCommand(Cmd.copyConnectionSnippet, device);
    prompts.assertDone();
    const run = await runSnippet('bash', await vscode.env.clipboard.readText(), { M1_API_KEY: SANDBOX.apiKey, M1_PASSWORD: 'Device-pass-1' });
    assert.equal(run.code, 0, `the snippet ran cleanly against the sandbox: ${run.stderr}`);

    prompts = script(s, ...testEventSteps({ body: '{"event_data": {"from": "Send Test Event"}}' }));
    await vscode.commands.executeCommand(Cmd.sendTestEvent, await userRow(s, project, loginId));
    prompts.assertDone();
    assert.match(prompts.shown.at(-1)?.message ?? '', new RegExp(`^Sent 1 event to stream "raw" for "${loginId}"`));
    const held = await sandboxEvents(s.sandbox.url, loginId);
    assert.deepEqual(held.slice(before).map((e) => e.eventData), [{ test: true }, { from: 'Send Test Event' }], 'the sandbox holds both');

    script(s);
    const host = await vscode.commands.executeCommand<UserDetailsHost>(Cmd.showRecentEvents, await userRow(s, project, loginId));
    const read = await host.loadEvents();
    assert.ok('events' in read, JSON.stringify(read));
    assert.deepEqual(read.events.slice(0, 2).map((e) => e.data), [{ from: 'Send Test Event' }, { test: true }], 'newest first');
  });

  it('its MQTT snippet connects to the sandbox\'s own broker: mosquitto_pub publishes an event the sandbox stores', async function () {
    await requireMosquitto();
    const s = await services();
    script(s);
    await vscode.commands.executeCommand(Cmd.startSandbox);
    const project = s.projects.get(SANDBOX_PROJECT_ID);
    assert.ok(project && s.sandbox.url);
    const device = (await statesRead(s, project)).find((u) => u.entry.state === 'enabled');
    assert.ok(device);
    const loginId = device.entry.loginId;
    const before = (await sandboxEvents(s.sandbox.url, loginId)).length;
    const prompts = script(s, ...snippetSteps('mosquitto'));
    await vscode.commands.executeCommand(Cmd.copyConnectionSnippet, device);
    prompts.assertDone();
    const snippet = await vscode.env.clipboard.readText();
    assert.match(snippet, /-h '?127\.0\.0\.1'? -p \d+/, 'the sandbox\'s broker, not the settings\' mqtt.mediumone.com');
    assert.ok(snippet.includes(`0/c2FuZGJveDAx/${device.entry.mqttId}/`), 'the topic of the sandbox project and user');
    const run = await runSnippet('bash', snippet, { M1_API_KEY: SANDBOX.apiKey, M1_PASSWORD: 'Device-pass-1' });
    assert.equal(run.code, 0, `mosquitto_pub ran cleanly: ${run.stderr}`);
    const held = await sandboxEvents(s.sandbox.url, loginId);
    assert.deepEqual(held.slice(before).map((e) => e.eventData), [{ test: true }]);
  });
});
