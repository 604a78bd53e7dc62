// Issue 13, a team's project: a `mediumOne.projects` definition committed in the workspace's .vscode/settings.json
// (no secret in it) pointing at the runner's emulator shows in the tree marked as coming from Workspace Settings;
// signing in asks for the password and API key once; two users disabled together; the summary offers Undo; Show
// Activity lists the two changes, filters by user, and its "Undo run" enables both again on the server; a single
// disable's summary Undo enables that user again.
import assert from 'node:assert/strict';
import { eventually, expectHidden, expectText, expectVisible } from '../harness/expect.mjs';
import { SEED, VIEW, expectState } from '../harness/flows.mjs';
import { ActivityView } from '../pages/activityView.mjs';
import { waitForStable } from '../pages/pointer.mjs';

export const title = 'teams: a project from workspace settings, sign-in on first use, bulk disable, Show Activity, Undo run, a summary\'s Undo';
export const timeoutMs = 120_000;

const PROJECT = 'Team Plant';
const PAIR = ['device-001', 'device-002'];

/** The workspace's settings as a team would commit them: where and as whom, never a password or API key. */
export const workspaceSettings = (emulator) => ({
  'mediumOne.projects': [{ name: PROJECT, server: emulator.url, role: 'business', loginId: SEED.business.loginId }],
});

/** @param {import('../harness/types').ScenarioContext} ctx */
export default async function teams({ workbench, emulator, shot, step }) {
  const row = (label) => workbench.tree.row(VIEW, label);
  const disabledOnServer = () => emulator.listUsers(SEED.project).filter((u) => u.disabled).map((u) => u.loginId).sort();
  const activity = new ActivityView(workbench);
  // The workbench keeps a finished progress toast a moment after the summary shows: pictures without it (bounded).
  const progressGone = (text) => workbench.notifications.toasts().filter({ hasText: text }).first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
  /** The summary toast slides into the progress toast's place: its picture once it stands still. */
  const settled = (toast) => waitForStable(workbench.page, toast, 5_000);

  await step('1. the project from the workspace settings shows in the tree, marked as such, with no sign-in yet', async () => {
    await workbench.sideBar.openViewContainer('Medium One');
    await expectVisible(row(PROJECT), `the "${PROJECT}" project row`, 30_000);
    await expectText(workbench.tree.description(row(PROJECT)), 'Business · Workspace Settings', 'the project row\'s description (its role and where it is defined)');
    // A folder opened on its own has one settings file: its definition is one project, not a workspace and a folder one.
    assert.deepEqual((await workbench.tree.labels(VIEW)).filter((l) => l === PROJECT), [PROJECT], 'the definition is listed once');
    await workbench.tree.expand(row(PROJECT));
    await expectVisible(row('Sign in to list users'), 'the row offering to sign in', 15_000);
    assert.deepEqual(emulator.calls().map((c) => `${c.method} ${c.path}`), [], 'nothing was sent to the server before the user signs in');
    await workbench.parkMouse();
    await shot('project from workspace settings');
  });

  await step('2. signing in asks for the password and the API key (masked), then lists the users', async () => {
    const asked = async () => workbench.quickInput.message().filter({ hasText: /Its password/ }).first().isVisible();
    await workbench.tree.clickRowCommand(row('Sign in to list users'), asked);
    // The title names the server the credentials go to, as well as the project and the account.
    await workbench.quickInput.waitForTitle(`Sign in to "${PROJECT}" at ${new URL(emulator.url).host} as ${SEED.business.loginId}`);
    assert.equal(await workbench.quickInput.box().getAttribute('type'), 'password', 'the password input is masked');
    await shot('sign-in asks for the password');
    await workbench.quickInput.answerInput(/Its password/, SEED.business.password);
    await workbench.quickInput.answerInput(/project API key/, SEED.apiKey);
    await expectState(workbench, 'device-001', 'enabled', 30_000);
    await expectState(workbench, 'device-004', 'disabled');
    await workbench.parkMouse();
    await shot('users listed');
  });

  await step('3. two users selected and disabled: one confirmation, both disabled on the server, the summary offers Undo', async () => {
    await workbench.tree.select(PAIR.map(row));
    assert.deepEqual(await workbench.tree.selectedLabels(VIEW), PAIR);
    await workbench.contextMenu.choose(row(PAIR[1]), 'Disable User');
    const modal = await workbench.modal.text();
    assert.match(modal.message, new RegExp(`Disable 2 users in ${PROJECT}`));
    await shot('disable confirmation');
    await workbench.modal.clickButton('Disable');
    await expectHidden(workbench.modal.box(), 'the modal');
    await eventually(async () => assert.deepEqual(disabledOnServer(), [...PAIR, 'device-004']), { message: 'both disabled on the server' });
    const summary = await workbench.notifications.waitFor('Disabled 2 of 2');
    await expectVisible(workbench.notifications.button(summary, 'Undo'), 'the summary\'s Undo button');
    for (const id of PAIR) await expectState(workbench, id, 'disabled');
    await progressGone('Disabling 2 users');
    await settled(summary);
    await workbench.parkMouse();
    await shot('disable summary offers undo');
  });

  await step('4. Show Activity lists the two disables of the run, newest first, with Undo and Undo run', async () => {
    await workbench.quickInput.runCommand('Medium One: Show Activity');
    await expectVisible(activity.rowLocators(), 'the activity table', 20_000);
    await eventually(async () => {
      const rows = await activity.rows();
      assert.deepEqual(rows.map((r) => [r.loginId, r.action, r.outcome, r.project]).sort(),
        PAIR.map((id) => [id, 'Disable', 'Succeeded', PROJECT]), 'one row per disabled user');
      for (const r of rows) assert.deepEqual(r.buttons, ['Undo', 'Undo run'], `${r.loginId}'s row offers Undo and Undo run`);
    }, { message: 'the two disable entries' });
    await expectText(activity.parts().summary, '2 entries, newest first.', 'the summary line');
    await workbench.parkMouse();
    await shot('show activity', { readme: 'activity.png', clip: { x: 0, y: 0, width: 1280, height: 480 } });
  });

  await step('5. filtering by one user shows only that user\'s entry', async () => {
    await activity.filterByUser(PAIR[1]);
    await eventually(async () => assert.deepEqual((await activity.rows()).map((r) => r.loginId), [PAIR[1]]), { message: `only ${PAIR[1]}'s row` });
    await expectText(activity.parts().summary, 'Showing 1 of 2 entries, newest first.', 'the summary line');
    await shot('filtered by user');
  });

  await step('6. Undo run: one confirmation, both users enabled again on the server, the view says Undone', async () => {
    await activity.clickInRow(activity.row(PAIR[1], 'Disable'), 'Undo run');
    const modal = await workbench.modal.text();
    assert.match(modal.message, new RegExp(`Enable 2 users in ${PROJECT}`), 'the run is undone as one change of both users');
    await workbench.modal.clickButton('Enable');
    await expectHidden(workbench.modal.box(), 'the modal');
    await eventually(async () => assert.deepEqual(disabledOnServer(), ['device-004']), { message: 'both enabled again on the server' });
    // The filtered view follows the new entries: the disable is Undone, the enable that undid it is listed.
    await eventually(async () => {
      const rows = await activity.rows();
      const mine = (action) => rows.find((r) => r.loginId === PAIR[1] && r.action === action);
      assert.equal(mine('Disable')?.undo, 'Undone', 'the disable row says Undone');
      assert.equal(mine('Enable')?.outcome, 'Succeeded', 'the enable that undid it');
    }, { message: `${PAIR[1]}'s rows after Undo run` });
    await activity.filterByUser('');
    await eventually(async () => {
      const disables = (await activity.rows()).filter((r) => r.action === 'Disable');
      assert.deepEqual(disables.map((r) => [r.loginId, r.undo]).sort(), PAIR.map((id) => [id, 'Undone']), 'both disable rows say Undone');
    }, { message: 'both disables undone' });
    for (const id of PAIR) await expectState(workbench, id, 'enabled');
    await progressGone('Enabling 2 users');
    await settled(await workbench.notifications.waitFor('Enabled 2 of 2'));
    await workbench.parkMouse();
    await shot('run undone');
  });

  await step('7. one user disabled, then Undo in its summary: enabled again on the server, recorded as its undo', async () => {
    await workbench.contextMenu.choose(row('device-003'), 'Disable User');
    await eventually(async () => assert.equal(emulator.getUser(SEED.project, 'device-003')?.disabled, true), { message: 'device-003 disabled on the server' });
    const summary = await workbench.notifications.waitFor('Disabled "device-003"');
    await workbench.notifications.button(summary, 'Undo').click();
    await eventually(async () => assert.equal(emulator.getUser(SEED.project, 'device-003')?.disabled, false), { message: 'device-003 enabled again on the server' });
    await expectState(workbench, 'device-003', 'enabled');
    await eventually(async () => {
      const mine = (await activity.rows()).filter((r) => r.loginId === 'device-003');
      assert.deepEqual(mine.map((r) => [r.action, r.outcome, r.undo]), [['Enable', 'Succeeded', 'Undo'], ['Disable', 'Succeeded', 'Undone']]);
    }, { message: 'Show Activity follows: device-003\'s disable Undone, the enable that undid it' });
  });
}
