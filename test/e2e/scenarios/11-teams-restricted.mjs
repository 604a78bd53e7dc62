// Issue 13, a team's project in a workspace the user has not trusted: the editor opens the folder in Restricted
// Mode, so the `mediumOne.projects` definition in its .vscode/settings.json is not used (nothing is sent to the
// server it names) and the view says why; trusting the workspace brings the project in at once.
import assert from 'node:assert/strict';
import { eventually, expectText, expectVisible } from '../harness/expect.mjs';
import { SEED, VIEW } from '../harness/flows.mjs';
import { ActivityView } from '../pages/activityView.mjs';
import { WorkspaceTrust } from '../pages/workspaceTrust.mjs';

export const title = 'teams, untrusted workspace: the workspace-defined project is ignored until the workspace is trusted';
export const timeoutMs = 90_000;
/** The view's behaviour here does not depend on the theme (11-teams shows the project in both). */
export const themes = ['light'];
/** Workspace trust on, no startup prompt: the folder opens in Restricted Mode (scripts/editor/codeServer.mjs). */
export const restricted = true;

const PROJECT = 'Team Plant';

export const workspaceSettings = (emulator) => ({
  'mediumOne.projects': [{ name: PROJECT, server: emulator.url, role: 'business', loginId: SEED.business.loginId }],
});

/** @param {import('../harness/types').ScenarioContext} ctx */
export default async function teamsRestricted({ workbench, emulator, shot, step }) {
  const row = (label) => workbench.tree.row(VIEW, label);
  const trust = new WorkspaceTrust(workbench);
  const activity = new ActivityView(workbench);

  await step('1. Restricted Mode: the project of the workspace settings is not used, nothing is sent to its server', async () => {
    await expectVisible(trust.restrictedIndicator(), 'the status bar\'s Restricted Mode entry');
    await workbench.sideBar.openViewContainer('Medium One');
    // The welcome view shows before the extension has read its projects too: judge once it is active (one of its
    // commands answered; its webviews work in Restricted Mode).
    await workbench.quickInput.runCommand('Medium One: Show Activity');
    await expectText(activity.parts().empty, /^No activity yet/, 'the empty activity history', 30_000);
    // VS Code hands no extension a restricted setting from an untrusted workspace: the welcome view says why.
    await expectVisible(workbench.sideBar.welcomeButton(VIEW, 'Add Project'), 'the welcome view (no project)', 30_000);
    await expectText(workbench.sideBar.welcomeContent(VIEW), /projects defined in its settings \(the mediumOne\.projects setting\) are not used until you trust it/,
      'the welcome view\'s untrusted-workspace line');
    assert.equal(await row(PROJECT).isVisible(), false, `no "${PROJECT}" row`);
    assert.deepEqual(emulator.calls().map((c) => `${c.method} ${c.path}`), [], 'nothing was sent to the server the workspace names');
    await workbench.parkMouse();
    await shot('untrusted workspace project ignored');
  });

  await step('2. Manage Workspace Trust from the welcome view, Trust: the project from the settings is listed', async () => {
    await workbench.sideBar.welcomeButton(VIEW, 'Manage Workspace Trust').click();
    await trust.trustInEditor();
    await expectVisible(row(PROJECT), `the "${PROJECT}" project row`, 30_000);
    await eventually(async () => assert.match(await workbench.tree.description(row(PROJECT)).innerText(), /Workspace Settings/), { message: 'the row is marked Workspace Settings' });
    await workbench.parkMouse();
    await shot('trusted workspace project listed');
  });
}
