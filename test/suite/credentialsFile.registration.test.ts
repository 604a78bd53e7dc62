// The credentials file of a Registration project's import (41b5c82): that account may not read users, so no row's
// mqtt_id is known, and the saved message says so for every row rather than implying the file is complete.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Cmd } from '../../src/contributes';
import { projectNode } from '../../src/tree/nodes';
import { addProject, script, services, useEmulator, waitFor } from './helpers/world';
import { csvRecords, saveSteps } from './helpers/provisioning';

describe('provisioning: the credentials file of a Registration project', () => {
  const emu = useEmulator();
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'm1-creds-reg-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('Import, then Save Credentials File: every row without mqtt_id, and the message says 2 of them have none', async () => {
    const s = await services();
    const project = await addProject(s, emu(), 'registration', { mqttId: emu().projectMqttId('Local Sandbox') });
    const csv = path.join(dir, 'devices.csv');
    writeFileSync(csv, 'login_id,password\r\nreg-fleet-1,Fleet-pass-11\r\nreg-fleet-2,Fleet-pass-22\r\n');
    const saved = vscode.Uri.file(path.join(dir, 'credentials.csv'));
    const prompts = script(s,
      { kind: 'openFile', answer: vscode.Uri.file(csv) },
      { kind: 'confirm', match: /Create 2 users from devices\.csv/, answer: 'Create 2 Users' },
      ...saveSteps('CSV', saved));
    prompts.respond = (_shown, actions) => actions.find((a) => a === 'Save Credentials File…');
    await vscode.commands.executeCommand(Cmd.importUsers, projectNode(project));
    const message = await waitFor('the credentials file to be saved', () => prompts.shown.find((m) => /^Saved credentials of 2 users/.test(m.message)), 30_000);
    prompts.assertDone();
    assert.match(message.message, /2 of them have no MQTT ID in it yet/);
    const records = csvRecords(readFileSync(saved.fsPath, 'utf8'));
    assert.deepEqual(records.map((r) => [r.login_id, r.password, r.mqtt_id ?? '']), [['reg-fleet-1', 'Fleet-pass-11', ''], ['reg-fleet-2', 'Fleet-pass-22', '']]);
  });
});
