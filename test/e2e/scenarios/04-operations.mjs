// Issue 4, operations on existing users against the runner's emulator: change password (context menu), disable and
// enable from the context menu and from the inline icons, a multi-selection confirmed once, delete with its modal,
// and the filter.
import assert from 'node:assert/strict';
import { eventually, expectHidden, expectText, expectVisible } from '../harness/expect.mjs';
import { SEED, VIEW, expectState, startWithSeedProject, stateOf } from '../harness/flows.mjs';

export const title = 'operations: change password, enable/disable (menu, inline, multi-select), delete, filter';
export const timeoutMs = 150_000;
/** Quick picks, menus, dialogs and tree rows are VS Code's own in every theme: the light run proves them (01-sandbox,
 * 03-create, 08-provisioning and 11-teams also run dark, for the extension's own views and webviews). Keeps CI short. */
export const themes = ['light'];

const NEW_PASSWORD = 'Fresh-pass-77';

/** @param {import('../harness/types').ScenarioContext} ctx */
export default async function operations({ workbench, emulator, shot, step, secret }) {
  const row = (label) => workbench.tree.row(VIEW, label);
  const disabledOnServer = () => emulator.listUsers(SEED.project).filter((u) => u.disabled).map((u) => u.loginId).sort();
  const userLabels = async () => (await workbench.tree.labels(VIEW)).filter((l) => l.startsWith('device-'));
  secret(NEW_PASSWORD, 'the new password typed in Change Password');
  await startWithSeedProject(workbench, emulator);

  await step('10. Change Password from the context menu (two password inputs): the user signs in with it', async () => {
    await workbench.contextMenu.choose(row('device-003'), 'Change Password…');
    await workbench.quickInput.answerInput(/New password/, NEW_PASSWORD);
    await workbench.quickInput.answerInput(/Type the new password again/, NEW_PASSWORD);
    await workbench.notifications.waitFor('Password of "device-003" changed');
    assert.ok(emulator.checkPassword(SEED.project, 'device-003', NEW_PASSWORD), 'the new password works');
    assert.ok(!emulator.checkPassword(SEED.project, 'device-003', 'Device-pass-1'), 'the old one does not');
  });

  await step('11a. Disable, then Enable, from the context menu', async () => {
    await workbench.contextMenu.choose(row('device-002'), 'Disable User');
    await eventually(async () => assert.equal(emulator.getUser(SEED.project, 'device-002')?.disabled, true), { message: 'device-002 disabled on the server' });
    await expectState(workbench, 'device-002', 'disabled');
    await workbench.notifications.waitFor('Disabled "device-002"');
    await workbench.contextMenu.open(row('device-002'));
    const items = await workbench.contextMenu.items();
    assert.ok(items.includes('Enable User') && !items.includes('Disable User'), `a disabled user's menu offers Enable, not Disable (${items.join(', ')})`);
    await workbench.contextMenu.close();
    await workbench.contextMenu.choose(row('device-002'), 'Enable User');
    await eventually(async () => assert.equal(emulator.getUser(SEED.project, 'device-002')?.disabled, false), { message: 'device-002 enabled on the server' });
    await expectState(workbench, 'device-002', 'enabled');
  });

  await step('11b. Disable, then Enable, from the inline icons', async () => {
    await workbench.tree.clickInlineAction(row('device-003'), 'Disable User');
    await eventually(async () => assert.equal(emulator.getUser(SEED.project, 'device-003')?.disabled, true), { message: 'device-003 disabled on the server' });
    await expectState(workbench, 'device-003', 'disabled');
    await workbench.tree.clickInlineAction(row('device-003'), 'Enable User');
    await eventually(async () => assert.equal(emulator.getUser(SEED.project, 'device-003')?.disabled, false), { message: 'device-003 enabled on the server' });
    await expectState(workbench, 'device-003', 'enabled');
  });

  await step('12a. three users selected with Shift+click, Disable: one modal names them, all three disabled', async () => {
    await workbench.tree.selectRange(row('device-001'), row('device-003'));
    assert.deepEqual(await workbench.tree.selectedLabels(VIEW), ['device-001', 'device-002', 'device-003']);
    await workbench.contextMenu.choose(row('device-003'), 'Disable User');
    const modal = await workbench.modal.text();
    assert.match(modal.message, /Disable 3 users in Plant A/);
    assert.match(modal.detail, /device-001[\s\S]*device-002[\s\S]*device-003/, 'the modal names the three');
    await shot('bulk disable confirmation');
    await workbench.modal.clickButton('Disable');
    await expectHidden(workbench.modal.box(), 'the modal');
    await eventually(async () => assert.deepEqual(disabledOnServer(), ['device-001', 'device-002', 'device-003', 'device-004']), { message: 'the three are disabled on the server' });
    await workbench.notifications.waitFor('Disabled 3 of 3');
    for (const id of ['device-001', 'device-002', 'device-003']) await expectState(workbench, id, 'disabled');
  });

  await step('12b. two users selected with Ctrl+click, Enable: one modal, both enabled', async () => {
    await workbench.tree.select([row('device-001'), row('device-003')]);
    assert.deepEqual(await workbench.tree.selectedLabels(VIEW), ['device-001', 'device-003']);
    await workbench.contextMenu.choose(row('device-001'), 'Enable User');
    const modal = await workbench.modal.text();
    assert.match(modal.message, /Enable 2 users in Plant A/);
    await workbench.modal.clickButton('Enable');
    await eventually(async () => assert.deepEqual(disabledOnServer(), ['device-002', 'device-004']), { message: 'both enabled on the server' });
    await expectState(workbench, 'device-001', 'enabled');
    await expectState(workbench, 'device-003', 'enabled');
  });

  await step('13. Delete: a modal names the user and warns that its event data is deleted; Cancel keeps it', async () => {
    await workbench.contextMenu.choose(row('device-005'), 'Delete User…');
    let modal = await workbench.modal.text();
    assert.match(modal.message, /Delete "device-005" in Plant A/);
    assert.match(modal.detail, /event data is deleted too/);
    await shot('delete confirmation');
    await workbench.modal.clickButton('Cancel');
    await expectHidden(workbench.modal.box(), 'the modal');
    assert.ok(emulator.getUser(SEED.project, 'device-005'), 'Cancel deletes nothing');
    await workbench.contextMenu.choose(row('device-005'), 'Delete User…');
    modal = await workbench.modal.text();
    await workbench.modal.clickButton('Delete');
    await eventually(async () => assert.equal(emulator.getUser(SEED.project, 'device-005'), undefined), { message: 'device-005 deleted on the server' });
    await expectHidden(row('device-005'), 'the deleted user\'s row');
    await workbench.notifications.waitFor('Deleted "device-005"');
  });

  await step('17. Filter Users… by text and state shows only matching rows and says so; Clear Filter restores', async () => {
    await workbench.quickInput.runCommand('Medium One: Filter Users…');
    await workbench.quickInput.answerInput(/login_id contains/, 'device-00');
    await workbench.quickInput.answerPick('disabled');
    await workbench.quickInput.accept();
    await eventually(async () => assert.deepEqual(await userLabels(), ['device-002', 'device-004']), { message: 'only the disabled device-00* rows' });
    for (const id of await userLabels()) assert.equal(await stateOf(workbench, id), 'disabled');
    const description = await workbench.sideBar.viewDescription(VIEW);
    assert.equal(description.text, 'Filter: "device-00" · disabled', 'the view description shows the filter');
    // VS Code hides the pane header (and with it the description) when the view is alone in its container: the
    // view's message, above the rows, is what a user sees, with the title bar's Clear Filter.
    await expectText(workbench.sideBar.viewMessage(VIEW), /Filter: state = disabled, "device-00" — 2 of \d+ shown/, 'the view\'s message names the filter');
    await expectVisible(await workbench.sideBar.titleAction(VIEW, 'Clear Filter'), 'the Clear Filter title action');
    await workbench.parkMouse();
    await shot('filtered');
    await workbench.sideBar.clickViewTitleAction(VIEW, 'Clear Filter');
    await eventually(async () => assert.deepEqual(await userLabels(), ['device-001', 'device-002', 'device-003', 'device-004']), { message: 'Clear Filter restores every row' });
    assert.equal((await workbench.sideBar.viewDescription(VIEW)).text, '', 'no filter description');
    await expectHidden(workbench.sideBar.viewMessage(VIEW), 'the filter message');
  });
}
