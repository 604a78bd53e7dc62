// Issue 4, projects and roles against the runner's emulator: Add Project from the palette with a wrong password (the
// cause is named, the password re-asked), a production project that demands the typed project name before a
// delete, a Registration project that can create users but offers no Delete, and the Edit Project form (stored
// secrets never in it, a refused sign-in shown, then saved).
import assert from 'node:assert/strict';
import { eventually, expectHidden, expectText, expectVisible } from '../harness/expect.mjs';
import { SEED, VIEW, addProject, addProjectFromPalette, expectState, fillCreateForm } from '../harness/flows.mjs';

export const title = 'projects: Add Project (wrong password fixed), production delete guard, Registration role';
export const timeoutMs = 150_000;
/** Quick picks, menus, dialogs and tree rows are VS Code's own in every theme: the light run proves them (01-sandbox,
 * 03-create, 08-provisioning and 11-teams also run dark, for the extension's own views and webviews). Keeps CI short. */
export const themes = ['light'];

const WRONG_PASSWORD = 'Wrong-pass-9';
const WRONG_API_KEY = 'wrong-api-key-42';

/** @param {import('../harness/types').ScenarioContext} ctx */
export default async function projects({ workbench, emulator, shot, step, secret }) {
  const row = (label) => workbench.tree.row(VIEW, label);
  const host = new URL(emulator.url).host;
  secret(WRONG_PASSWORD, 'the wrong password typed in Add Project');
  secret(WRONG_API_KEY, 'the wrong API key typed in Edit Project');
  await workbench.sideBar.openViewContainer('Medium One');

  await step('6a. Add Project with a wrong password: a quick pick titled "Sign-in failed: …" names the cause', async () => {
    await addProjectFromPalette(workbench, { name: 'Plant A', baseUrl: emulator.url, loginId: SEED.business.loginId, password: WRONG_PASSWORD });
    const failure = workbench.quickInput.title().filter({ hasText: /^Sign-in failed: / });
    await expectVisible(failure, 'the "Sign-in failed: …" quick pick', 30_000);
    assert.match(await failure.innerText(), /401|403|password|credentials/i, 'the cause is named');
    assert.ok(!(await failure.innerText()).includes(WRONG_PASSWORD), 'the failure does not echo the password');
    assert.ok((await workbench.quickInput.labels()).includes('Re-enter the password'));
    await shot('sign-in failed');
  });

  await step('6b. Re-enter the password: the project row appears and lists its users', async () => {
    await workbench.quickInput.answerPick('Re-enter the password');
    await workbench.quickInput.answerInput(/Its password/, SEED.business.password);
    await expectVisible(row('Plant A'), 'the "Plant A" project row', 30_000);
    assert.equal(await workbench.tree.description(row('Plant A')).innerText(), 'Business', 'the project row: its role (short enough for the default side bar)');
    assert.match(await (await workbench.tree.hover(row('Plant A'))).innerText(), new RegExp(host.replace(/\./g, '\\.')), 'the tooltip holds the address');
    await workbench.parkMouse();
    await expectState(workbench, 'device-001', 'enabled');
    await expectState(workbench, 'device-004', 'disabled');
    await workbench.notifications.waitFor('Project "Plant A" added');
    await workbench.parkMouse();
    await shot('project added');
  });

  await step('14. a production project demands the typed project name before a delete', async () => {
    await workbench.tree.collapse(row('Plant A'));
    await addProject(workbench, { name: 'Factory', baseUrl: emulator.url, loginId: SEED.business.loginId, password: SEED.business.password, production: true });
    await workbench.tree.expand(row('Factory'));
    await expectState(workbench, 'device-002', 'enabled');
    await workbench.contextMenu.choose(row('device-002'), 'Delete User…');
    const modal = await workbench.modal.text();
    assert.match(modal.message, /Delete "device-002" in Factory/);
    await workbench.modal.clickButton('Delete');
    await workbench.quickInput.answerInput(/production project\. Type its name/, 'factory');
    await expectVisible(workbench.quickInput.message().filter({ hasText: /Type "Factory" exactly/ }), 'the typed-name check refusing "factory"');
    assert.ok(emulator.getUser(SEED.project, 'device-002'), 'nothing deleted on a wrong name');
    await shot('production typed name');
    await workbench.quickInput.submit('Factory');
    await eventually(async () => assert.equal(emulator.getUser(SEED.project, 'device-002'), undefined), { message: 'deleted on the server after the typed name' });
    await expectHidden(row('device-002'), 'the deleted user\'s row');
    await workbench.tree.collapse(row('Factory'));
  });

  await step('15. a Registration project creates users and its user rows offer no Delete', async () => {
    await addProject(workbench, { name: 'Registrar', role: 'Registration', baseUrl: emulator.url, loginId: SEED.registration.loginId, password: SEED.registration.password });
    assert.equal(await workbench.tree.description(row('Registrar')).innerText(), 'Registration');
    await workbench.tree.expand(row('Registrar'));
    await expectVisible(workbench.tree.rows(VIEW).filter({ hasText: /tracked by this extension/ }), 'the row saying its users are the ones tracked here');
    const { form, password } = await fillCreateForm(workbench, 'Registrar', { loginId: 'reg-made-1', generate: true });
    secret(password, 'a generated password (Registration create)');
    await form.submit.click();
    await expectVisible(row('reg-made-1'), 'the Registration-created user\'s row', 30_000);
    assert.ok(emulator.checkPassword(SEED.project, 'reg-made-1', password), 'created on the server with that password');
    await workbench.contextMenu.open(row('reg-made-1'));
    const items = await workbench.contextMenu.items();
    assert.ok(items.includes('Show User Details'), `the menu is the user's (${items.join(', ')})`);
    assert.ok(!items.some((i) => /Delete/.test(i)), `no Delete for a Registration project (menu: ${items.join(', ')})`);
    assert.ok(!items.some((i) => /Disable|Enable|Change Password/.test(i)), `no update for a Registration project (menu: ${items.join(', ')})`);
    await shot('registration menu');
    await workbench.contextMenu.close();
  });

  await step('6c. Edit Project…: stored secrets are never in the form; a wrong API key is refused, then a rename saves', async () => {
    await workbench.tree.collapse(row('Registrar'));
    await workbench.contextMenu.choose(row('Plant A'), 'Edit Project…');
    const form = workbench.webview.editProjectForm();
    await expectVisible(form.name, 'the edit form');
    assert.equal(await form.name.inputValue(), 'Plant A');
    for (const input of [form.password, form.apiKey]) {
      assert.equal(await input.inputValue(), '', 'a stored secret is not in the form');
      assert.match((await input.getAttribute('placeholder')) ?? '', /stored/, 'the form says a secret is stored');
    }
    assert.ok(!(await form.page.innerText()).includes(SEED.business.password), 'no secret anywhere in the page');
    await form.name.fill('Plant A (edited)');
    await form.apiKey.fill(WRONG_API_KEY);
    await form.submit.click();
    await expectText(form.formError, /401|403|credentials|API key/i, 'the sign-in failure with the new API key');
    assert.ok(await row('Plant A').isVisible(), 'nothing saved while the sign-in fails');
    await shot('edit project refused');
    await form.apiKey.fill('');
    await form.submit.click();
    await expectVisible(row('Plant A (edited)'), 'the renamed project row', 30_000);
    await workbench.notifications.waitFor('Project "Plant A (edited)" saved');
  });
}
