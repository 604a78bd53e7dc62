// Import and export from the project row's context menu, against the runner's emulator: a CSV with a row it cannot
// create and a row marked disabled is imported after one confirmation (the report names each row by line), and the
// list is exported as CSV.
// The CSV holds passwords, as the user's own file would: it lives outside the workspace, so the leak check (which
// searches the workspace) judges only what the extension writes.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eventually, expectText, expectVisible } from '../harness/expect.mjs';
import { SEED, VIEW, expectState, startWithSeedProject } from '../harness/flows.mjs';

export const title = 'import and export: CSV import with a per-row report, CSV export';
export const timeoutMs = 150_000;
/** Quick picks, menus, dialogs and tree rows are VS Code's own in every theme: the light run proves them (01-sandbox,
 * 03-create, 08-provisioning and 11-teams also run dark, for the extension's own views and webviews). Keeps CI short. */
export const themes = ['light'];

/** login_id, password, disabled */
const ROWS = [
  ['line-2', 'Import-pass-21', ''],
  ['line-3', '', ''],
  ['line-4', 'Import-pass-41', 'true'],
  ['line-5', 'Import-pass-51', 'false'],
];

/** @param {import('../harness/types').ScenarioContext} ctx */
export default async function importExport({ workbench, emulator, shot, step, secret, folder }) {
  const row = (label) => workbench.tree.row(VIEW, label);
  const dir = mkdtempSync(path.join(tmpdir(), 'm1-e2e-csv-'));
  try {
    const csv = path.join(dir, 'devices.csv');
    writeFileSync(csv, `login_id,password,disabled\n${ROWS.map((r) => r.join(',')).join('\n')}\n`);
    for (const [, password] of ROWS) if (password) secret(password, 'a password from the imported CSV');
    await startWithSeedProject(workbench, emulator);

    await step('19a. Import Users from CSV…: one modal names the count and the skipped line; a summary', async () => {
      await workbench.contextMenu.choose(row('Plant A'), 'Import Users from CSV…');
      await workbench.fileDialog.answer(csv, /Import users into Plant A/);
      const modal = await workbench.modal.text();
      assert.match(modal.message, /Create 3 users from devices\.csv in Plant A\?/);
      assert.match(modal.detail, /1 row will be skipped: line 3: no password/);
      assert.match(modal.detail, /1 of them will be disabled right after they are created/);
      await shot('import confirmation');
      await workbench.modal.clickButton('Create 3 Users');
      // In this step: the next one starts by clearing notifications (through the palette, which the report
      // opening would close again).
      await workbench.notifications.waitFor('Imported 3 of 4 users from devices.csv into Plant A');
      // A row was skipped, so the report opened by itself.
      await expectVisible(workbench.editors.tab('Import into Plant A from devices.csv'), 'the import report\'s tab');
    });

    await step('19b. the users are created (line-4 disabled, as its row says), the tree lists them, the report names every row', async () => {
      for (const [id, password, disabled] of ROWS) {
        if (!password) assert.equal(emulator.getUser(SEED.project, id), undefined, `${id} (no password) is not created`);
        else {
          assert.ok(emulator.checkPassword(SEED.project, id, password), `${id} is on the server with its password`);
          assert.equal(emulator.getUser(SEED.project, id)?.disabled, disabled === 'true', `${id} is ${disabled === 'true' ? 'disabled' : 'enabled'} on the server`);
        }
      }
      await expectState(workbench, 'line-5', 'enabled', 30_000);
      await expectState(workbench, 'line-4', 'disabled');
      // The editor renders spaces as no-break spaces: \s matches both.
      await expectText(
        workbench.editors.activeText(),
        /\|\s2\s\|\sline-2\s\|\screated\s[\s\S]*\|\s3\s\|\sline-3\s\|\sskipped\s\|\sno\spassword[\s\S]*\|\s4\s\|\sline-4\s\|\screated,\sdisabled\s/,
        'the report',
      );
      await workbench.parkMouse();
      await shot('import report', { readme: 'import-report.png', clip: { x: 0, y: 0, width: 1280, height: 300 } });
      await workbench.quickInput.runCommand('View: Close All Editors');
    });

    await step('20. Export Users… as CSV: the file lists every user, no password', async () => {
      const target = path.join(folder, 'plant-a.csv');
      await workbench.contextMenu.choose(row('Plant A'), 'Export Users…');
      await workbench.quickInput.answerPick('CSV');
      await workbench.fileDialog.answer(target, /Export the users of Plant A/);
      await workbench.notifications.waitFor('Exported 8 users of Plant A');
      const text = await eventually(async () => readFileSync(target, 'utf8'), { message: 'the exported file is written' });
      const lines = text.trim().split('\r\n');
      assert.equal(lines[0], 'login_id,state,disabled,mqtt_id,user_data');
      assert.deepEqual(lines.slice(1).map((l) => l.split(',')[0]).sort(), emulator.listUsers(SEED.project).map((u) => u.loginId).sort());
      assert.match(text, /device-004,disabled,true,/);
      assert.match(text, /line-4,disabled,true,/);
      await shot('exported');
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
