import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Cmd } from '../../src/contributes';
import { SANDBOX_PROJECT_ID } from '../../src/projects/project';
import type { UserDetailsData, UserDetailsHost } from '../../src/webviews/host/userDetailsPanel';
import { SANDBOX, resetWorld, script, services, statesRead, userRow, waitFor } from './helpers/world';
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

  it('an open details page follows the sandbox: Stop reloads it to say the sandbox is not running, Start to the live user', async () => {
    const s = await services();
    script(s);
    await vscode.commands.executeCommand(Cmd.startSandbox);
    const project = s.projects.get(SANDBOX_PROJECT_ID)!;
    await statesRead(s, project);
    const host = await vscode.commands.executeCommand<UserDetailsHost>(Cmd.showUser, await userRow(s, project, 'device-001'));
    // What the page is given each time it loads: first when it opens (the page asks), then on its own after Stop and
    // Start (nothing here asks it to). The command returns before the page can have asked, so the first is seen.
    const loaded: UserDetailsData[] = [];
    const load = host.load.bind(host);
    host.load = () => load().then((data) => (loaded.push(data), data));
    const opened = await waitFor('the page to load', () => loaded[0]);
    assert.equal(opened.error, undefined);
    await vscode.commands.executeCommand(Cmd.stopSandbox);
    const stopped = await waitFor('the page to reload after Stop', () => loaded[1]);
    assert.equal(stopped.error, 'The Local Sandbox is not running. Start it to see this user as the server holds it.');
    assert.deepEqual(stopped.actions, ['refresh', 'copyLoginId', 'copyMqttId'], 'no change is offered to a stopped sandbox');
    await vscode.commands.executeCommand(Cmd.startSandbox);
    const live = await waitFor('the page to reload after Start', () => loaded[2]);
    assert.equal(live.error, undefined);
    assert.equal(live.loginId, 'device-001');
    assert.ok(live.actions.includes('disable'), `the changes are offered again (${live.actions.join(', ')})`);
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
