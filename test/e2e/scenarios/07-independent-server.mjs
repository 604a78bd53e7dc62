// Issue 8, the core journey on a server unlike our default one: the emulator's `independent` profile lists bare
// login_ids (every state comes from GET /v2/users/<id>), sets a session cookie plus a CSRF-style token cookie that
// must both come back, answers every other create with 202, ends each session after 3 calls, answers 400 for an
// existing login_id and 403 for an unknown one, sends no Retry-After and HTML error pages. The journey: states
// shown truthfully, create, disable and enable, a multi-selection, delete, filter by state, import, Refresh; then a
// Registration project. Light theme only: the first six scenarios prove the looks; this one proves the truth.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eventually, expectHidden, expectText, expectVisible } from '../harness/expect.mjs';
import { SEED, VIEW, addProject, expectState, fillCreateForm, stateOf } from '../harness/flows.mjs';

export const title = 'another server (independent profile): states from a login_id list, create, disable, bulk, delete, filter, import, refresh, Registration';
export const profile = 'independent';
export const themes = ['light'];
export const timeoutMs = 240_000;

const PASSWORD = 'Indep-pass-71';
const IMPORTED = [
  ['imp-1', 'Indep-import-11'],
  ['imp-2', 'Indep-import-21'],
];

/** @param {import('../harness/types').ScenarioContext} ctx */
export default async function independentServer({ workbench, emulator, shot, step, secret }) {
  const row = (label) => workbench.tree.row(VIEW, label);
  const onServer = (id) => emulator.getUser(SEED.project, id);
  const disabledOnServer = () => emulator.listUsers(SEED.project).filter((u) => u.disabled).map((u) => u.loginId).sort();
  const deviceLabels = async () => (await workbench.tree.labels(VIEW)).filter((l) => l.startsWith('device-'));
  const logins = () => emulator.calls().filter((c) => c.method === 'POST' && c.path === '/v2/login');
  secret(PASSWORD, 'the password typed in the create form');
  for (const [, password] of IMPORTED) secret(password, 'a password from the imported CSV');
  const dir = mkdtempSync(path.join(tmpdir(), 'm1-e2e-indep-'));
  try {
    await workbench.sideBar.openViewContainer('Medium One');

    await step('21a. a login_id-only list: each row shows the state the server holds (device-004 disabled), none guessed', async () => {
      await addProject(workbench, { name: 'Plant B', baseUrl: emulator.url, loginId: SEED.business.loginId, password: SEED.business.password });
      await expectState(workbench, 'device-004', 'disabled', 30_000);
      for (const id of ['device-001', 'device-002', 'device-003', 'device-005']) await expectState(workbench, id, 'enabled');
      const list = emulator.calls().find((c) => c.method === 'GET' && c.path === '/v2/users');
      assert.equal(list?.status, 200, 'the list was read');
      assert.ok(logins().length >= 2, `short sessions made the extension sign in again (${logins().length} logins)`);
      await workbench.parkMouse();
      await shot('states from a login_id list');
    });

    await step('21b. create: a 202 shows pending, then the user; the server holds its password', async () => {
      const { form } = await fillCreateForm(workbench, 'Plant B', { loginId: 'indep-1', password: PASSWORD });
      await form.submit.click();
      await expectVisible(row('indep-1'), 'the new user\'s row', 30_000);
      await expectState(workbench, 'indep-1', 'enabled', 30_000);
      assert.ok(emulator.checkPassword(SEED.project, 'indep-1', PASSWORD), 'the server holds the user with that password');
      await workbench.quickInput.runCommand('View: Close All Editors');
    });

    await step('21c. disable and enable one user from its menu; its menu offers only what fits its state', async () => {
      await workbench.contextMenu.choose(row('device-002'), 'Disable User');
      await eventually(async () => assert.equal(onServer('device-002')?.disabled, true), { message: 'device-002 disabled on the server' });
      await expectState(workbench, 'device-002', 'disabled');
      await workbench.contextMenu.open(row('device-002'));
      const items = await workbench.contextMenu.items();
      assert.ok(items.includes('Enable User') && !items.includes('Disable User'), `a disabled user's menu offers Enable only (${items.join(', ')})`);
      await workbench.contextMenu.close();
      await workbench.contextMenu.choose(row('device-002'), 'Enable User');
      await eventually(async () => assert.equal(onServer('device-002')?.disabled, false), { message: 'device-002 enabled on the server' });
      await expectState(workbench, 'device-002', 'enabled');
    });

    await step('21d. three users selected, Disable: one modal, all three disabled on the server and in the tree', async () => {
      await workbench.tree.selectRange(row('device-001'), row('device-003'));
      await workbench.contextMenu.choose(row('device-003'), 'Disable User');
      assert.match((await workbench.modal.text()).message, /Disable 3 users in Plant B/);
      await workbench.modal.clickButton('Disable');
      await eventually(async () => assert.deepEqual(disabledOnServer(), ['device-001', 'device-002', 'device-003', 'device-004']), { message: 'the three are disabled on the server' });
      await workbench.notifications.waitFor('Disabled 3 of 3');
      for (const id of ['device-001', 'device-002', 'device-003']) await expectState(workbench, id, 'disabled');
    });

    await step('21e. delete: the user is gone from the server and the tree', async () => {
      await workbench.contextMenu.choose(row('device-005'), 'Delete User…');
      await workbench.modal.text();
      await workbench.modal.clickButton('Delete');
      await eventually(async () => assert.equal(onServer('device-005'), undefined), { message: 'device-005 deleted on the server' });
      await expectHidden(row('device-005'), 'the deleted user\'s row');
    });

    await step('21f. filter by state: only the disabled users, and the view says so; Clear Filter restores', async () => {
      await workbench.quickInput.runCommand('Medium One: Filter Users…');
      await workbench.quickInput.answerInput(/login_id contains/, 'device-');
      await workbench.quickInput.answerPick('disabled');
      await workbench.quickInput.accept();
      await eventually(async () => assert.deepEqual(await deviceLabels(), ['device-001', 'device-002', 'device-003', 'device-004']), { message: 'only the disabled devices' });
      await expectText(workbench.sideBar.viewMessage(VIEW), /disabled/, 'the view\'s message names the active filter');
      await shot('filtered by state');
      await workbench.sideBar.clickViewTitleAction(VIEW, 'Clear Filter');
      await eventually(async () => assert.ok((await workbench.tree.labels(VIEW)).includes('indep-1')), { message: 'Clear Filter restores every row' });
    });

    await step('21g. import from CSV: the users are created (202s included) and shown with their states', async () => {
      const csv = path.join(dir, 'more.csv');
      writeFileSync(csv, `login_id,password\n${IMPORTED.map((r) => r.join(',')).join('\n')}\n`);
      await workbench.contextMenu.choose(row('Plant B'), 'Import Users from CSV…');
      await workbench.fileDialog.answer(csv, /Import users into Plant B/);
      assert.match((await workbench.modal.text()).message, /Create 2 users from more\.csv in Plant B\?/);
      await workbench.modal.clickButton('Create 2 Users');
      await workbench.notifications.waitFor('Imported 2 of 2 users from more.csv into Plant B', { timeoutMs: 30_000 });
      for (const [id, password] of IMPORTED) {
        assert.ok(emulator.checkPassword(SEED.project, id, password), `${id} is on the server with its password`);
        await expectState(workbench, id, 'enabled', 30_000);
      }
      await workbench.quickInput.runCommand('View: Close All Editors');
    });

    await step('21h. Refresh keeps every known state: no row falls back to unknown, and a change made elsewhere shows', async () => {
      emulator.setDisabled(SEED.project, 'imp-2', true);
      await workbench.sideBar.clickViewTitleAction(VIEW, 'Refresh');
      await expectState(workbench, 'imp-2', 'disabled', 30_000);
      for (const id of ['device-001', 'device-002', 'device-003', 'device-004']) assert.equal(await stateOf(workbench, id), 'disabled', `${id} keeps its state`);
      for (const id of ['indep-1', 'imp-1']) assert.equal(await stateOf(workbench, id), 'enabled', `${id} keeps its state`);
      await workbench.parkMouse();
      await shot('after refresh');
    });

    await step('21i. a Registration project creates a user; its details page states no state it cannot know', async () => {
      await workbench.tree.collapse(row('Plant B'));
      await addProject(workbench, { name: 'Registrar B', role: 'Registration', baseUrl: emulator.url, loginId: SEED.registration.loginId, password: SEED.registration.password });
      await workbench.tree.expand(row('Registrar B'));
      const { form, password } = await fillCreateForm(workbench, 'Registrar B', { loginId: 'reg-indep-1', generate: true });
      secret(password, 'a generated password (Registration create)');
      await form.submit.click();
      await expectVisible(row('reg-indep-1'), 'the Registration-created user\'s row', 30_000);
      await eventually(async () => assert.ok(emulator.checkPassword(SEED.project, 'reg-indep-1', password)), { message: 'created on the server with that password' });
      await workbench.quickInput.runCommand('View: Close All Editors');
      await workbench.contextMenu.choose(row('reg-indep-1'), 'Show User Details');
      const details = workbench.webview.userDetails();
      await expectText(details.title, 'reg-indep-1', 'the details title');
      await expectText(details.summary, /\S/, 'the details summary');
      const text = `${await details.summary.innerText()}\n${await details.fields.innerText()}`;
      assert.doesNotMatch(text, /State:\s*enabled|disabled\s*false/i, `no invented state (${text})`);
      assert.equal(await details.formError.isVisible(), false, 'no error banner: the role simply cannot read users');
      await shot('registration details');
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
