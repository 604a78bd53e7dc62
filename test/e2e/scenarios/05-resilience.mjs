// Issue 4, a server under stress (the runner's emulator with injected faults): 429 storms with Retry-After and 503s
// end in success or in a clear error, never in silence; the server ends in the state the user was told about, and a
// create is never made twice.
import assert from 'node:assert/strict';
import { eventually, expectText, expectVisible } from '../harness/expect.mjs';
import { SEED, VIEW, expectState, fillCreateForm, startWithSeedProject } from '../harness/flows.mjs';

export const title = 'resilience: 429 storms with Retry-After and 503s end in success or a clear error';
export const timeoutMs = 180_000;
/** Retries and error messages look alike in every theme: the light run proves them (keeps CI short). */
export const themes = ['light'];

/** @param {import('../harness/types').ScenarioContext} ctx */
export default async function resilience({ workbench, emulator, shot, step, secret }) {
  const row = (label) => workbench.tree.row(VIEW, label);
  const statuses = (method, pathPattern) => emulator.calls().filter((c) => c.method === method && pathPattern.test(c.path)).map((c) => c.status);
  await startWithSeedProject(workbench, emulator);

  /** Ends the fault storm on `route` once it has answered `count` times with `status` (the client keeps retrying). */
  const endStormAfter = async (method, pathPattern, status, count) => {
    await eventually(async () => assert.ok(statuses(method, pathPattern).filter((s) => s === status).length >= count), { timeoutMs: 30_000, message: `${count} × ${status}` });
    emulator.configure({ faults: undefined });
  };

  await step('18a. a 429 storm with Retry-After on PATCH: the disable backs off and lands once the storm ends', async () => {
    emulator.clearCalls();
    emulator.configure({ faults: { retryAfterSeconds: 1, routes: { 'PATCH /v2/users/:id': { status429: 1 } } } });
    await workbench.contextMenu.choose(row('device-001'), 'Disable User');
    await endStormAfter('PATCH', /^\/v2\/users\/device-001$/, 429, 2);
    await workbench.notifications.waitFor('Disabled "device-001"', { timeoutMs: 30_000 });
    assert.deepEqual(statuses('PATCH', /^\/v2\/users\/device-001$/), [429, 429, 200], 'two 429s, then through');
    assert.equal(emulator.getUser(SEED.project, 'device-001')?.disabled, true, 'disabled on the server');
    await expectState(workbench, 'device-001', 'disabled');
    await shot('429 storm then success');
  });

  await step('18b. a 429 storm that does not end: a clear error naming it, the server unchanged', async () => {
    emulator.clearCalls();
    emulator.configure({ faults: { retryAfterSeconds: 1, routes: { 'PATCH /v2/users/:id': { status429: 1 } } } });
    await workbench.tree.clickInlineAction(row('device-001'), 'Enable User');
    const toast = await workbench.notifications.waitFor(/429|too many/i, { timeoutMs: 60_000 });
    assert.match(await toast.innerText(), /device-001/, 'the error names the user');
    assert.ok(statuses('PATCH', /device-001$/).length > 1, 'it was retried before giving up');
    assert.equal(emulator.getUser(SEED.project, 'device-001')?.disabled, true, 'the server is unchanged');
    await expectState(workbench, 'device-001', 'disabled');
    await shot('429 storm error');
    emulator.configure({ faults: undefined });
  });

  await step('18c. a 429 storm on create: the user is created once the storm ends, never twice', async () => {
    emulator.clearCalls();
    emulator.configure({ faults: { retryAfterSeconds: 1, routes: { 'POST /v2/users': { status429: 1 } } } });
    const { form, password } = await fillCreateForm(workbench, 'Plant A', { loginId: 'storm-1', generate: true });
    secret(password, 'a generated password (create under 429s)');
    await form.submit.click();
    await endStormAfter('POST', /^\/v2\/users\/?$/, 429, 2);
    await expectVisible(row('storm-1'), 'the created user\'s row', 30_000);
    const posts = statuses('POST', /^\/v2\/users\/?$/);
    assert.equal(posts.filter((s) => s === 200 || s === 202).length, 1, `created exactly once (${posts.join(', ')})`);
    assert.ok(emulator.checkPassword(SEED.project, 'storm-1', password), 'on the server with that password');
    await workbench.parkMouse();
    await shot('429 storm on create');
    await workbench.quickInput.runCommand('View: Close All Editors');
  });

  await step('18d. a 503 that does not end: a clear error with Show Log, the server and the row unchanged', async () => {
    emulator.clearCalls();
    emulator.configure({ faults: { retryAfterSeconds: 1, routes: { 'PATCH /v2/users/:id': { status503: 1 } } } });
    await workbench.contextMenu.choose(row('device-002'), 'Disable User');
    const toast = await workbench.notifications.waitFor(/503|unavailable/i, { timeoutMs: 60_000 });
    assert.match(await toast.innerText(), /device-002/, 'the error names the user');
    await expectVisible(workbench.notifications.button(toast, 'Show Log'), 'the error\'s Show Log button');
    // Show Log opens the "Medium One" output: the calls that got 503, with no body and no secret.
    await workbench.notifications.button(toast, 'Show Log').click();
    await expectText(workbench.editors.panelText(), /PATCH\s\/v2\/users\/device-002\s503/, 'the log\'s line for the refused PATCH');
    assert.ok(!/Sandbox-admin-1|m1-sandbox-key/.test(await workbench.editors.panelText().innerText()), 'no secret in the log');
    assert.ok(statuses('PATCH', /device-002$/).length > 1, 'it was retried before giving up');
    assert.equal(emulator.getUser(SEED.project, 'device-002')?.disabled, false, 'the server is unchanged');
    await expectState(workbench, 'device-002', 'enabled');
    await shot('503 storm error');
    emulator.configure({ faults: undefined });
    await workbench.quickInput.runCommand('View: Hide Panel');
  });

  await step('18e. 503s on the list call that then end: Refresh shows the users, no error row', async () => {
    emulator.clearCalls();
    emulator.configure({ faults: { retryAfterSeconds: 1, routes: { 'GET /v2/users': { status503: 1 } } } });
    await workbench.sideBar.clickViewTitleAction(VIEW, 'Refresh');
    await endStormAfter('GET', /^\/v2\/users\/?$/, 503, 2);
    await eventually(async () => assert.ok(statuses('GET', /^\/v2\/users\/?$/).includes(200)), { timeoutMs: 30_000, message: 'the list call gets through' });
    await expectState(workbench, 'device-003', 'enabled');
    assert.equal(await workbench.tree.rows(VIEW).filter({ hasText: /503|unavailable/i }).count(), 0, 'no error row');
    assert.ok((await workbench.tree.labels(VIEW)).includes('storm-1'), 'the list is the server\'s current one');
    await workbench.parkMouse();
    await shot('503s then the users');
  });
}
