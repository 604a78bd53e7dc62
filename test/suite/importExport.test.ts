import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Cmd } from '../../src/contributes';
import type { ImportOutcome } from '../../src/commands/project/importUsers';
import { projectNode } from '../../src/tree/nodes';
import { addProject, createAnswer, createsTakenUp, labels, script, services, userRow, waitFor, useEmulator } from './helpers/world';

const P = 'Local Sandbox';

describe('import and export', () => {
  const emu = useEmulator();
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'm1-import-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    writeFileSync(path.join(dir, name), text);
    return vscode.Uri.file(path.join(dir, name));
  };
  const reportText = async (outcome: ImportOutcome) => (await vscode.workspace.openTextDocument(outcome.report)).getText();

  it('imports a CSV: skips the rows the file gets wrong, creates the rest, reports each row, Retry Failed finishes', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    const csv = file('users.csv', 'login_id,password\r\nimp-1,Import-pass-1\r\n,Import-pass-2\r\nimp-2,abc\r\nimp-3,Import-pass-3\r\nimp-1,Import-pass-9\r\n');
    const prompts = script(s,
      { kind: 'openFile', match: /Import users into Test business/, answer: csv },
      { kind: 'confirm', match: /Create 3 users from users\.csv in Test business/, detail: /2 rows will be skipped: line 3: no login_id; line 6: a second row/, answer: 'Create 3 Users' });
    let retried = false;
    prompts.respond = (shown, actions) => {
      if (shown.level !== 'error' || retried) return undefined;
      retried = true;
      emu().configure({ passwordRule: { minLength: 3 } });
      return actions.includes('Retry Failed') ? 'Retry Failed' : undefined;
    };
    const outcome = await vscode.commands.executeCommand<ImportOutcome>(Cmd.importUsers, projectNode(project));
    prompts.assertDone();
    // A server may accept a create with 202 (the user appears later): such a row is reported pending, not created.
    const accepted = ['imp-1', 'imp-3'].filter((id) => createAnswer(emu(), id) === 202);
    assert.deepEqual([...outcome.results].filter(([, r]) => r.kind === 'pending').map(([id]) => id), accepted);
    await waitFor('the accepted users to exist', () => accepted.every((id) => emu().getUser(P, id)));
    assert.ok(emu().checkPassword(P, 'imp-1', 'Import-pass-1'), 'imp-1 created with the first row\'s password');
    assert.ok(emu().checkPassword(P, 'imp-3', 'Import-pass-3'));
    const pendingNote = accepted.length ? ` ${accepted.length} pending \\(the server creates them shortly\\)\\.` : '';
    assert.match(prompts.shown.find((m) => m.level === 'error')?.message ?? '',
      new RegExp(`^Imported 2 of 5 users from users\\.csv into Test business\\.${pendingNote} 1 failed\\. 2 skipped`));
    const report = await reportText(outcome);
    const imp1 = accepted.includes('imp-1') ? 'accepted \\(pending: the server creates it shortly\\)' : 'created';
    assert.match(report, new RegExp(`\\| 2 \\| imp-1 \\| ${imp1} \\|`));
    assert.match(report, /\| 3 \| {2}\| skipped \| no login\\_id \|/);
    assert.match(report, /\| 4 \| imp-2 \| failed \| .*400/);
    assert.match(report, /\| 6 \| imp-1 \| skipped \| a second row for this login\\_id \(the first is line 2\) \|/);
    assert.ok(!/Import-pass|abc/.test(report), 'no password in the report');
    assert.ok(vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === outcome.report.toString()), 'the report opens when a row failed');
    await waitFor('Retry Failed to create imp-2', () => emu().checkPassword(P, 'imp-2', 'abc'));
    await waitFor('the tree to list the imported users', async () => (await labels(s, project)).filter((l) => l.startsWith('imp-')).length === 3);
    // Its state is listed, read, or (after a 202) polled for until it exists: the row ends up enabled.
    await waitFor('imp-3 to show enabled', async () => (await userRow(s, project, 'imp-3')).entry.state === 'enabled');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('refuses a file without a login_id column before asking anything else, and creates nothing', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    const before = emu().listUsers(P).length;
    const prompts = script(s, { kind: 'openFile', answer: file('bad.csv', 'user;secret\nx;Import-pass-1\n') });
    await vscode.commands.executeCommand(Cmd.importUsers, projectNode(project));
    prompts.assertDone();
    assert.match(prompts.shown.at(-1)?.message ?? '', /bad\.csv: The header row has no login_id or password column \(it has "user", "secret"\)/);
    assert.equal(emu().listUsers(P).length, before);
  });

  it('imports into a Registration project, whose new users are tracked, and polls 202s until they exist', async () => {
    const s = await services();
    emu().configure({ acceptedCreation: { delayMs: 300 } });
    const project = await addProject(s, emu(), 'registration');
    const prompts = script(s,
      { kind: 'openFile', answer: file('reg.csv', 'login_id,password\nreg-a,Import-pass-1\nreg-b,Import-pass-2\n') },
      { kind: 'confirm', answer: 'Create 2 Users' });
    const outcome = await vscode.commands.executeCommand<ImportOutcome>(Cmd.importUsers, projectNode(project));
    prompts.assertDone();
    assert.deepEqual([...outcome.results.values()].map((r) => r.kind), ['pending', 'pending']);
    assert.match(prompts.shown.at(-1)?.message ?? '', /Imported 2 of 2 users .* 2 pending/);
    assert.deepEqual(s.projects.tracked(project.id).filter((id) => id.startsWith('reg-')).sort(), ['reg-a', 'reg-b']);
    await waitFor('the 202s to land on the server', () => emu().getUser(P, 'reg-a') && emu().getUser(P, 'reg-b'));
    assert.ok(emu().checkPassword(P, 'reg-b', 'Import-pass-2'));
  });

  it('creates the users a disabled column marks as disabled; one whose disable fails is reported created, and Retry Failed only disables it', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    const csv = file('off.csv', 'login_id,password,disabled\noff-1,Import-pass-1,true\non-1,Import-pass-2,false\n');
    const prompts = script(s,
      { kind: 'openFile', answer: csv },
      { kind: 'confirm', match: /Create 2 users from off\.csv/, detail: /1 of them will be disabled right after they are created/, answer: 'Create 2 Users' });
    emu().configure({ faults: { routes: { 'PATCH /v2/users/:id': { status500: 1 } } } });
    emu().clearCalls();
    let retried = false;
    prompts.respond = (shown, actions) => {
      if (shown.level !== 'error' || retried) return undefined;
      retried = true;
      emu().configure({ faults: {} });
      return actions.includes('Retry Failed') ? 'Retry Failed' : undefined;
    };
    const outcome = await vscode.commands.executeCommand<ImportOutcome>(Cmd.importUsers, projectNode(project));
    prompts.assertDone();
    assert.deepEqual(outcome.results.get('off-1')?.kind, 'notDisabled');
    // Which of the two creates a server accepts for later (202) depends on which arrives first.
    assert.deepEqual(outcome.results.get('on-1'), { kind: createAnswer(emu(), 'on-1') === 202 ? 'pending' : 'created' });
    assert.match(prompts.shown.find((m) => m.level === 'error')?.message ?? '', /Imported 2 of 2 users .* 1 created but still enabled \(disabling them failed\)/);
    assert.match(await reportText(outcome), /\| 2 \| off-1 \| created, but still enabled \| .*500/);
    await waitFor('Retry Failed to disable off-1', () => emu().getUser(P, 'off-1')?.disabled === true);
    assert.ok(emu().checkPassword(P, 'off-1', 'Import-pass-1'), 'created once, with the file\'s password');
    assert.equal((await waitFor('on-1 to exist', () => emu().getUser(P, 'on-1'))).disabled, false);
    assert.equal(createsTakenUp(emu()).length, 2, 'one create per row: the retry only disabled off-1');
    await waitFor('the tree to show off-1 disabled', async () => (await userRow(s, project, 'off-1')).entry.state === 'disabled');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('waits for a 202 creation marked disabled to exist, then disables it', async () => {
    const s = await services();
    emu().configure({ acceptedCreation: { delayMs: 300 } });
    const project = await addProject(s, emu());
    const prompts = script(s,
      { kind: 'openFile', answer: file('later.csv', 'login_id;password;disabled\nlate-off;Import-pass-1;1\n') },
      { kind: 'confirm', answer: 'Create 1 User' });
    const outcome = await vscode.commands.executeCommand<ImportOutcome>(Cmd.importUsers, projectNode(project));
    prompts.assertDone();
    assert.deepEqual(outcome.results.get('late-off'), { kind: 'created', disabled: true });
    assert.equal(emu().getUser(P, 'late-off')?.disabled, true, 'the server holds it disabled');
    assert.match(prompts.shown.at(-1)?.message ?? '', /Imported 1 of 1 users from later\.csv/);
  });

  it('refuses a disabled column for a Registration project, which may not disable users, and creates nothing', async () => {
    const s = await services();
    const project = await addProject(s, emu(), 'registration');
    const before = emu().listUsers(P).length;
    const prompts = script(s, { kind: 'openFile', answer: file('reg-off.csv', 'login_id,password,disabled\nr-1,Import-pass-1,yes\nr-2,Import-pass-2,no\n') });
    await vscode.commands.executeCommand(Cmd.importUsers, projectNode(project));
    prompts.assertDone();
    assert.match(prompts.shown.at(-1)?.message ?? '', /reg-off\.csv marks 1 users disabled, but the Registration account of .* may not disable users\. Import the file into a Business project, or empty its disabled column\./);
    assert.equal(emu().listUsers(P).length, before);
  });

  it('exports CSV of every user, reading fields one by one where the server lists login_ids only', async () => {
    const s = await services();
    emu().configure({ listing: 'loginIds' });
    const project = await addProject(s, emu());
    const target = vscode.Uri.file(path.join(dir, 'out.csv'));
    const prompts = script(s, { kind: 'pick', match: /Export 5 users of "Test business" as/, choose: 'CSV' }, { kind: 'saveFile', answer: target });
    await vscode.commands.executeCommand(Cmd.exportUsers, projectNode(project));
    prompts.assertDone();
    const lines = readFileSync(target.fsPath, 'utf8').split('\r\n');
    assert.equal(lines[0], 'login_id,state,disabled,mqtt_id,user_data');
    const expected = emu().listUsers(P).map((u) => `${u.loginId},${u.disabled ? 'disabled' : 'enabled'},${u.disabled},${u.mqttId}`);
    assert.deepEqual(lines.slice(1, -1).map((l) => l.split(',').slice(0, 4).join(',')), expected);
    assert.match(prompts.shown.at(-1)?.message ?? '', /Exported 5 users of Test business/);
    assert.ok(!readFileSync(target.fsPath, 'utf8').includes('Device-pass-1'), 'no password in the file');
  });

  it('exports JSON of the users the view\'s filter shows', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    s.tree.setFilter({ states: ['disabled'] });
    const target = vscode.Uri.file(path.join(dir, 'out.json'));
    const prompts = script(s, { kind: 'pick', match: /Export 1 user of "Test business" \(Filter: disabled\) as/, choose: 'JSON' }, { kind: 'saveFile', answer: target });
    await vscode.commands.executeCommand(Cmd.exportUsers, projectNode(project));
    prompts.assertDone();
    const body = JSON.parse(readFileSync(target.fsPath, 'utf8')) as { project: string; users: { login_id: string; disabled: boolean; mqtt_id: string }[] };
    assert.equal(body.project, 'Test business');
    assert.deepEqual(body.users.map((u) => [u.login_id, u.disabled, u.mqtt_id]), [['device-004', true, emu().getUser(P, 'device-004')?.mqttId]]);
  });
});
