import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Cmd } from '../../src/contributes';
import type { ActivityEntry } from '../../src/activity/activityEntry';
import type { EditProjectHost } from '../../src/webviews/host/editProjectPanel';
import { projectNode } from '../../src/tree/nodes';
import { addProject, SANDBOX, script, services, startEmulator, statesRead, userRow, useEmulator } from './helpers/world';

const P = 'Local Sandbox';
const patches = (calls: { method: string }[]) => calls.filter((c) => c.method === 'PATCH').length;

describe('activity undo: only the latest change of a user', () => {
  const emu = useEmulator();
  /** A project whose view has read every state, and the history's entry of one user disabled from the tree. */
  const disabledFromTree = async (loginId: string) => {
    const s = await services();
    const project = await addProject(s, emu());
    await statesRead(s, project);
    script(s);
    await vscode.commands.executeCommand(Cmd.disableUser, await userRow(s, project, loginId));
    return { s, project, disabled: (await s.activity.read())[0] };
  };

  it('an old run\'s Undo leaves a user changed again since, undoes the rest, and a second Undo sends nothing', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    await statesRead(s, project);
    const selection = await Promise.all(['device-001', 'device-003'].map((id) => userRow(s, project, id)));
    script(s, { kind: 'confirm', answer: 'Disable' });
    await vscode.commands.executeCommand(Cmd.disableUser, selection[0], selection);
    const runId = (await s.activity.read()).find((e: ActivityEntry) => e.action === 'disable')!.runId!;
    // device-001 is enabled, then disabled again, from the tree: the run's Undo must not enable it now.
    script(s);
    await vscode.commands.executeCommand(Cmd.enableUser, await userRow(s, project, 'device-001'));
    await vscode.commands.executeCommand(Cmd.disableUser, await userRow(s, project, 'device-001'));

    let prompts = script(s);
    await vscode.commands.executeCommand(Cmd.undoActivity, { runId });
    assert.equal(emu().getUser(P, 'device-001')?.disabled, true, 'the later disable stands');
    assert.equal(emu().getUser(P, 'device-003')?.disabled, false, 'the rest of the run is undone');
    assert.ok(prompts.shown.some((p) => /Changed again since, left alone .*: device-001\./.test(p.message)), prompts.shown.map((p) => p.message).join(' | '));

    emu().clearCalls();
    prompts = script(s);
    await vscode.commands.executeCommand(Cmd.undoActivity, { runId });
    assert.equal(patches(emu().calls()), 0, 'nothing sent again');
    assert.match(prompts.shown.at(-1)?.message ?? '', /Nothing to undo: device-001 changed again since/);
  });

  it('an entry already undone is not undone twice, even when the user was changed back meanwhile', async () => {
    const { s, disabled } = await disabledFromTree('device-002');
    await vscode.commands.executeCommand(Cmd.undoActivity, { entryId: disabled.id });
    assert.equal(emu().getUser(P, 'device-002')?.disabled, false);
    // Another admin disables it again; the old entry's Undo (a summary clicked late) must not enable it.
    emu().setDisabled(P, 'device-002', true);
    emu().clearCalls();
    const prompts = script(s);
    await vscode.commands.executeCommand(Cmd.undoActivity, { entryId: disabled.id });
    assert.equal(patches(emu().calls()), 0);
    assert.equal(emu().getUser(P, 'device-002')?.disabled, true);
    assert.match(prompts.shown.at(-1)?.message ?? '', /already undone \(device-002\)/);
  });

  it('the view behind the server: Undo asks the server before it says "already as before", and the row follows', async () => {
    const { s, project, disabled } = await disabledFromTree('device-002');
    // Another admin enables it, the view is refreshed, then they disable it again: the view still says enabled.
    emu().setDisabled(P, 'device-002', false);
    s.users.invalidate(project.id);
    await statesRead(s, project);
    emu().setDisabled(P, 'device-002', true);
    assert.equal((await userRow(s, project, 'device-002')).entry.state, 'enabled', 'the view is behind the server');
    const prompts = script(s);
    await vscode.commands.executeCommand(Cmd.undoActivity, { entryId: disabled.id });
    assert.equal(emu().getUser(P, 'device-002')?.disabled, false, 'the disable is undone on the server');
    assert.ok(!prompts.shown.some((p) => /Already as before/.test(p.message)), prompts.shown.map((p) => p.message).join(' | '));
    assert.equal((await userRow(s, project, 'device-002')).entry.state, 'enabled');
  });

  it('a change made before Edit Project moved the project to another server is left alone, and that server hears nothing', async () => {
    const { s, project, disabled } = await disabledFromTree('device-002');
    assert.equal(disabled.server, emu().url, 'the entry keeps the server the change was made on');
    const other = await startEmulator();
    try {
      // The same project, moved to another server holding the same login_ids (as a sandbox and production may).
      const host = await vscode.commands.executeCommand<EditProjectHost>(Cmd.editProject, projectNode(project));
      const values = { name: project.name, baseUrl: other.url, role: 'business' as const, loginId: SANDBOX.admin, production: false };
      assert.equal(await host.save({ ...values, password: SANDBOX.adminPassword, apiKey: SANDBOX.apiKey }, { skipConnectionTest: true }), undefined);
      assert.equal(s.projects.get(project.id)?.baseUrl, other.url);
      other.clearCalls();
      const prompts = script(s);
      await vscode.commands.executeCommand(Cmd.undoActivity, { entryId: disabled.id });
      assert.deepEqual(other.calls().map((c) => `${c.method} ${c.path}`), [], 'nothing sent to the server the change never touched');
      assert.equal(other.getUser(P, 'device-002')?.disabled, false);
      assert.equal(emu().getUser(P, 'device-002')?.disabled, true, 'nor to the old one, which the project no longer names');
      assert.match(prompts.shown.at(-1)?.message ?? '', /Changed on a server the project no longer points at, left alone there: device-002\./);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await other.stop();
    }
  });

  it('a project that cannot be listed now says why, rather than calling its users gone', async () => {
    const { s, project, disabled } = await disabledFromTree('device-003');
    emu().configure({ faults: { routes: { 'GET /v2/users': { malformedJson: 1 } } } });
    s.users.invalidate(project.id);
    emu().clearCalls();
    const prompts = script(s);
    await vscode.commands.executeCommand(Cmd.undoActivity, { entryId: disabled.id });
    emu().configure({ faults: {} });
    assert.equal(patches(emu().calls()), 0);
    const told = prompts.shown.map((p) => `${p.level}: ${p.message}`);
    assert.ok(told.some((t) => t.startsWith('error: ')), told.join(' | '));
    assert.ok(!told.some((t) => /No longer there/.test(t)), told.join(' | '));
  });
});
