import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Cmd } from '../../src/contributes';
import type { ReportIssueOutcome } from '../../src/commands/view/reportIssue';
import { resetWorld, script, services } from './helpers/world';

// The path where feedback is turned off (telemetry.feedback.enabled false: the issues page, Open or Copy Link) is
// not run here: writing that setting unloads code-server's page in this harness, which restarts every suite.
describe('Report Issue', () => {
  afterEach(async () => resetWorld(await services()));

  it("opens the editor's issue reporter for this extension, with no error shown", async () => {
    const prompts = script(await services());
    // code-server's reporter takes this repository from package.json's bugs URL and opens a new GitHub issue there.
    const outcome = await vscode.commands.executeCommand<ReportIssueOutcome>(Cmd.reportIssue);
    assert.deepEqual(outcome, { via: 'issueReporter' });
    assert.deepEqual(prompts.shown, []);
  });
});
