// Issue 4, the core journey against the runner's emulator: Add Project from the palette (a wrong password is named,
// then fixed), create a user in the form (a weak password refused next to its field, then created and selected),
// the details view, change password from the context menu, disable and enable (context menu and inline icon), a
// multi-selection of three disabled after one confirmation, delete with the modal, and the filter.
import assert from 'node:assert/strict';
import { eventually, expectVisible } from '../harness/expect.mjs';

export const title = 'project and users: add project, create, details, password, enable/disable, bulk, delete, filter';
export const timeoutMs = 180_000;

const VIEW = 'API Users';
const P = 'Local Sandbox'; // the emulator's project name (default seed)
const ADMIN = { loginId: 'admin@sandbox.local', password: 'Sandbox-admin-1', apiKey: 'm1-sandbox-key' };

/** @param {import('../harness/types').ScenarioContext} ctx */
export default async function projectAndUsers({ workbench, emulator, shot, page, secret }) {
  const row = (label) => workbench.treeRow(VIEW, label);
  const stateOf = async (label) => (await workbench.rowAriaLabel(row(label))).split(', ').pop();
  await workbench.openViewContainer('Medium One');

  // Add Project from the palette, first with a wrong password: the cause is named and the password re-asked.
  await workbench.runCommand('Medium One: Add Project…');
  await workbench.answerInput(/name for this project/, 'Plant A');
  await workbench.answerPick('Custom URL…');
  await workbench.answerInput(/Base URL/, emulator.url);
  await workbench.answerPick('Business');
  await workbench.answerInput(/login_id of that API account/, ADMIN.loginId);
  await workbench.answerInput(/Its password/, 'Wrong-pass-9');
  await workbench.answerInput(/project API key/, ADMIN.apiKey);
  await workbench.answerInput(/MQTT id/, '');
  await workbench.answerPick('Not production');
  await expectVisible(workbench.quickInputTitle().filter({ hasText: /Sign-in failed: .*(401|password)/i }), 'the sign-in failure naming its cause', 30_000);
  await shot('sign-in failed');
  await workbench.answerPick('Re-enter the password');
  await workbench.answerInput(/Its password/, ADMIN.password);
  await expectVisible(row('Plant A'), 'the "Plant A" project row', 30_000);
  await eventually(async () => assert.equal(await stateOf('device-001'), 'enabled'), { message: 'the project lists its users' });
  assert.equal(await stateOf('device-004'), 'disabled');

  // Create a user in the form: a weak password is refused next to its field, then a generated one is accepted.
  await workbench.chooseContextMenuItem(row('Plant A'), 'Create User…');
  const form = workbench.webview();
  await form.locator('#loginId').fill('sensor-42');
  await form.locator('#password').fill('abc');
  await form.locator('#confirm').fill('abc');
  await form.locator('#submit').click();
  await eventually(async () => assert.match(await form.locator('#password-error').innerText(), /400|password/i), { message: 'the weak password is refused next to its field' });
  assert.equal(emulator.getUser(P, 'sensor-42'), undefined, 'nothing created');
  await shot('weak password refused');
  await form.locator('#generate').click();
  const generated = await form.locator('#password').inputValue();
  secret(generated);
  assert.ok(generated.length >= 12);
  await form.locator('#submit').click();
  await expectVisible(row('sensor-42'), 'the new user\'s row', 30_000);
  await eventually(async () => assert.match((await row('sensor-42').getAttribute('class')) ?? '', /\bselected\b/), { message: 'the new row is selected' });
  assert.ok(emulator.checkPassword(P, 'sensor-42', generated), 'the emulator holds the user with that password');
  await workbench.waitForNotification('User "sensor-42" created');
  await shot('user created');

  // The details view: every field and user_data as JSON.
  await workbench.chooseContextMenuItem(row('device-001'), 'Show User Details');
  const details = workbench.webview();
  await eventually(async () => assert.match(await details.locator('#fields').innerText(), /login_id\s+device-001/), { message: 'the details show the fields' });
  assert.match(await details.locator('#userData').innerText(), /"site": "Boston lab"/);
  await shot('details view');
  await workbench.runCommand('View: Close All Editors');

  // Change password from the context menu: the user can then sign in with it.
  await workbench.chooseContextMenuItem(row('device-003'), 'Change Password…');
  await workbench.answerInput(/New password/, 'Fresh-pass-77');
  await workbench.answerInput(/again/, 'Fresh-pass-77');
  await workbench.waitForNotification('Password of "device-003" changed');
  assert.ok(emulator.checkPassword(P, 'device-003', 'Fresh-pass-77'));

  // Disable from the context menu, enable from the inline icon.
  await workbench.chooseContextMenuItem(row('device-002'), 'Disable User');
  await eventually(async () => assert.equal(emulator.getUser(P, 'device-002')?.disabled, true), { message: 'device-002 disabled on the server' });
  await eventually(async () => assert.equal(await stateOf('device-002'), 'disabled'), { message: 'device-002 shows disabled' });
  await workbench.clickInlineAction(row('device-002'), 'Enable User');
  await eventually(async () => assert.equal(emulator.getUser(P, 'device-002')?.disabled, false), { message: 'device-002 enabled on the server' });
  await eventually(async () => assert.equal(await stateOf('device-002'), 'enabled'), { message: 'device-002 shows enabled' });

  // Three users selected, one confirmation naming them, all three disabled.
  await workbench.selectRows([row('device-001'), row('device-002'), row('device-003')]);
  await workbench.chooseContextMenuItem(row('device-003'), 'Disable User');
  const confirm = await workbench.dialogText();
  assert.match(confirm.message, /Disable 3 users in Plant A/);
  assert.match(confirm.detail, /device-001[\s\S]*device-002[\s\S]*device-003/);
  await shot('bulk disable confirmation');
  await workbench.clickDialogButton('Disable');
  await eventually(async () => assert.deepEqual(emulator.listUsers(P).filter((u) => u.disabled).map((u) => u.loginId).sort(), ['device-001', 'device-002', 'device-003', 'device-004']), { message: 'the three are disabled on the server' });
  await workbench.waitForNotification('Disabled 3 of 3');

  // Delete with the modal: it names the user and warns that its event data goes too.
  await workbench.chooseContextMenuItem(row('device-005'), 'Delete User…');
  const del = await workbench.dialogText();
  assert.match(del.message, /Delete "device-005" in Plant A/);
  assert.match(del.detail, /event data is deleted too/);
  await shot('delete confirmation');
  await workbench.clickDialogButton('Delete');
  await eventually(async () => assert.equal(emulator.getUser(P, 'device-005'), undefined), { message: 'device-005 deleted on the server' });
  await eventually(async () => assert.ok(!(await workbench.treeLabels(VIEW)).includes('device-005')), { message: 'its row is gone' });

  // Filter by text and state; the view says so; Clear Filter restores.
  await workbench.runCommand('Medium One: Filter Users…');
  await workbench.answerInput(/login_id contains/, 'device');
  await workbench.answerPick('enabled');
  await page.keyboard.press('Enter');
  await eventually(async () => assert.deepEqual((await workbench.treeLabels(VIEW)).filter((l) => l.startsWith('device')), []), { message: 'no enabled device-* left (all disabled)' });
  await workbench.runCommand('Medium One: Clear Filter');
  await eventually(async () => assert.ok((await workbench.treeLabels(VIEW)).includes('device-001')), { message: 'Clear Filter restores the rows' });
  await workbench.parkMouse();
  await shot('end');
}
