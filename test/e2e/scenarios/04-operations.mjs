// Issue 4, operations on existing users against the runner's emulator: change password (context menu), disable and
// enable from the context menu and from the inline icons, a multi-selection confirmed once, delete with its modal,
// and the filter.
import assert from 'node:assert/strict';
import { eventually, expectHidden, expectText, expectVisible } from '../harness/expect.mjs';
import { SEED, VIEW, addProject, expectState, stateOf } from '../harness/flows.mjs';

export const title = 'operations: change password, enable/disable (menu, inline, multi-select), delete, filter';
export const timeoutMs = 150_000;

const NEW_PASSWORD = 'Fresh-pass-77';

/** @param {import('../harness/types').ScenarioContext} ctx */
export default async function operations({ workbench, emulator, shot, step, secret, page }) {
  const row = (label) => workbench.treeRow(VIEW, label);
  const disabledOnServer = () => emulator.listUsers(SEED.project).filter((u) => u.disabled).map((u) => u.loginId).sort();
  const userLabels = async () => (await workbench.treeLabels(VIEW)).filter((l) => l.startsWith('device-'));
  secret(NEW_PASSWORD, 'the new password typed in Change Password');
  await workbench.openViewContainer('Medium One');
  await addProject(workbench, { name: 'Plant A', baseUrl: emulator.url, loginId: SEED.business.loginId, password: SEED.business.password });
  await expectState(workbench, 'device-001', 'enabled');

  await step('10. Change Password from the context menu (two password inputs): the user signs in with it', async () => {
    await workbench.chooseContextMenuItem(row('device-003'), 'Change Password…');
    await workbench.answerInput(/New password/, NEW_PASSWORD);
    await workbench.answerInput(/Type the new password again/, NEW_PASSWORD);
    await workbench.waitForNotification('Password of "device-003" changed');
    assert.ok(emulator.checkPassword(SEED.project, 'device-003', NEW_PASSWORD), 'the new password works');
    assert.ok(!emulator.checkPassword(SEED.project, 'device-003', 'Device-pass-1'), 'the old one does not');
  });

  await step('11a. Disable, then Enable, from the context menu', async () => {
    await workbench.chooseContextMenuItem(row('device-002'), 'Disable User');
    await eventually(async () => assert.equal(emulator.getUser(SEED.project, 'device-002')?.disabled, true), { message: 'device-002 disabled on the server' });
    await expectState(workbench, 'device-002', 'disabled');
    await workbench.waitForNotification('Disabled "device-002"');
    await workbench.openContextMenu(row('device-002'));
    const items = await workbench.contextMenuItems();
    assert.ok(items.includes('Enable User') && !items.includes('Disable User'), `a disabled user's menu offers Enable, not Disable (${items.join(', ')})`);
    await page.keyboard.press('Escape');
    await workbench.chooseContextMenuItem(row('device-002'), 'Enable User');
    await eventually(async () => assert.equal(emulator.getUser(SEED.project, 'device-002')?.disabled, false), { message: 'device-002 enabled on the server' });
    await expectState(workbench, 'device-002', 'enabled');
  });

  await step('11b. Disable, then Enable, from the inline icons', async () => {
    await workbench.clickInlineAction(row('device-003'), 'Disable User');
    await eventually(async () => assert.equal(emulator.getUser(SEED.project, 'device-003')?.disabled, true), { message: 'device-003 disabled on the server' });
    await expectState(workbench, 'device-003', 'disabled');
    await workbench.clickInlineAction(row('device-003'), 'Enable User');
    await eventually(async () => assert.equal(emulator.getUser(SEED.project, 'device-003')?.disabled, false), { message: 'device-003 enabled on the server' });
    await expectState(workbench, 'device-003', 'enabled');
  });

  await step('12a. three users selected with Shift+click, Disable: one modal names them, all three disabled', async () => {
    await workbench.selectRange(row('device-001'), row('device-003'));
    assert.deepEqual(await workbench.selectedLabels(VIEW), ['device-001', 'device-002', 'device-003']);
    await workbench.chooseContextMenuItem(row('device-003'), 'Disable User');
    const modal = await workbench.dialogText();
    assert.match(modal.message, /Disable 3 users in Plant A/);
    assert.match(modal.detail, /device-001[\s\S]*device-002[\s\S]*device-003/, 'the modal names the three');
    await shot('bulk disable confirmation');
    await workbench.clickDialogButton('Disable');
    await expectHidden(workbench.dialog(), 'the modal');
    await eventually(async () => assert.deepEqual(disabledOnServer(), ['device-001', 'device-002', 'device-003', 'device-004']), { message: 'the three are disabled on the server' });
    await workbench.waitForNotification('Disabled 3 of 3');
    for (const id of ['device-001', 'device-002', 'device-003']) await expectState(workbench, id, 'disabled');
  });

  await step('12b. two users selected with Ctrl+click, Enable: one modal, both enabled', async () => {
    await workbench.selectRows([row('device-001'), row('device-003')]);
    assert.deepEqual(await workbench.selectedLabels(VIEW), ['device-001', 'device-003']);
    await workbench.chooseContextMenuItem(row('device-001'), 'Enable User');
    const modal = await workbench.dialogText();
    assert.match(modal.message, /Enable 2 users in Plant A/);
    await workbench.clickDialogButton('Enable');
    await eventually(async () => assert.deepEqual(disabledOnServer(), ['device-002', 'device-004']), { message: 'both enabled on the server' });
    await expectState(workbench, 'device-001', 'enabled');
    await expectState(workbench, 'device-003', 'enabled');
  });

  await step('13. Delete: a modal names the user and warns that its event data is deleted; Cancel keeps it', async () => {
    await workbench.chooseContextMenuItem(row('device-005'), 'Delete User…');
    let modal = await workbench.dialogText();
    assert.match(modal.message, /Delete "device-005" in Plant A/);
    assert.match(modal.detail, /event data is deleted too/);
    await shot('delete confirmation');
    await workbench.clickDialogButton('Cancel');
    await expectHidden(workbench.dialog(), 'the modal');
    assert.ok(emulator.getUser(SEED.project, 'device-005'), 'Cancel deletes nothing');
    await workbench.chooseContextMenuItem(row('device-005'), 'Delete User…');
    modal = await workbench.dialogText();
    await workbench.clickDialogButton('Delete');
    await eventually(async () => assert.equal(emulator.getUser(SEED.project, 'device-005'), undefined), { message: 'device-005 deleted on the server' });
    await expectHidden(row('device-005'), 'the deleted user\'s row');
    await workbench.waitForNotification('Deleted "device-005"');
  });

  await step('17. Filter Users… by text and state shows only matching rows and says so; Clear Filter restores', async () => {
    await workbench.runCommand('Medium One: Filter Users…');
    await workbench.answerInput(/login_id contains/, 'device-00');
    await workbench.answerPick('disabled');
    await page.keyboard.press('Enter');
    await eventually(async () => assert.deepEqual(await userLabels(), ['device-002', 'device-004']), { message: 'only the disabled device-00* rows' });
    for (const id of await userLabels()) assert.equal(await stateOf(workbench, id), 'disabled');
    const description = await workbench.viewDescription(VIEW);
    assert.equal(description.text, 'Filter: "device-00" · disabled', 'the view description shows the filter');
    // VS Code hides the pane header (and with it the description) when the view is alone in its container: the
    // view's message, above the rows, is what a user sees, with the title bar's Clear Filter.
    await expectText(workbench.viewMessage(VIEW), /Filter: state = disabled, "device-00" — 2 of \d+ shown/, 'the view\'s message names the filter');
    await expectVisible(await workbench.titleAction(VIEW, 'Clear Filter'), 'the Clear Filter title action');
    await workbench.parkMouse();
    await shot('filtered');
    await workbench.clickViewTitleAction(VIEW, 'Clear Filter');
    await eventually(async () => assert.deepEqual(await userLabels(), ['device-001', 'device-002', 'device-003', 'device-004']), { message: 'Clear Filter restores every row' });
    assert.equal((await workbench.viewDescription(VIEW)).text, '', 'no filter description');
    await expectHidden(workbench.viewMessage(VIEW), 'the filter message');
  });
}
