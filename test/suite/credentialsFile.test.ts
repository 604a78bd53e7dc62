import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Cmd } from '../../src/contributes';
import { projectNode } from '../../src/tree/nodes';
import type { CreateUserHost } from '../../src/webviews/host/createUserPanel';
import type { Emulator } from '../../src/emulator/types';
import type { Services } from '../../src/services';
import type { Project } from '../../src/projects/project';
import { SANDBOX, addProject, script, services, useEmulator, userRow, waitFor } from './helpers/world';
import { csvRecords, globalStateText, logText, saveSteps } from './helpers/provisioning';

const P = 'Local Sandbox';

/** The mqtt_id a file may hold for a user: the server's, or none while a 202 creation has not landed yet. */
function mqttIdOk(emu: Emulator, loginId: string, written: string | undefined): boolean {
  const server = emu.getUser(P, loginId)?.mqttId;
  return written === server || (!written && server === undefined) || (!written && emu.calls().some((c) => c.loginId === loginId && c.status === 202));
}

/**
 * Waits until the tree shows the user enabled: a 202 creation (the independent profile) is watched until it exists,
 * and a watch still running when the test ends would speak up in the next one.
 */
async function settled(s: Services, project: Project, loginId: string): Promise<void> {
  await waitFor(`${loginId} to show enabled`, async () => (await userRow(s, project, loginId)).entry.state === 'enabled');
}

describe('provisioning: the one-time credentials file', () => {
  const emu = useEmulator();
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'm1-creds-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const target = (name: string) => vscode.Uri.file(path.join(dir, name));

  /** A user created with the form's submit, settled; the form's host offers its credentials file. */
  async function createdWithForm(loginId: string, password: string) {
    const s = await services();
    const project = await addProject(s, emu());
    script(s);
    const host = await vscode.commands.executeCommand<CreateUserHost>(Cmd.createUser, projectNode(project));
    assert.equal(await host.submit({ loginId, password }), undefined);
    await settled(s, project, loginId);
    return { s, project, host };
  }

  it('Import Users from CSV, then Save Credentials File: exactly the created users\' login_id, password, mqtt_id; no mqtt_password', async () => {
    const s = await services();
    const project = await addProject(s, emu(), 'business', { mqttId: emu().projectMqttId(P) });
    const csv = path.join(dir, 'devices.csv');
    writeFileSync(csv, 'login_id,password\r\nfleet-1,Fleet-pass-11\r\nfleet-2,abc\r\nfleet-3,Fleet-pass-33\r\n');
    const saved = target('credentials.csv');
    const prompts = script(s,
      { kind: 'openFile', answer: vscode.Uri.file(csv) },
      { kind: 'confirm', match: /Create 3 users from devices\.csv/, answer: 'Create 3 Users' },
      ...saveSteps('CSV', saved));
    // The import's summary offers the file (its only chance: the passwords are gone once the notification is).
    prompts.respond = (_shown, actions) => actions.find((a) => a === 'Save Credentials File…');
    await vscode.commands.executeCommand(Cmd.importUsers, projectNode(project));
    // Written once the summary's action is taken; the message after the write says where.
    await waitFor('the credentials file to be saved', () => prompts.shown.some((m) => /^Saved credentials of 2 users to .*credentials\.csv/.test(m.message)), 30_000);
    prompts.assertDone();
    for (const id of ['fleet-1', 'fleet-3']) await settled(s, project, id);
    const records = csvRecords(readFileSync(saved.fsPath, 'utf8'));
    assert.deepEqual(records.map((r) => [r.login_id, r.password]), [['fleet-1', 'Fleet-pass-11'], ['fleet-3', 'Fleet-pass-33']], 'the created users only (the server refused fleet-2\'s weak password)');
    assert.ok(!('mqtt_password' in records[0]), 'no mqtt_password column unless chosen');
    for (const r of records) {
      assert.ok(mqttIdOk(emu(), r.login_id, r.mqtt_id), `${r.login_id}: mqtt_id "${r.mqtt_id}" is the server's`);
      if (r.mqtt_id) assert.equal(r.mqtt_username, `${emu().projectMqttId(P)}/${r.mqtt_id}`);
    }
    const log = await logText(s, /Saved the credentials of 2 users/);
    for (const secret of ['Fleet-pass-11', 'Fleet-pass-33']) {
      assert.ok(!log.includes(secret), `the log holds no password (${secret.slice(0, 3)}…)`);
      assert.ok(!globalStateText(s).includes(secret), 'globalState holds no password');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('from the create form: JSON with the MQTT password only after the API key warning, the MQTT id asked and kept', async () => {
    const { s, project, host } = await createdWithForm('kit-1', 'Kit-pass-111');
    const saved = target('kit.json');
    // The MQTT password needs the MQTT username, so a project without its MQTT id is asked for it first.
    const prompts = script(s, ...saveSteps('JSON', saved, true, [
      { kind: 'input', match: /MQTT id of Test business/, answer: emu().projectMqttId(P) },
      { kind: 'pick', choose: 'Save It to "Test business"' }]));
    await host.saveCredentials({ loginId: 'kit-1', password: 'Kit-pass-111', mqttId: host.created('kit-1').mqttId });
    prompts.assertDone();
    const [record] = JSON.parse(readFileSync(saved.fsPath, 'utf8')) as Record<string, string>[];
    const mqttId = emu().getUser(P, 'kit-1')?.mqttId;
    assert.equal(record.login_id, 'kit-1');
    assert.equal(record.password, 'Kit-pass-111');
    assert.ok(mqttIdOk(emu(), 'kit-1', record.mqtt_id));
    assert.equal(record.mqtt_username, `${emu().projectMqttId(P)}/${mqttId}`);
    assert.equal(record.mqtt_password, `${SANDBOX.apiKey}/Kit-pass-111`, 'the MQTT password, as chosen');
    assert.equal(s.projects.get(project.id)?.mqttId, emu().projectMqttId(P));
    const log = await logText(s, /Saved the credentials of 1 users.*with MQTT passwords/);
    assert.ok(!log.includes('Kit-pass-111') && !log.includes(SANDBOX.apiKey), 'no password or key in the log');
    assert.ok(!globalStateText(s).includes('Kit-pass-111'), 'globalState holds no password');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('backing out of the save dialog writes nothing', async () => {
    const { s, host } = await createdWithForm('kit-2', 'Kit-pass-222');
    const prompts = script(s, { kind: 'pick', choose: 'CSV' }, { kind: 'pick', choose: 'Without the MQTT password' }, { kind: 'saveFile', answer: undefined });
    await host.saveCredentials({ loginId: 'kit-2', password: 'Kit-pass-222' });
    prompts.assertDone();
    assert.deepEqual(readdirSync(dir), []);
    assert.ok(!prompts.shown.some((m) => /credentials/i.test(m.message)), 'nothing said of a file');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
