// Multi-step user journeys several scenarios share, written against the page object (no selectors here): what a
// user types and picks, in the product's own words. Not a scenario (the runner loads only test/e2e/scenarios/).
import assert from 'node:assert/strict';
import { eventually, expectVisible } from './expect.mjs';

/** The extension's view, as its pane title says. */
export const VIEW = 'API Users';

/** The emulator's default seed (src/emulator/seed.ts): its project name, admin accounts and basic users. */
export const SEED = {
  project: 'Local Sandbox',
  apiKey: 'm1-sandbox-key',
  business: { loginId: 'admin@sandbox.local', password: 'Sandbox-admin-1' },
  registration: { loginId: 'registrar@sandbox.local', password: 'Sandbox-reg-1' },
  devices: ['device-001', 'device-002', 'device-003', 'device-004', 'device-005'],
};

/** The state part of a user row's accessible name ("<login_id>, <state>"), e.g. `disabled`. */
export async function stateOf(workbench, loginId) {
  const label = await workbench.tree.ariaLabel(workbench.tree.row(VIEW, loginId));
  assert.ok(label.startsWith(`${loginId}, `), `"${loginId}" row's accessible name is "<login_id>, <state>" (got "${label}")`);
  return label.slice(loginId.length + 2);
}

/** Waits until the row of `loginId` shows `state` (its accessible name). */
export async function expectState(workbench, loginId, state, timeoutMs = 15_000) {
  await eventually(async () => assert.equal(await stateOf(workbench, loginId), state), { timeoutMs, message: `"${loginId}" shows ${state}` });
}

/**
 * "Medium One: Add Project…" from the palette, answered step by step as a user would for a server at `baseUrl`
 * (always through "Custom URL…"). Returns once the last answer is given: the sign-in runs after that.
 */
export async function addProjectFromPalette(workbench, { name, baseUrl, role = 'Business', loginId, password, apiKey = SEED.apiKey, mqttId = '', production = false }) {
  await workbench.quickInput.runCommand('Medium One: Add Project…');
  await workbench.quickInput.answerInput(/name for this project/, name);
  await workbench.quickInput.answerPick('Custom URL…', /\(2\/8\)/);
  await workbench.quickInput.answerInput(/Base URL/, baseUrl);
  await workbench.quickInput.answerPick(role, /\(3\/8\)/);
  await workbench.quickInput.answerInput(/login_id of that API account/, loginId);
  await workbench.quickInput.answerInput(/Its password/, password);
  await workbench.quickInput.answerInput(/project API key/, apiKey);
  await workbench.quickInput.answerInput(/MQTT id/, mqttId);
  await workbench.quickInput.answerPick(production ? 'Production' : 'Not production', /\(8\/8\)/);
}

/** Adds a project that signs in at once, and waits for its row. */
export async function addProject(workbench, project) {
  await addProjectFromPalette(workbench, project);
  await expectVisible(workbench.tree.row(VIEW, project.name), `the "${project.name}" project row`, 30_000);
}

/**
 * How most scenarios start: the Medium One container open, and the emulator's seed project added as `name`
 * (Business, signed in at once), its users listed with their states.
 */
export async function startWithSeedProject(workbench, emulator, name = 'Plant A') {
  await workbench.sideBar.openViewContainer('Medium One');
  await addProject(workbench, { name, baseUrl: emulator.url, loginId: SEED.business.loginId, password: SEED.business.password });
  await expectState(workbench, 'device-001', 'enabled');
}

/**
 * Opens the create-user form from the project row's context menu and fills it: `password` typed twice, or
 * `generate: true` for the form's generator. Returns the form and the password it holds (not yet submitted).
 */
export async function fillCreateForm(workbench, projectName, { loginId, password, confirm = password, generate = false }) {
  await workbench.contextMenu.choose(workbench.tree.row(VIEW, projectName), 'Create User…');
  const form = workbench.webview.createUserForm();
  await form.loginId.fill(loginId);
  if (generate) {
    await form.generate.click();
  } else {
    await form.password.fill(password);
    await form.confirm.fill(confirm);
  }
  return { form, password: await form.password.inputValue() };
}
