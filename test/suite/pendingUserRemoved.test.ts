// A 202 creation whose project is removed at once (commit 7585676): the watch for the user ends quietly. Neither
// "did not appear" (its client's credentials are gone) nor "now exists" for a project no longer shown.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Cmd } from '../../src/contributes';
import { projectNode } from '../../src/tree/nodes';
import type { CreateUserHost } from '../../src/webviews/host/createUserPanel';
import { addProject, createAnswer, script, services, useEmulator, waitFor } from './helpers/world';

const P = 'Local Sandbox';

describe('users: a 202 creation, then its project removed', () => {
  const emu = useEmulator();

  it('says neither "did not appear" nor "now exists" once the project is gone', async () => {
    const s = await services();
    emu().configure({ acceptedCreation: { delayMs: 1500 } });
    const project = await addProject(s, emu());
    const prompts = script(s, { kind: 'confirm', match: /Remove project/, answer: 'Remove' });
    const host = await vscode.commands.executeCommand<CreateUserHost>(Cmd.createUser, projectNode(project));
    assert.equal(await host.submit({ loginId: 'gone-with-project', password: 'Good-pass-77' }), undefined);
    assert.equal(createAnswer(emu(), 'gone-with-project'), 202, 'the server accepted the creation (202)');
    const shownBefore = prompts.shown.length;
    await vscode.commands.executeCommand(Cmd.removeProject, projectNode(project));
    prompts.assertDone();
    assert.equal(s.projects.get(project.id), undefined);

    await waitFor('the server to create the user', () => emu().getUser(P, 'gone-with-project') !== undefined);
    // The watch reads the user once a second: give it two reads past the creation, failing as soon as it speaks.
    const about = () => prompts.shown.slice(shownBefore).filter((m) => /gone-with-project/.test(m.message));
    const deadline = Date.now() + 2500;
    while (Date.now() < deadline && about().length === 0) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(about(), [], 'nothing said about the user of a removed project');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
