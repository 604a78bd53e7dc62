import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Cmd } from '../../src/contributes';
import type { CreateUserHost } from '../../src/webviews/host/createUserPanel';
import type { ActivityEntry } from '../../src/activity/activityEntry';
import type { Services } from '../../src/services';
import { projectNode } from '../../src/tree/nodes';
import { addProject, SANDBOX, script, services, statesRead, userRow, waitFor, useEmulator } from './helpers/world';

const P = 'Local Sandbox';

/** Every line of every file in the history's folder, as written, once the writes queued so far are done. */
async function historyFiles(s: Services): Promise<{ names: string[]; text: string; entries: ActivityEntry[] }> {
  await s.activity.read();
  const names = readdirSync(s.activity.dir);
  const text = names.map((n) => readFileSync(path.join(s.activity.dir, n), 'utf8')).join('');
  return { names, text, entries: text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as ActivityEntry) };
}

/**
 * Fills activity.jsonl with another project's entries up to `room` bytes short of the rotation size, so the run's
 * later writes rotate it: the search below must then find the run's secrets in activity.1.jsonl too.
 */
function fillHistoryBelowRotation(s: Services, room: number): void {
  const kb = vscode.workspace.getConfiguration('mediumOne').get<number>('activity.maxFileSizeKB') ?? 1024;
  const line = (i: number) => JSON.stringify({ id: `filler-${i}`, time: new Date(0).toISOString(), action: 'enable', projectId: 'filler', projectName: 'Filler', loginId: `f${i}`, outcome: 'succeeded' }) + '\n';
  let text = '';
  for (let i = 0; Buffer.byteLength(text) + Buffer.byteLength(line(i)) <= kb * 1024 - room; i++) text += line(i);
  mkdirSync(s.activity.dir, { recursive: true });
  writeFileSync(path.join(s.activity.dir, 'activity.jsonl'), text);
}

const only = (entries: ActivityEntry[], action: string) => entries.filter((e) => e.action === action);
const summary = (entries: ActivityEntry[]) => entries.map((e) => `${e.loginId ?? ''}:${e.outcome}`).sort();

describe('activity history', () => {
  const emu = useEmulator();
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'm1-activity-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('records a full run (create, password, bulk disable, enable, delete, import, undo) with no secret in any file', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    await statesRead(s, project);
    const secrets = ['Create-secret-41', 'Weak9', 'Changed-secret-77', 'Import-secret-1', 'Import-secret-2', 'Import-secret-3', SANDBOX.adminPassword, SANDBOX.apiKey];
    // Room for the first few entries only: the history rotates during the run.
    fillHistoryBelowRotation(s, 1200);

    // Create: one refused by a server that quotes the refused password in its reason (the reason is recorded), one created.
    emu().configure({ passwordRule: { minLength: 6, message: 'the password Weak9 is too short' } });
    script(s);
    const host = await vscode.commands.executeCommand<CreateUserHost>(Cmd.createUser, projectNode(project));
    assert.ok(await host.submit({ loginId: 'act-new', password: 'Weak9' }), 'the weak password is refused');
    emu().configure({ passwordRule: undefined });
    assert.equal(await host.submit({ loginId: 'act-new', password: 'Create-secret-41' }), undefined);

    let prompts = script(s, { kind: 'input', answer: 'Changed-secret-77' }, { kind: 'input', answer: 'Changed-secret-77' });
    await vscode.commands.executeCommand(Cmd.changePassword, await userRow(s, project, 'device-003'));
    prompts.assertDone();

    // A bulk disable of three; device-002 is deleted behind the extension's back, so its disable fails.
    const selection = await Promise.all(['device-001', 'device-002', 'device-003'].map((id) => userRow(s, project, id)));
    emu().removeUser(P, 'device-002');
    prompts = script(s, { kind: 'confirm', answer: 'Disable' });
    await vscode.commands.executeCommand(Cmd.disableUser, selection[0], selection);
    assert.match(prompts.shown.at(-1)?.message ?? '', /Disabled 2 of 3/);
    // Another admin then puts device-002 back, disabled: Undo of the run must leave it so.
    emu().putUser(P, { loginId: 'device-002', password: 'Device-pass-1', disabled: true });

    script(s);
    await vscode.commands.executeCommand(Cmd.enableUser, await userRow(s, project, 'device-004'));
    prompts = script(s, { kind: 'confirm', answer: 'Delete' });
    await vscode.commands.executeCommand(Cmd.deleteUser, await userRow(s, project, 'device-005'));
    prompts.assertDone();

    const csv = path.join(dir, 'people.csv');
    writeFileSync(csv, 'login_id,password\nimp-a,Import-secret-1\nimp-b,Import-secret-2\n,Import-secret-3\n');
    prompts = script(s, { kind: 'openFile', answer: vscode.Uri.file(csv) }, { kind: 'confirm', answer: 'Create 2 Users' });
    await vscode.commands.executeCommand(Cmd.importUsers, projectNode(project));
    prompts.assertDone();

    const disables = only(await s.activity.read(), 'disable');
    const runId = disables[0].runId!;
    prompts = script(s, { kind: 'confirm', match: /Enable 2 users/, answer: 'Enable' });
    await vscode.commands.executeCommand(Cmd.undoActivity, { runId });
    prompts.assertDone();
    assert.deepEqual(emu().listUsers(P).filter((u) => u.loginId.startsWith('device-')).map((u) => [u.loginId, u.disabled]),
      [['device-001', false], ['device-002', true], ['device-003', false], ['device-004', false]], 'Undo re-enabled exactly the users the run disabled');

    const { names, text, entries: all } = await historyFiles(s);
    assert.deepEqual(names.sort(), ['activity.1.jsonl', 'activity.jsonl'], 'the history rotated during the run');
    for (const name of names) {
      assert.ok(readFileSync(path.join(s.activity.dir, name), 'utf8').includes(project.id), `${name} holds entries of the run`);
    }
    for (const secret of secrets) assert.ok(!text.includes(secret), `the history holds no "${secret}"`);
    const entries = all.filter((e) => e.projectId !== 'filler');
    assert.ok(entries.every((e) => e.projectId === project.id && e.projectName === project.name && !Number.isNaN(Date.parse(e.time))));
    assert.deepEqual(summary(only(entries, 'create')), ['act-new:failed', 'act-new:succeeded']);
    assert.match(only(entries, 'create').find((e) => e.outcome === 'failed')?.reason ?? '', /the password ••• is too short/, 'the server\'s reason, its password masked');
    assert.deepEqual(summary(only(entries, 'changePassword')), ['device-003:succeeded']);
    assert.deepEqual(summary(disables), ['device-001:succeeded', 'device-002:failed', 'device-003:succeeded']);
    assert.equal(new Set(disables.map((e) => e.runId)).size, 1, 'one run, one runId');
    assert.ok(disables.find((e) => e.outcome === 'failed')?.reason, 'the failure says why');
    assert.deepEqual(summary(only(entries, 'delete')), ['device-005:succeeded']);
    const imports = only(entries, 'importRow');
    assert.deepEqual(summary(imports), [':notRun', 'imp-a:succeeded', 'imp-b:succeeded']);
    assert.match(imports.find((e) => !e.loginId)?.reason ?? '', /^line 4: /);
    assert.equal(new Set(imports.map((e) => e.runId)).size, 1);
    const enables = only(entries, 'enable');
    assert.deepEqual(summary(enables), ['device-001:succeeded', 'device-003:succeeded', 'device-004:succeeded']);
    const undone = enables.filter((e) => e.undoOf);
    assert.deepEqual(undone.map((e) => [e.loginId, e.undoOf]).sort(),
      disables.filter((e) => e.outcome === 'succeeded').map((e) => [e.loginId, e.id]).sort(), 'each undo entry names the entry it undid');
    assert.equal(new Set(undone.map((e) => e.runId)).size, 1);
    assert.notEqual(undone[0].runId, runId);
  });

  it('undoes one entry: re-enables that user only; a user already back as before is left alone and named', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    await statesRead(s, project);
    script(s);
    await vscode.commands.executeCommand(Cmd.disableUser, await userRow(s, project, 'device-001'));
    await vscode.commands.executeCommand(Cmd.disableUser, await userRow(s, project, 'device-002'));
    const [second, first] = only(await s.activity.read(), 'disable');
    assert.deepEqual([first.loginId, second.loginId], ['device-001', 'device-002']);

    await vscode.commands.executeCommand(Cmd.undoActivity, { entryId: first.id });
    assert.equal(emu().getUser(P, 'device-001')?.disabled, false);
    assert.equal(emu().getUser(P, 'device-002')?.disabled, true, 'the other entry is not undone');
    await waitFor('the row to show it', async () => (await userRow(s, project, 'device-001')).entry.state === 'enabled');
    const undo = (await s.activity.read())[0];
    assert.deepEqual([undo.action, undo.loginId, undo.outcome, undo.undoOf], ['enable', 'device-001', 'succeeded', first.id]);

    // Someone enabled device-002 meanwhile (and the tree has read it): Undo sends nothing and says so.
    emu().setDisabled(P, 'device-002', false);
    s.users.invalidate(project.id);
    await statesRead(s, project);
    emu().clearCalls();
    const prompts = script(s);
    await vscode.commands.executeCommand(Cmd.undoActivity, { entryId: second.id });
    assert.equal(emu().calls().filter((c) => c.method === 'PATCH').length, 0);
    assert.match(prompts.shown.at(-1)?.message ?? '', /Already as before, left alone: device-002\./);
  });

  it('records a Retry Failed as a run of its own: the failures first, then what the retry did', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    await statesRead(s, project);
    const selection = await Promise.all(['device-001', 'device-002'].map((id) => userRow(s, project, id)));
    emu().configure({ faults: { routes: { 'PATCH /v2/users/:id': { status500: 1 } } } });
    const prompts = script(s, { kind: 'confirm', answer: 'Disable' });
    prompts.respond = (shown, actions) => {
      if (shown.level !== 'error') return undefined;
      emu().configure({ faults: {} });
      return actions.includes('Retry Failed') ? 'Retry Failed' : undefined;
    };
    await vscode.commands.executeCommand(Cmd.disableUser, selection[0], selection);
    await waitFor('the retry to disable both', () => ['device-001', 'device-002'].every((id) => emu().getUser(P, id)?.disabled));
    const entries = await waitFor('the retry entries', async () => {
      const all = only(await s.activity.read(), 'disable');
      return all.length === 4 ? all : undefined;
    });
    const [retry, first] = [entries.slice(0, 2), entries.slice(2)];
    assert.deepEqual(summary(first), ['device-001:failed', 'device-002:failed']);
    assert.match(first[0].reason ?? '', /500/);
    assert.deepEqual(summary(retry), ['device-001:succeeded', 'device-002:succeeded']);
    assert.equal(new Set(retry.map((e) => e.runId)).size, 1);
    assert.notEqual(retry[0].runId, first[0].runId);
  });

  it('offers Undo in an enable/disable run\'s summary, which undoes that run', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    await statesRead(s, project);
    const selection = await Promise.all(['device-001', 'device-003'].map((id) => userRow(s, project, id)));
    const prompts = script(s, { kind: 'confirm', answer: 'Disable' }, { kind: 'confirm', match: /Enable 2 users/, answer: 'Enable' });
    let offered: string[] = [];
    prompts.respond = (shown, actions) => {
      if (!/Disabled 2 of 2/.test(shown.message)) return undefined;
      offered = actions;
      return 'Undo';
    };
    await vscode.commands.executeCommand(Cmd.disableUser, selection[0], selection);
    assert.deepEqual(offered, ['Undo']);
    await waitFor('the undo to re-enable both', () => ['device-001', 'device-003'].every((id) => emu().getUser(P, id)?.disabled === false));
    await waitFor('the undo entries', async () => only(await s.activity.read(), 'enable').filter((e) => e.undoOf).length === 2);
  });

  it('a history that cannot be written is a warning, the change is still made, and recording resumes once it can be', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    await statesRead(s, project);
    rmSync(s.activity.dir, { recursive: true, force: true });
    writeFileSync(s.activity.dir, 'a file where the folder should be');
    try {
      const prompts = script(s);
      await vscode.commands.executeCommand(Cmd.disableUser, await userRow(s, project, 'device-002'));
      const warning = await waitFor('the warning', () => prompts.shown.find((m) => m.level === 'warn' && /activity history could not be written/.test(m.message)));
      assert.match(warning.message, /Changes are still made, but not recorded until the history can be written\.$/);
      assert.equal(emu().getUser(P, 'device-002')?.disabled, true, 'the change itself was made');
    } finally {
      rmSync(s.activity.dir, { force: true });
    }
    script(s);
    await vscode.commands.executeCommand(Cmd.enableUser, await userRow(s, project, 'device-002'));
    assert.deepEqual((await s.activity.read()).map((e) => [e.action, e.loginId, e.outcome]), [['enable', 'device-002', 'succeeded']]);
  });
});
