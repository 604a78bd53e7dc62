import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Cmd } from '../../src/contributes';
import type { ReportIssueOutcome } from '../../src/commands/view/reportIssue';
import { resetWorld, script, services } from './helpers/world';

const ISSUES = 'https://github.com/mediumone-tools/vscode-mediumone-api-users/issues';

// These suites run in code-server, a browser editor: there Report Issue offers the issues page (the workbench's
// reporter would open a GitHub tab and a pop-up, and unloads code-server 4.100's page). The desktop editor's
// reporter is not reachable from here.
describe('Report Issue', () => {
  afterEach(async () => {
    await vscode.workspace.getConfiguration('telemetry').update('feedback.enabled', undefined, vscode.ConfigurationTarget.Global);
    await resetWorld(await services());
  });

  for (const feedback of [undefined, false]) {
    it(`offers this extension's issues page in code-server and copies its link (telemetry.feedback.enabled ${String(feedback ?? 'unset')})`, async () => {
      assert.equal(vscode.env.uiKind, vscode.UIKind.Web, 'the extension-host suites run in code-server');
      await vscode.workspace.getConfiguration('telemetry').update('feedback.enabled', feedback, vscode.ConfigurationTarget.Global);
      const prompts = script(await services());
      prompts.respond = (_shown, actions) => actions.find((a) => a === 'Copy Link');
      await vscode.env.clipboard.writeText('');

      const outcome = await vscode.commands.executeCommand<ReportIssueOutcome>(Cmd.reportIssue);

      assert.deepEqual(outcome, { via: 'bugsPage', url: ISSUES });
      assert.deepEqual(prompts.shown.map((m) => m.level), ['info'], 'one message, no error');
      assert.ok(prompts.shown[0].message.includes(ISSUES), prompts.shown[0].message);
      assert.equal(await vscode.env.clipboard.readText(), ISSUES);
    });
  }
});
