// Issue 3's first slice, as a newcomer meets it: the welcome view, Start Local Sandbox, the seeded users with their
// states, a change made behind the extension's back, a 503 storm and its Retry, and Stop Local Sandbox. Runs first:
// code-server keeps the extension's global state between scenarios, and the welcome view needs it empty.
import assert from 'node:assert/strict';
import { eventually, expectVisible } from '../harness/expect.mjs';

export const title = 'first slice: welcome, Local Sandbox, users tree, refresh, 503 retry, stop';
export const timeoutMs = 150_000;

const VIEW = 'API Users';
const DEVICES = ['device-001', 'device-002', 'device-003', 'device-004', 'device-005'];

/** The sandbox's emulator runs inside the extension host; its project row shows where ("127.0.0.1:PORT · Business"). */
async function sandboxControl(workbench) {
  const row = workbench.treeRow(VIEW, 'Local Sandbox');
  const description = await workbench.rowDescription(row).innerText();
  const port = /127\.0\.0\.1:(\d+)/.exec(description)?.[1];
  assert.ok(port, `the sandbox row shows its address (got "${description}")`);
  return async (method, route, body) => {
    const res = await fetch(`http://127.0.0.1:${port}/__emulator/${route}`, {
      method,
      headers: { 'Content-Type': 'application/json', 'X-Emulator-Control': '1' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    assert.ok(res.ok, `${method} ${route} answered ${res.status}`);
    return res.json();
  };
}

/** @param {import('../harness/types').ScenarioContext} ctx */
export default async function firstSlice({ workbench, shot }) {
  // 1. No project yet: the welcome view offers both ways in.
  await workbench.openViewContainer('Medium One');
  await expectVisible(workbench.welcomeButton(VIEW, 'Start Local Sandbox'), 'the welcome view\'s "Start Local Sandbox" button');
  await expectVisible(workbench.welcomeButton(VIEW, 'Add Project'), 'the welcome view\'s "Add Project" button');
  await shot('welcome view');

  // 2. Start Local Sandbox from the welcome button: the project appears with its seeded users.
  await workbench.welcomeButton(VIEW, 'Start Local Sandbox').click();
  await expectVisible(workbench.treeRow(VIEW, 'Local Sandbox'), 'the "Local Sandbox" project row', 30_000);
  await eventually(async () => assert.deepEqual((await workbench.treeLabels(VIEW)).slice(1), DEVICES), { message: 'the seeded users are listed' });
  await eventually(async () => assert.match(await workbench.rowAriaLabel(workbench.treeRow(VIEW, 'device-004')), /device-004, disabled/), { message: 'device-004 shows disabled' });
  assert.match(await workbench.rowAriaLabel(workbench.treeRow(VIEW, 'device-001')), /device-001, enabled/);
  assert.match(await workbench.rowDescription(workbench.treeRow(VIEW, 'device-001')).innerText(), /^\w{11}$/, 'mqtt_id as description');
  await workbench.waitForNotification('Local Sandbox running at');
  await workbench.parkMouse();
  await shot('sandbox users');

  // 3. Another admin disables device-002 on the server; Refresh shows it.
  const control = await sandboxControl(workbench);
  await control('PATCH', 'users/Local%20Sandbox/device-002', { disabled: true });
  await workbench.clickViewTitleAction(VIEW, 'Refresh');
  await eventually(async () => assert.match(await workbench.rowAriaLabel(workbench.treeRow(VIEW, 'device-002')), /device-002, disabled/), { message: 'device-002 shows disabled after Refresh' });
  await workbench.parkMouse();
  await shot('disabled behind its back');

  // 4. The server answers 503 to the list call: an error row with Retry; once it recovers, Retry brings the users back.
  await control('PUT', 'settings', { faults: { routes: { 'GET /v2/users': { status503: 1 } } } });
  await workbench.clickViewTitleAction(VIEW, 'Refresh');
  const errorRow = workbench.treeRows(VIEW).filter({ hasText: /503|unavailable/i }).first();
  await expectVisible(errorRow, 'an error row naming the 503', 30_000);
  assert.match(await workbench.rowDescription(errorRow).innerText(), /Retry/);
  await workbench.parkMouse();
  await shot('503 error row');
  await control('PUT', 'settings', { faults: null });
  await errorRow.click();
  await eventually(async () => assert.deepEqual((await workbench.treeLabels(VIEW)).slice(1), DEVICES), { message: 'Retry lists the users again' });
  await shot('recovered');

  // 5. Stop Local Sandbox: the project row says it is not running and offers Start.
  await workbench.runCommand('Medium One: Stop Local Sandbox');
  await workbench.waitForNotification('Local Sandbox stopped');
  await eventually(async () => assert.match(await workbench.rowDescription(workbench.treeRow(VIEW, 'Local Sandbox')).innerText(), /not running/), { message: 'the project row says "not running"' });
  await expectVisible(workbench.treeRow(VIEW, 'The Local Sandbox is not running.'), 'the "not running" row');
  await workbench.parkMouse();
  await shot('stopped');
}
