import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Cmd } from '../../src/contributes';
import { SANDBOX_PROJECT_ID } from '../../src/projects/project';
import { labels, resetWorld, rows, script, services, userRow } from './helpers/world';

describe('Local Sandbox', () => {
  afterEach(async () => resetWorld(await services()));

  it('starts the emulator, adds the project and shows its seeded users', async () => {
    const s = await services();
    const prompts = script(s);
    await vscode.commands.executeCommand(Cmd.startSandbox);
    const project = s.projects.get(SANDBOX_PROJECT_ID);
    assert.ok(project, 'the Local Sandbox project was added');
    assert.match(project.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.deepEqual(await labels(s, project), ['device-001', 'device-002', 'device-003', 'device-004', 'device-005']);
    assert.equal((await userRow(s, project, 'device-004')).entry.state, 'disabled');
    assert.equal((await userRow(s, project, 'device-001')).entry.state, 'enabled');
    assert.ok((await userRow(s, project, 'device-001')).entry.mqttId, 'mqtt_id shown');
    assert.match(prompts.shown.at(-1)?.message ?? '', /Local Sandbox running at http:\/\/127\.0\.0\.1/);
    // The Business password is in SecretStorage, and only there.
    const secrets = await s.context.secrets.get(`mediumOne.project.${SANDBOX_PROJECT_ID}`);
    assert.match(secrets ?? '', /Sandbox-admin-1/);
    assert.doesNotMatch(JSON.stringify(s.context.globalState.keys().map((k) => s.context.globalState.get(k))), /Sandbox-admin-1|m1-sandbox-key/);
    prompts.assertDone();
  });

  it('stops, and the project row then offers Start instead of users', async () => {
    const s = await services();
    script(s);
    await vscode.commands.executeCommand(Cmd.startSandbox);
    await vscode.commands.executeCommand(Cmd.stopSandbox);
    const project = s.projects.get(SANDBOX_PROJECT_ID)!;
    assert.equal(s.sandbox.running, false);
    const [row] = await rows(s, project);
    assert.equal(row.kind, 'message');
    assert.equal(row.kind === 'message' && row.action?.command, Cmd.startSandbox);
  });
});
