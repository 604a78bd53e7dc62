import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Cmd } from '../../src/contributes';
import { addProject, script, serverProfile, services, statesRead, userRow, waitFor, useEmulator } from './helpers/world';

const P = 'Local Sandbox';

describe('bulk outcomes that may have been applied', () => {
  const emu = useEmulator();

  it('a disable whose answers were lost says "may have been applied"; Retry Failed reads each user and resends only what is not done', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    await statesRead(s, project);
    const selection = [await userRow(s, project, 'device-001'), await userRow(s, project, 'device-002')];
    // Every PATCH's answer is lost (after it is applied, on a live session); every read that could settle it fails.
    emu().configure({ faults: { routes: { 'PATCH /v2/users/:id': { dropAfter: 1 }, 'GET /v2/users/:id': { status500: 1 } } } });
    const prompts = script(s, { kind: 'confirm', answer: 'Disable' });
    const ids = ['device-001', 'device-002'];
    let applied: string[] = [];
    let rowStates: (string | undefined)[] = [];
    prompts.respond = (shown, actions) => {
      if (shown.level !== 'error') return undefined;
      // What the lost answers did apply (a server that ended the session answered 401, and that answer was lost).
      applied = ids.filter((id) => emu().getUser(P, id)?.disabled);
      const load = s.users.get(project.id);
      rowStates = ids.map((id) => (load?.status === 'loaded' ? load.users.find((u) => u.loginId === id)?.state : undefined));
      emu().configure({ faults: {} });
      // Meanwhile another admin enables device-002 again: that one must be sent again.
      emu().setDisabled(P, 'device-002', false);
      emu().clearCalls();
      return actions.includes('Retry Failed') ? 'Retry Failed' : undefined;
    };
    await vscode.commands.executeCommand(Cmd.disableUser, selection[0], selection);
    const summary = prompts.shown.find((m) => m.level === 'error')?.message ?? '';
    // Failures are listed as they end, in either order.
    assert.match(summary, /^Disabled 0 of 2\. 2 failed \(device-00[12]: .*may have been applied.*\)\. 2 of the failed may have been applied: refresh to check\.$/);
    if (!serverProfile) assert.deepEqual(applied, ids, 'on the default server every lost answer was applied');
    assert.deepEqual(rowStates, ['error', 'error'], 'the rows no longer claim the old state');

    const retried = await waitFor('the retry summary', () => prompts.shown.find((m) => m.level === 'info' && /Disabled 2 of 2/.test(m.message)));
    const skipped = applied.filter((id) => id !== 'device-002');
    if (skipped.length) assert.match(retried.message, new RegExp(`${skipped.length} of them had already been applied by an earlier try \\(checked, not sent again\\)`));
    else assert.doesNotMatch(retried.message, /already been applied/);
    // A server with short sessions may refuse a resend once (401) before it takes it: each path counts once.
    const resent = [...new Set(emu().calls().filter((c) => c.method === 'PATCH').map((c) => c.path))].sort();
    assert.deepEqual(resent, ids.filter((id) => !skipped.includes(id)).map((id) => `/v2/users/${id}`), 'only what the server does not hold is resent');
    assert.ok(['device-001', 'device-002'].every((id) => emu().getUser(P, id)?.disabled));
    await waitFor('the rows to show it', async () => (await userRow(s, project, 'device-001')).entry.state === 'disabled');
  });
});
