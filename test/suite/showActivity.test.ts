import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import Papa from 'papaparse';
import { Cmd } from '../../src/contributes';
import { ACTIVITY_FIELDS, type ActivityEntry } from '../../src/activity/activityEntry';
import type { ActivityModel, ActivityPanelHandle } from '../../src/webviews/host/activityPanel';
import type { Services } from '../../src/services';
import type { Project } from '../../src/projects/project';
import { addProject, script, services, statesRead, userRow, useEmulator, waitFor } from './helpers/world';

const P = 'Local Sandbox';

// Show Activity over a history written by the real commands: the tests drive the page's inbound path (the same
// zod-checked handler the webview's messages reach) and assert the model the page was sent, the files written and
// what the server holds.
describe('Show Activity', () => {
  const emu = useEmulator();
  let dir = '';
  let open: ActivityPanelHandle | undefined;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'm1-activity-'))));
  afterEach(() => {
    open?.panel.dispose();
    open = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  async function showActivity(arg?: unknown): Promise<ActivityPanelHandle> {
    open = await vscode.commands.executeCommand<ActivityPanelHandle>(Cmd.showActivity, arg);
    await open.settled();
    return open;
  }

  /** Disables device-001 and device-002 in one run, as a user does from a multi-selection. */
  async function disableTwo(s: Services, project: Project): Promise<void> {
    await statesRead(s, project);
    const selection = [await userRow(s, project, 'device-001'), await userRow(s, project, 'device-002')];
    const prompts = script(s, { kind: 'confirm', match: /Disable 2 users/, answer: 'Disable' });
    await vscode.commands.executeCommand(Cmd.disableUser, selection[0], selection);
    prompts.assertDone();
  }

  const userRows = (model: ActivityModel | undefined) => (model?.rows ?? []).filter((r) => r.loginId);

  it('says there is no activity yet, then follows a bulk disable as it is recorded, newest first, with Undo and Undo run', async () => {
    const s = await services();
    const handle = await showActivity();
    assert.match(handle.model()?.empty ?? '', /No activity yet/);

    const project = await addProject(s, emu());
    await disableTwo(s, project);
    const model = await waitFor('the two disables in the view', () => (userRows(handle.model()).length === 2 ? handle.model() : undefined));
    assert.equal(model.empty, undefined);
    const rows = userRows(model);
    assert.deepEqual(rows.map((r) => [r.project, r.action, r.outcome, r.reason, r.undo, r.undone]).sort(), [
      [project.name, 'Disable', 'Succeeded', '', true, undefined],
      [project.name, 'Disable', 'Succeeded', '', true, undefined],
    ]);
    assert.deepEqual(rows.map((r) => r.loginId).sort(), ['device-001', 'device-002']);
    assert.ok(rows[0]?.undoRun && rows[0].undoRun === rows[1]?.undoRun, 'both rows offer the same run\'s Undo run');
    const stored = await s.activity.read();
    assert.deepEqual(model.rows.map((r) => r.id), stored.map((e) => e.id), 'newest first, as the history holds them');
    for (const r of rows) assert.equal(r.iso, stored.find((e) => e.id === r.id)?.time, 'the stored time is the row\'s tooltip');
  });

  it('filters by user and exports only the filtered entries, as CSV and JSON with exactly the history\'s fields', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    await disableTwo(s, project);
    const handle = await showActivity();
    assert.equal(await handle.receive({ type: 'filter', filter: { loginId: 'DEVICE-002' } }), 'handled');
    assert.deepEqual(handle.model()?.rows.map((r) => r.loginId), ['device-002']);
    assert.match(handle.model()?.summary ?? '', /Showing 1 of \d+ entries/);

    const csvUri = vscode.Uri.file(path.join(dir, 'activity.csv'));
    const jsonUri = vscode.Uri.file(path.join(dir, 'activity.json'));
    const prompts = script(s, { kind: 'saveFile', match: /Export the activity history/, answer: csvUri }, { kind: 'saveFile', answer: jsonUri });
    assert.equal(await handle.receive({ type: 'export', format: 'csv' }), 'handled');
    assert.equal(await handle.receive({ type: 'export', format: 'json' }), 'handled');
    prompts.assertDone();

    const [entry] = (await s.activity.read()).filter((e) => e.loginId === 'device-002');
    assert.ok(entry);
    const csv = Papa.parse<Record<string, string>>(readFileSync(csvUri.fsPath, 'utf8').trimEnd(), { header: true, newline: '\r\n' });
    assert.deepEqual(csv.errors, []);
    assert.deepEqual(csv.meta.fields, [...ACTIVITY_FIELDS]);
    assert.deepEqual(csv.data, [Object.fromEntries(ACTIVITY_FIELDS.map((f) => [f, entry[f] ?? '']))]);
    assert.deepEqual(JSON.parse(readFileSync(jsonUri.fsPath, 'utf8')), [entry]);
    assert.match(prompts.shown.at(-1)?.message ?? '', /Exported 1 activity entry/);
  });

  it('Undo run enables the run\'s users again on the server, and the view shows both entries Undone', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    await disableTwo(s, project);
    assert.deepEqual(['device-001', 'device-002'].map((id) => emu().getUser(P, id)?.disabled), [true, true]);
    const handle = await showActivity({ projectId: project.id });
    const runId = userRows(handle.model())[0]?.undoRun;
    assert.ok(runId);

    const prompts = script(s, { kind: 'confirm', match: /Enable 2 users/, answer: 'Enable' });
    assert.equal(await handle.receive({ type: 'undoRun', runId }), 'handled');
    prompts.assertDone();
    assert.deepEqual(['device-001', 'device-002'].map((id) => emu().getUser(P, id)?.disabled), [false, false]);

    const model = await waitFor('the undo in the view', () => (userRows(handle.model()).length === 4 ? handle.model() : undefined));
    const disables = userRows(model).filter((r) => r.action === 'Disable');
    assert.deepEqual(disables.map((r) => [r.undone, r.undo, r.undoRun]), [[true, undefined, undefined], [true, undefined, undefined]]);
    const enables = (await s.activity.read()).filter((e: ActivityEntry) => e.action === 'enable');
    assert.deepEqual(enables.map((e) => e.undoOf).sort(), disables.map((r) => r.id).sort(), 'each enable names the disable it undid');
    assert.deepEqual(userRows(model).filter((r) => r.action === 'Enable').map((r) => r.outcome), ['Succeeded', 'Succeeded']);
  });

  it('opens filtered on a user row\'s user, and drops a malformed Undo without touching the server', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    await disableTwo(s, project);
    const handle = await showActivity(await userRow(s, project, 'device-001'));
    assert.deepEqual(handle.model()?.filter, { projectId: project.id, loginId: 'device-001', exactLoginId: true });
    assert.deepEqual(handle.model()?.rows.map((r) => r.loginId), ['device-001']);

    const calls = emu().calls().length;
    script(s);
    assert.equal(await handle.receive({ type: 'undo', entryId: '' }), 'dropped');
    assert.equal(await handle.receive({ type: 'undo', entryId: handle.model()?.rows[0]?.id, also: 'device-002' }), 'dropped');
    assert.equal(emu().calls().length, calls, 'no call reached the server');
    assert.equal(emu().getUser(P, 'device-001')?.disabled, true);
  });
});
