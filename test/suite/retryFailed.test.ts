import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Cmd } from '../../src/commands/ids';
import { addProject, script, services, userRow, waitFor, useEmulator } from './helpers/world';

const P = 'Local Sandbox';

describe('bulk outcomes that may have been applied', () => {
  const emu = useEmulator();

  it('a disable whose answers were lost says "may have been applied"; Retry Failed reads each user and resends only what is not done', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    const selection = [await userRow(s, project, 'device-001'), await userRow(s, project, 'device-002')];
    // Every PATCH is applied and its answer lost; every read that could settle it fails: the outcome is unknown.
    emu().configure({ faults: { routes: { 'PATCH /v2/users/:id': { dropAfter: 1 }, 'GET /v2/users/:id': { status500: 1 } } } });
    const prompts = script(s, { kind: 'confirm', answer: 'Disable' });
    prompts.respond = (shown, actions) => {
      if (shown.level !== 'error') return undefined;
      emu().configure({ faults: {} });
      // Meanwhile another admin enables device-002 again: that one must be sent again, device-001 not.
      emu().setDisabled(P, 'device-002', false);
      emu().clearCalls();
      return actions.includes('Retry Failed') ? 'Retry Failed' : undefined;
    };
    await vscode.commands.executeCommand(Cmd.disableUser, selection[0], selection);
    const summary = prompts.shown.find((m) => m.level === 'error')?.message ?? '';
    assert.match(summary, /^Disabled 0 of 2\. 2 failed \(device-001: .*may have been applied.*\)\. 2 of the failed may have been applied: refresh to check\.$/);

    const retried = await waitFor('the retry summary', () => prompts.shown.find((m) => m.level === 'info' && /Disabled 2 of 2/.test(m.message)));
    assert.match(retried.message, /1 of them had already been applied by an earlier try \(checked, not sent again\)/);
    assert.deepEqual(emu().calls().filter((c) => c.method === 'PATCH').map((c) => c.path), ['/v2/users/device-002'], 'only the undone one is resent');
    assert.ok(['device-001', 'device-002'].every((id) => emu().getUser(P, id)?.disabled));
    await waitFor('the rows to show it', async () => (await userRow(s, project, 'device-001')).entry.state === 'disabled');
  });
});
