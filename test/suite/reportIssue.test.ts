import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Cmd } from '../../src/contributes';
import type { ReportIssueOutcome } from '../../src/commands/view/reportIssue';
import { resetWorld, script, services } from './helpers/world';

const ISSUES = 'https://github.com/mediumone-tools/vscode-mediumone-api-users/issues';

describe('Report Issue', () => {
  afterEach(async () => {
    await vscode.workspace.getConfiguration('telemetry').update('feedback.enabled', undefined, vscode.ConfigurationTarget.Global);
    await resetWorld(await services());
  });

  it("opens the editor's issue reporter for this extension, with no error shown", async () => {
    const prompts = script(await services());
    // code-server's reporter takes the repository from package.json's bugs URL and opens a new GitHub issue there.
    const outcome = await vscode.commands.executeCommand<ReportIssueOutcome>(Cmd.reportIssue);
    assert.deepEqual(outcome, { via: 'issueReporter' });
    assert.deepEqual(prompts.shown, []);
  });

  it('offers the issues page, and copies its link, where the reporter is turned off', async () => {
    // With feedback off, code-server's reporter would only say "Feedback is disabled.": a dead end for the user.
    await vscode.workspace.getConfiguration('telemetry').update('feedback.enabled', false, vscode.ConfigurationTarget.Global);
    const prompts = script(await services());
    prompts.respond = (_shown, actions) => actions.find((a) => a === 'Copy Link');
    await vscode.env.clipboard.writeText('');

    const outcome = await vscode.commands.executeCommand<ReportIssueOutcome>(Cmd.reportIssue);

    assert.deepEqual(outcome, { via: 'bugsPage', url: ISSUES });
    assert.deepEqual(prompts.shown.map((m) => m.level), ['info']);
    assert.ok(prompts.shown[0].message.includes(ISSUES), prompts.shown[0].message);
    assert.equal(await vscode.env.clipboard.readText(), ISSUES);
  });
});
