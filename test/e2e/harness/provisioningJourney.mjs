// Issue 11, the device provisioning loop (the journey scenarios 08 and 09 share): create a user with the form (its
// password shown once, with Copy), Copy Connection Snippet → cURL from its row, the snippet run with bash and the
// secrets in the environment, its event under the details page's Recent Events; then, disabled, Send Test Event
// refused in the roles document's words, and once enabled again (from that refusal), accepted.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { eventually, expectText, expectVisible } from './expect.mjs';
import { SEED, VIEW, addProject, expectState, fillCreateForm } from './flows.mjs';

const LOGIN_ID = 'probe-1';
const PASSWORD = 'Probe-pass-81';
const ROLES_WORDS = 'cannot send any event data, nor can any data be sent on its behalf';

/** Runs a snippet as its user would: bash reading it, the secrets only in the environment. */
function runWithBash(script, env) {
  return new Promise((resolve) => {
    const child = execFile('bash', ['-s'], { env: { PATH: process.env.PATH, ...env }, timeout: 30_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }));
    child.stdin.end(script);
  });
}

/**
 * The whole loop, as scenario 08 (default server, light and dark, the README picture) and 09 (the `independent`
 * server: a 202 creation, a login_id-only list, short sessions, HTML errors) run it.
 * @param {import('./types').ScenarioContext} ctx
 * @param {{ readme?: boolean }} [options] `readme`: mark the details page picture for `--readme-shots`
 */
export async function provisioningJourney({ workbench, emulator, shot, step, secret }, { readme = false } = {}) {
  const row = (label) => workbench.tree.row(VIEW, label);
  const events = () => emulator.events(SEED.project, LOGIN_ID);
  secret(PASSWORD, 'the password typed in the create form');
  // The seed project with its MQTT id, as Add Project asks for it: the details page then shows every MQTT fact.
  await workbench.sideBar.openViewContainer('Medium One');
  await addProject(workbench, { name: 'Plant A', baseUrl: emulator.url, loginId: SEED.business.loginId, password: SEED.business.password, mqttId: emulator.projectMqttId(SEED.project) });
  await expectState(workbench, 'device-001', 'enabled', 30_000);
  // Before anything writes to the clipboard: without these permissions VS Code keeps copied text to itself.
  await workbench.allowClipboard();

  await step('create a user with the form: the created state shows its password once, with Copy', async () => {
    const { form } = await fillCreateForm(workbench, 'Plant A', { loginId: LOGIN_ID, password: PASSWORD });
    await form.submit.click();
    await expectVisible(form.created, 'the created state', 30_000);
    await expectText(form.createdPassword, PASSWORD, 'the password, shown this once');
    await form.copyPassword.click();
    await expectText(form.copyStatus, /\S/, 'Copy says it copied');
    assert.equal(await workbench.clipboardText(), PASSWORD, 'Copy put the password on the clipboard');
    // A server may answer the create with 202 and create the user a moment later.
    await eventually(async () => assert.ok(emulator.checkPassword(SEED.project, LOGIN_ID, PASSWORD)), { message: 'the user exists with that password' });
    await expectState(workbench, LOGIN_ID, 'enabled', 30_000);
    await workbench.parkMouse();
    await shot('created state with the password once');
    await workbench.quickInput.runCommand('View: Close All Editors');
  });

  let snippet = '';
  await step('Copy Connection Snippet → cURL from the row\'s context menu: placeholders, never the key', async () => {
    await workbench.contextMenu.choose(row(LOGIN_ID), 'Copy Connection Snippet…');
    await workbench.quickInput.answerPick('REST — cURL', `Connection snippet for "${LOGIN_ID}"`);
    await workbench.quickInput.answerPick('Use placeholders ($M1_API_KEY, $M1_PASSWORD)', 'REST — cURL');
    await workbench.notifications.waitFor(`Copied the REST — cURL snippet for "${LOGIN_ID}"`);
    // Read from the browser's clipboard (permissions granted above), where code-server's vscode.env.clipboard writes.
    snippet = await workbench.clipboardText();
    assert.match(snippet, /^#!\/usr\/bin\/env bash/, 'the cURL snippet');
    assert.ok(snippet.includes('M1_API_KEY') && snippet.includes('M1_PASSWORD'), 'secrets as placeholders');
    assert.ok(!snippet.includes(SEED.apiKey) && !snippet.includes(PASSWORD), 'neither the key nor the password');
    await shot('snippet copied');
  });

  await step('the snippet, run with bash and M1_API_KEY / M1_PASSWORD set, lands one event', async () => {
    assert.deepEqual(events(), [], 'no event before');
    const run = await runWithBash(snippet, { M1_API_KEY: SEED.apiKey, M1_PASSWORD: PASSWORD });
    assert.equal(run.code, 0, `the snippet ran cleanly: ${run.stderr}`);
    assert.equal(events().length, 1, 'the emulator holds one event for the user');
    assert.deepEqual(events()[0].eventData, { test: true });
  });

  await step('Show Recent Events: the details page lists the event, with "Connect a device"', async () => {
    await workbench.contextMenu.choose(row(LOGIN_ID), 'Show Recent Events');
    const details = workbench.webview.userDetails();
    await expectText(details.title, LOGIN_ID, 'the details title');
    await expectVisible(details.connection, 'the "Connect a device" section');
    await expectVisible(details.snippet('curl'), 'a Copy button for the cURL snippet');
    const userMqttId = emulator.getUser(SEED.project, LOGIN_ID)?.mqttId;
    assert.match(await details.connection.innerText(), new RegExp(`${emulator.projectMqttId(SEED.project)}/${userMqttId}`), 'the MQTT username');
    await eventually(async () => assert.equal(await details.eventRows.count(), 1), { message: 'one event under Recent Events' });
    assert.match(await details.eventRows.first().innerText(), /"test": true/, 'its data');
    await expectVisible(details.lastSeen, '"last seen"');
    await details.recentEvents.scrollIntoViewIfNeeded();
    await workbench.parkMouse();
    await shot('details with connection and recent events', readme ? { readme: 'details-connection.png', clip: { x: 0, y: 0, width: 1280, height: 800 } } : undefined);
    await workbench.quickInput.runCommand('View: Close All Editors');
  });

  await step('disabled: Send Test Event is refused in the roles document\'s words; nothing stored', async () => {
    await workbench.contextMenu.choose(row(LOGIN_ID), 'Disable User');
    await eventually(async () => assert.equal(emulator.getUser(SEED.project, LOGIN_ID)?.disabled, true), { message: 'disabled on the server' });
    await expectState(workbench, LOGIN_ID, 'disabled');
    await workbench.notifications.clear();
    await workbench.contextMenu.choose(row(LOGIN_ID), 'Send Test Event…');
    await workbench.quickInput.acceptInput(/The event as JSON/);
    await workbench.quickInput.answerPick('Send Once');
    const toast = await workbench.notifications.waitFor(ROLES_WORDS, { timeoutMs: 30_000 });
    assert.match(await toast.innerText(), new RegExp(`${LOGIN_ID}.* is disabled`));
    await expectVisible(workbench.notifications.button(toast, 'Enable User'), 'the refusal offers Enable User');
    assert.equal(events().length, 1, 'no event stored');
    await eventually(async () => assert.ok(!(await workbench.notifications.messages()).some((m) => m.startsWith('Sending test events')), 'the progress toast closed'),
      { message: 'the sending progress ends with the refusal' });
    await workbench.parkMouse();
    await shot('disabled user refused');
    // The refusal's own way out (each step starts with the toasts cleared, so it is taken here).
    await workbench.notifications.button(toast, 'Enable User').click();
    await eventually(async () => assert.equal(emulator.getUser(SEED.project, LOGIN_ID)?.disabled, false), { message: 'Enable User enabled it on the server' });
  });

  await step('enabled again: Send Test Event is accepted, the event stored', async () => {
    await expectState(workbench, LOGIN_ID, 'enabled');
    await workbench.contextMenu.choose(row(LOGIN_ID), 'Send Test Event…');
    await workbench.quickInput.acceptInput(/The event as JSON/);
    await workbench.quickInput.answerPick('Send Once');
    const toast = await workbench.notifications.waitFor(new RegExp(`Sent 1 event to stream "raw" for "${LOGIN_ID}": the server answered 200`), { timeoutMs: 30_000 });
    assert.equal(events().length, 2, 'the second event stored');
    assert.deepEqual(events()[1].eventData, { test: true }, 'the prefilled event');
    await workbench.parkMouse();
    await shot('enabled user accepted');
    // The answer's own way to look: the details page, its Recent events now holding both.
    await workbench.notifications.button(toast, 'Show Recent Events').click();
    const details = workbench.webview.userDetails();
    await expectText(details.title, LOGIN_ID, 'the details title');
    await eventually(async () => assert.equal(await details.eventRows.count(), 2), { message: 'two events under Recent Events' });
  });
}
