// Issue 4, creating users and looking at them, against the runner's emulator: the create-user form refusing a weak
// password next to its field and a mismatched confirmation before any call, a creation that lands selected with the
// password the emulator then accepts, a 202 creation shown as "pending creation" until it exists, and the details view.
import assert from 'node:assert/strict';
import { eventually, expectHidden, expectText, expectVisible } from '../harness/expect.mjs';
import { SEED, VIEW, expectState, fillCreateForm, startWithSeedProject } from '../harness/flows.mjs';

export const title = 'create and details: weak password refused, create selected, 202 pending, details view';
export const timeoutMs = 150_000;
/** The webview forms also run in high contrast: their look is the theme's, edges and focus included. */
export const themes = ['light', 'dark', 'hc'];

const PASSWORD = 'Sensor-pass-42';

/** @param {import('../harness/types').ScenarioContext} ctx */
export default async function create({ workbench, emulator, shot, step, secret }) {
  const row = (label) => workbench.tree.row(VIEW, label);
  const creates = () => emulator.calls().filter((c) => c.method === 'POST' && /^\/v2\/users\/?$/.test(c.path));
  secret(PASSWORD, 'the password typed in the create form');
  await startWithSeedProject(workbench, emulator);

  await step('8a. a weak password ("abc") is refused next to the password field; nothing is created', async () => {
    const { form } = await fillCreateForm(workbench, 'Plant A', { loginId: 'sensor-42', password: 'abc' });
    await form.submit.click();
    await expectText(form.fieldError('password'), /\S/, 'the message under the password field');
    assert.match(await form.fieldError('password').innerText(), /password|characters|weak|400/i, 'the server\'s reason is shown');
    assert.equal(await form.formError.isVisible(), false, 'the refusal sits by its field, not at the top');
    assert.equal(emulator.getUser(SEED.project, 'sensor-42'), undefined, 'nothing created on the server');
    assert.ok(creates().every((c) => c.status === 400), `the server refused it (${creates().map((c) => c.status).join(', ')})`);
    await shot('weak password refused', { readme: 'create-user.png', clip: { x: 0, y: 0, width: 1280, height: 480 } });
  });

  await step('8b. a confirmation that does not match is refused in the form, before any call', async () => {
    const form = workbench.webview.createUserForm();
    const before = creates().length;
    await form.password.fill(PASSWORD);
    await form.confirm.fill(`${PASSWORD}x`);
    await form.submit.click();
    await expectText(form.fieldError('confirm'), /\S/, 'the message under the confirmation field');
    assert.equal(await form.fieldError('password').innerText(), '', 'the old password message is gone');
    assert.equal(creates().length, before, 'no call was made');
  });

  await step('7. create (password shown with Show): the row appears selected, the emulator holds that password', async () => {
    const form = workbench.webview.createUserForm();
    await form.confirm.fill(PASSWORD);
    await form.toggleShow.click();
    assert.equal(await form.password.getAttribute('type'), 'text', 'Show reveals the password');
    assert.equal(await form.confirm.getAttribute('type'), 'text', 'and its confirmation');
    assert.equal(await form.toggleShow.getAttribute('aria-pressed'), 'true');
    // As long as a user takes to read it back: long enough for the browser to record the page's state.
    await workbench.page.waitForTimeout(1_500);
    await shot('password shown');
    await form.submit.click();
    await expectVisible(row('sensor-42'), 'the new user\'s row', 30_000);
    await eventually(async () => assert.ok(await workbench.tree.isSelected(row('sensor-42'))), { message: 'the new row is selected' });
    await workbench.notifications.waitFor('User "sensor-42" created in Plant A');
    assert.ok(emulator.checkPassword(SEED.project, 'sensor-42', PASSWORD), 'the emulator holds the user with that password');
    await expectState(workbench, 'sensor-42', 'enabled');
    await workbench.parkMouse();
    await shot('user created');
    await workbench.quickInput.runCommand('View: Close All Editors');
  });

  await step('16. a 202 creation shows "pending creation", then the user', async () => {
    emulator.configure({ acceptedCreation: { delayMs: 3000 } });
    const { form, password } = await fillCreateForm(workbench, 'Plant A', { loginId: 'late-1', generate: true });
    secret(password, 'a generated password (202 create)');
    assert.ok(password.length >= 12, 'the generator makes a long password');
    await form.submit.click();
    await eventually(async () => assert.equal(await workbench.tree.description(row('late-1')).innerText(), 'pending creation'), { message: 'late-1 shows "pending creation"' });
    assert.equal(emulator.getUser(SEED.project, 'late-1'), undefined, 'not on the server yet');
    await workbench.parkMouse();
    await shot('pending creation');
    await expectState(workbench, 'late-1', 'enabled', 30_000);
    assert.ok(emulator.checkPassword(SEED.project, 'late-1', password), 'then on the server with that password');
    emulator.configure({ acceptedCreation: undefined });
    await workbench.quickInput.runCommand('View: Close All Editors');
  });

  await step('9. the details view shows the fields and user_data, and its actions work', async () => {
    await workbench.contextMenu.choose(row('device-001'), 'Show User Details');
    const details = workbench.webview.userDetails();
    await expectText(details.title, 'device-001', 'the details title');
    assert.equal((await details.field('login_id').innerText()).trim(), 'device-001');
    assert.equal((await details.field('mqtt_id').innerText()).trim(), 'rEAGMjrk8Bs');
    assert.equal((await details.field('disabled').innerText()).trim(), 'false');
    const userData = JSON.parse(await details.userData.innerText());
    assert.deepEqual(userData, emulator.getUser(SEED.project, 'device-001').userData, 'user_data as the server holds it');
    assert.match(await details.userData.innerText(), /\n {2}"site": "Boston lab"/, 'user_data is formatted JSON');
    await expectVisible(details.action('disable'), 'the Disable action');
    await expectVisible(details.action('delete'), 'the Delete action');
    await workbench.parkMouse();
    await shot('details view', { readme: 'details.png', clip: { x: 0, y: 0, width: 1280, height: 480 } });
    await details.action('disable').click();
    await eventually(async () => assert.equal(emulator.getUser(SEED.project, 'device-001')?.disabled, true), { message: 'Disable from the details view disables on the server' });
    await expectVisible(details.action('enable'), 'the details view then offers Enable', 15_000);
    await expectHidden(details.action('disable'), 'Disable gone from the details view');
    await expectState(workbench, 'device-001', 'disabled');
    await shot('details after disable');
  });
}
