import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Cmd } from '../../src/contributes';
import type { ActivityEntry } from '../../src/activity/activityEntry';
import { addProject, script, services, statesRead, userRow, useEmulator } from './helpers/world';

const P = 'Local Sandbox';
const patches = (calls: { method: string }[]) => calls.filter((c) => c.method === 'PATCH').length;

describe('activity undo: only the latest change of a user', () => {
  const emu = useEmulator();

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
    const s = await services();
    const project = await addProject(s, emu());
    await statesRead(s, project);
    script(s);
    await vscode.commands.executeCommand(Cmd.disableUser, await userRow(s, project, 'device-002'));
    const disabled = (await s.activity.read())[0];
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

  it('a project that cannot be listed now says why, rather than calling its users gone', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    await statesRead(s, project);
    script(s);
    await vscode.commands.executeCommand(Cmd.disableUser, await userRow(s, project, 'device-003'));
    const disabled = (await s.activity.read())[0];
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
