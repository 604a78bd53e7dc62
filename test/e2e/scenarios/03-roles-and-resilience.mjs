// Issue 4, the harder cases: a production project demands the typed project name before a delete; a 202 creation
// shows "pending creation" then the user; 429 and 503 storms end in success or a clear error, never silence; a
// Registration project can create (its users are tracked) and offers no Delete.
import assert from 'node:assert/strict';
import { eventually, expectVisible } from '../harness/expect.mjs';

export const title = 'roles and resilience: production guard, 202 pending, 429/503 storms, Registration project';
export const timeoutMs = 180_000;

const VIEW = 'API Users';
const P = 'Local Sandbox';

async function addProject(workbench, emulator, { name, role, loginId, password, production }) {
  await workbench.runCommand('Medium One: Add Project…');
  await workbench.answerInput(/name for this project/, name);
  await workbench.answerPick('Custom URL…');
  await workbench.answerInput(/Base URL/, emulator.url);
  await workbench.answerPick(role);
  await workbench.answerInput(/login_id of that API account/, loginId);
  await workbench.answerInput(/Its password/, password);
  await workbench.answerInput(/project API key/, 'm1-sandbox-key');
  await workbench.answerInput(/MQTT id/, '');
  await workbench.answerPick(production ? 'Production' : 'Not production');
  await expectVisible(workbench.treeRow(VIEW, name), `the "${name}" project row`, 30_000);
}

async function createUser(workbench, projectRow, loginId, secret) {
  await workbench.chooseContextMenuItem(projectRow, 'Create User…');
  const form = workbench.webview();
  await form.locator('#loginId').fill(loginId);
  await form.locator('#generate').click();
  secret(await form.locator('#password').inputValue());
  await form.locator('#submit').click();
}

/** @param {import('../harness/types').ScenarioContext} ctx */
export default async function rolesAndResilience({ workbench, emulator, shot, secret }) {
  const row = (label) => workbench.treeRow(VIEW, label);
  const stateOf = async (label) => (await workbench.rowAriaLabel(row(label))).split(', ').pop();
  await workbench.openViewContainer('Medium One');
  await addProject(workbench, emulator, { name: 'Factory', role: 'Business', loginId: 'admin@sandbox.local', password: 'Sandbox-admin-1', production: true });
  await eventually(async () => assert.equal(await stateOf('device-002'), 'enabled'), { message: 'Factory lists its users' });

  // Production: after the modal, the typed project name; a wrong name keeps the OK button from accepting.
  await workbench.chooseContextMenuItem(row('device-002'), 'Delete User…');
  await workbench.clickDialogButton('Delete');
  await workbench.answerInput(/production project\. Type its name/, 'factory');
  await expectVisible(workbench.quickInputMessage().filter({ hasText: /Type "Factory" exactly/ }), 'the typed-name check refusing "factory"');
  assert.ok(emulator.getUser(P, 'device-002'), 'nothing deleted on a wrong name');
  await shot('production typed name');
  await workbench.quickInputBox().fill('Factory');
  await workbench.quickInputBox().press('Enter');
  await eventually(async () => assert.equal(emulator.getUser(P, 'device-002'), undefined), { message: 'deleted after the typed name' });

  // 202: the row says "pending creation", then becomes the user.
  emulator.configure({ acceptedCreation: { delayMs: 3000 } });
  await createUser(workbench, row('Factory'), 'late-1', secret);
  await eventually(async () => assert.equal(await workbench.rowDescription(row('late-1')).innerText(), 'pending creation'), { message: 'late-1 shows pending creation' });
  await workbench.parkMouse();
  await shot('pending creation');
  await eventually(async () => assert.equal(await stateOf('late-1'), 'enabled'), { timeoutMs: 20_000, message: 'late-1 becomes a normal row' });
  assert.ok(emulator.getUser(P, 'late-1'));
  emulator.configure({ acceptedCreation: undefined });

  // Disabling is guarded on a production project too: the modal, then the typed name.
  const disable = async (label) => {
    await workbench.chooseContextMenuItem(row(label), 'Disable User');
    await workbench.clickDialogButton('Disable');
    await workbench.answerInput(/production project\. Type its name/, 'Factory');
  };

  // A 429 storm with Retry-After (seed 7: two 429s, then through): the client backs off; the call lands, or a
  // clear error says why it did not.
  emulator.configure({ faults: { randomSeed: 7, retryAfterSeconds: 1, routes: { 'PATCH /v2/users/:id': { status429: 0.7 } } } });
  await disable('device-003');
  const outcome = await workbench.waitForNotification(/Disabled "device-003"|429|too many/i, { timeoutMs: 60_000 });
  const said = await outcome.innerText();
  assert.ok(emulator.calls().some((c) => c.status === 429), 'the storm really answered 429');
  assert.equal(emulator.getUser(P, 'device-003')?.disabled, /Disabled "device-003"/.test(said), `the server agrees with what was said: ${said}`);
  await shot('429 storm outcome');

  // A 503 that does not end: a clear error naming it, and the server unchanged.
  emulator.configure({ faults: { routes: { 'PATCH /v2/users/:id': { status503: 1 } } } });
  await disable('device-001');
  const toast = await workbench.waitForNotification(/503|unavailable/i, { timeoutMs: 60_000 });
  assert.ok(await workbench.notificationButton(toast, 'Show Log').isVisible(), 'the error offers Show Log');
  assert.equal(emulator.getUser(P, 'device-001')?.disabled, false);
  await shot('503 storm error');
  emulator.configure({ faults: undefined });

  // A Registration project: it creates (the user is tracked and listed) and offers no Delete.
  await workbench.collapseRow(row('Factory'));
  await addProject(workbench, emulator, { name: 'Registrar', role: 'Registration', loginId: 'registrar@sandbox.local', password: 'Sandbox-reg-1', production: false });
  await expectVisible(workbench.treeRows(VIEW).filter({ hasText: /tracked by this extension/ }), 'the row saying users are tracked');
  await createUser(workbench, row('Registrar'), 'reg-made-1', secret);
  await expectVisible(row('reg-made-1'), 'the Registration-created user', 30_000);
  assert.ok(emulator.getUser(P, 'reg-made-1'), 'created on the server');
  await workbench.openContextMenu(row('reg-made-1'));
  const items = await workbench.contextMenuItems();
  assert.ok(!items.some((i) => /Delete/.test(i)), `no Delete for a Registration project (menu: ${items.join(', ')})`);
  assert.ok(!items.some((i) => /Disable|Enable|Change Password/.test(i)), `no update for a Registration project (menu: ${items.join(', ')})`);
  await shot('registration menu');
  await workbench.page.keyboard.press('Escape');
}
