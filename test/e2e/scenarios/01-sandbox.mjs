// Issue 3, the first slice, as a newcomer meets it: the welcome view, Start Local Sandbox, the seeded users and their
// states, a change made behind the extension's back, a 503 on the list call and its Retry, and Stop Local Sandbox.
//
// The Local Sandbox runs its own emulator inside the extension host, not the runner's: this scenario reaches it
// through its loopback control route (src/emulator/control.ts), at the address its project row shows.
import assert from 'node:assert/strict';
import { eventually, expectText, expectVisible } from '../harness/expect.mjs';
import { SEED, VIEW, expectState, stateOf } from '../harness/flows.mjs';

export const title = 'sandbox: welcome view, Start Local Sandbox, users and states, Refresh, 503 Retry, Stop';
export const timeoutMs = 150_000;

/** The sandbox's control route, found from the address in its row's tooltip (the description is the role only). */
async function sandboxControl(workbench) {
  const tooltip = await (await workbench.tree.hover(workbench.tree.row(VIEW, SEED.project))).innerText();
  await workbench.parkMouse();
  const port = /127\.0\.0\.1:(\d+)/.exec(tooltip)?.[1];
  assert.ok(port, `the sandbox row's tooltip shows its address (got "${tooltip}")`);
  return async (method, route, body) => {
    const res = await fetch(`http://127.0.0.1:${port}/__emulator/${route}`, {
      method,
      headers: { 'Content-Type': 'application/json', 'X-Emulator-Control': '1' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    assert.ok(res.ok, `the sandbox's control route answered ${res.status} to ${method} ${route}`);
    return res.json();
  };
}

/** @param {import('../harness/types').ScenarioContext} ctx */
export default async function sandbox({ workbench, shot, step }) {
  const row = (label) => workbench.tree.row(VIEW, label);
  const userLabels = async () => (await workbench.tree.labels(VIEW)).filter((l) => l.startsWith('device-'));
  let control;

  await step('1. no project: the welcome view offers Start Local Sandbox and Add Project', async () => {
    await workbench.sideBar.openViewContainer('Medium One');
    await expectVisible(workbench.sideBar.welcomeButton(VIEW, 'Start Local Sandbox'), 'the welcome view\'s "Start Local Sandbox" button');
    await expectVisible(workbench.sideBar.welcomeButton(VIEW, 'Add Project'), 'the welcome view\'s "Add Project" button');
    await shot('welcome view');
  });

  await step('2. Start Local Sandbox: its project row, device-001…device-005, device-004 disabled', async () => {
    await workbench.sideBar.welcomeButton(VIEW, 'Start Local Sandbox').click();
    await expectVisible(row(SEED.project), 'the "Local Sandbox" project row', 30_000);
    // Short enough for the default side bar width; the address is in the tooltip.
    assert.equal(await workbench.tree.description(row(SEED.project)).innerText(), 'Business', 'the project row: its role');
    await workbench.tree.expand(row(SEED.project));
    await eventually(async () => assert.deepEqual(await userLabels(), SEED.devices), { message: 'the seeded users are listed, sorted' });
    await expectState(workbench, 'device-004', 'disabled');
    for (const id of ['device-001', 'device-002', 'device-003', 'device-005']) assert.equal(await stateOf(workbench, id), 'enabled', id);
    assert.equal(await workbench.tree.description(row('device-001')).innerText(), 'rEAGMjrk8Bs', 'a user row\'s description is its mqtt_id');
    await workbench.notifications.waitFor('Local Sandbox running at');
    control = await sandboxControl(workbench);
    await workbench.parkMouse();
    await shot('sandbox users', { readme: 'tree.png', clip: await workbench.sideBar.clip({ height: 215 }) });
    // The user row's Markdown tooltip: its fields, user_data included.
    const tooltip = await workbench.tree.hover(row('device-001'));
    await expectText(tooltip, /device-001[\s\S]*rEAGMjrk8Bs[\s\S]*Boston lab/, 'device-001\'s tooltip');
    await shot('user tooltip');
    await workbench.parkMouse();
  });

  await step('3. a user disabled on the server behind the extension\'s back shows disabled after Refresh', async () => {
    await control('PATCH', `users/${encodeURIComponent(SEED.project)}/device-002`, { disabled: true });
    assert.equal(await stateOf(workbench, 'device-002'), 'enabled', 'nothing changes before Refresh');
    await workbench.sideBar.clickViewTitleAction(VIEW, 'Refresh');
    await expectState(workbench, 'device-002', 'disabled');
    await workbench.parkMouse();
    await shot('disabled behind its back');
  });

  await step('4. GET /v2/users answering 503: an error row whose Retry recovers', async () => {
    await control('PUT', 'settings', { faults: { routes: { 'GET /v2/users': { status503: 1 } } } });
    await workbench.sideBar.clickViewTitleAction(VIEW, 'Refresh');
    const errorRow = workbench.tree.rows(VIEW).filter({ hasText: /503|unavailable/i }).first();
    await expectVisible(errorRow, 'an error row naming the 503', 60_000);
    assert.match(await workbench.tree.description(errorRow).innerText(), /Retry/, 'the error row offers Retry');
    assert.deepEqual(await userLabels(), [], 'no stale user rows beside the error');
    await workbench.parkMouse();
    await shot('503 error row');
    await control('PUT', 'settings', { faults: null });
    const listed = async () => JSON.stringify(await userLabels()) === JSON.stringify(SEED.devices);
    await workbench.tree.clickRowCommand(errorRow, listed);
    await eventually(async () => assert.deepEqual(await userLabels(), SEED.devices), { message: 'Retry lists the users again' });
    await expectState(workbench, 'device-002', 'disabled');
    await shot('recovered');
  });

  await step('5. Stop Local Sandbox: the project row says "not running"', async () => {
    await workbench.quickInput.runCommand('Medium One: Stop Local Sandbox');
    await workbench.notifications.waitFor('Local Sandbox stopped');
    await eventually(async () => assert.match(await workbench.tree.description(row(SEED.project)).innerText(), /not running/), { message: 'the project row says "not running"' });
    await expectVisible(row('The Local Sandbox is not running.'), 'the row saying the sandbox is not running');
    assert.deepEqual(await userLabels(), [], 'no user rows while stopped');
    await workbench.parkMouse();
    await shot('stopped');
  });
}
