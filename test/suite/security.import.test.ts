import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Cmd } from '../../src/contributes';
import { projectNode } from '../../src/tree/nodes';
import { addProject, createsTakenUp, script, serverProfile, services, statesRead, useEmulator, waitFor } from './helpers/world';

// The Import Users command with hostile files, as a user runs it: what the prompts say, what the server receives.
describe('security: hostile CSV files in and out', () => {
  const emu = useEmulator();
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'm1-hostile-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string | Buffer) => {
    writeFileSync(path.join(dir, name), content);
    return vscode.Uri.file(path.join(dir, name));
  };
  const userCalls = () => emu().calls().filter((c) => c.path.startsWith('/v2/users'));

  it('refuses a file over 5 MB from its size, and sends nothing', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    // The view may be listing the new project: let it finish, so what follows is the command's alone.
    await statesRead(s, project);
    emu().clearCalls();
    const prompts = script(s, { kind: 'openFile', answer: file('huge.csv', Buffer.alloc(5 * 1024 * 1024 + 1, 'a')) });
    await vscode.commands.executeCommand(Cmd.importUsers, projectNode(project));
    prompts.assertDone();
    assert.match(prompts.shown.at(-1)?.message ?? '', /^huge\.csv: The file is 5\.0 MB; an import reads files of at most 5 MB\. Split it into several files\./);
    assert.deepEqual(userCalls(), []);
  });

  it('names control characters by line, says what it trimmed, and creates exactly the clean rows', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    const csv = file('mixed.csv', 'login_id,password\n  sec-trim  ,Import-pass-1\nsec\u0007bell,Import-pass-2\n"sec\nbreak",Import-pass-3\nsec-ok,Import-pass-4\n');
    const prompts = script(s,
      { kind: 'openFile', answer: csv },
      {
        kind: 'confirm',
        match: /Create 2 users from mixed\.csv/,
        detail: /2 rows will be skipped: line 3: the login_id holds a control character \(U\+0007\), which no login_id may hold; line 4: the login_id holds a line break \(U\+000A\)[^]*Spaces around the login_id were removed on line 2\./,
        answer: 'Create 2 Users',
      });
    await vscode.commands.executeCommand(Cmd.importUsers, projectNode(project));
    prompts.assertDone();
    // A create refused 401 (a session the server ended) names no user and is sent again: count those taken up.
    const created = createsTakenUp(emu()).map((c) => c.loginId).sort();
    assert.deepEqual(created, ['sec-ok', 'sec-trim']);
    // A server may answer a create with 202 and make the user a moment later.
    await waitFor('sec-trim to exist with its password', () => emu().checkPassword('Local Sandbox', 'sec-trim', 'Import-pass-1'));
    for (const m of prompts.shown) assert.ok(!m.message.includes('Import-pass') && !m.message.includes('\u0007'), m.message);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('exports formula-like values neutralised by default and raw with mediumOne.export.rawCsv, with no secret echoed', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    emu().putUser('Local Sandbox', { loginId: '=HYPERLINK("http://evil")', password: 'Export-pw-1', userData: { note: 'api key m1-sandbox-key' } });
    const config = vscode.workspace.getConfiguration('mediumOne');
    const exportTo = async (name: string) => {
      const target = vscode.Uri.file(path.join(dir, name));
      const prompts = script(s, { kind: 'pick', match: /Export 6 users/, choose: 'CSV' }, { kind: 'saveFile', answer: target });
      await vscode.commands.executeCommand(Cmd.exportUsers, projectNode(project));
      prompts.assertDone();
      return readFileSync(target.fsPath, 'utf8');
    };
    const safe = await exportTo('safe.csv');
    assert.match(safe, /\r\n"'=HYPERLINK\(""http:\/\/evil""\)",/);
    assert.ok(!safe.includes('m1-sandbox-key'), 'the project API key, echoed in user_data, is redacted');
    await config.update('export.rawCsv', true, vscode.ConfigurationTarget.Global);
    try {
      assert.match(await exportTo('raw.csv'), /\r\n"=HYPERLINK\(""http:\/\/evil""\)",/);
    } finally {
      await config.update('export.rawCsv', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('Retry Failed looks for a user whose create may have been applied, and does not create it twice', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    // The create is applied but its answer lost, and every check read fails: the first run cannot tell.
    emu().configure({ faults: { routes: { 'POST /v2/users': { dropAfter: 1 }, 'GET /v2/users/:id': { status500: 1 } } } });
    const prompts = script(s,
      { kind: 'openFile', answer: file('lost.csv', 'login_id,password\nsec-lost,Import-pass-1\n') },
      { kind: 'confirm', match: /Create 1 users from lost\.csv/, answer: 'Create 1 User' });
    prompts.respond = (shown, actions) => {
      if (shown.level !== 'error' || !actions.includes('Retry Failed')) return undefined;
      assert.match(shown.message, /1 failed/);
      emu().configure({ faults: undefined });
      return 'Retry Failed';
    };
    await vscode.commands.executeCommand(Cmd.importUsers, projectNode(project));
    await waitFor('the retry to report the user imported', () => prompts.shown.some((m) => m.level === 'info' && /Imported 1 of 1 users from lost\.csv/.test(m.message)), 60_000);
    // What must never happen is a second user. Which POST created the first depends on the server: a short-sessions
    // server may answer the first one 401 (then dropped here, unapplied), and the retry's create is the one applied.
    const posts = createsTakenUp(emu());
    const applied = posts.findIndex((c) => c.applied === true);
    assert.ok(applied >= 0, `the server created sec-lost (answers: ${posts.map((c) => c.status).join(', ')})`);
    // A later create refused as existing is no second user (a 202 create is still pending when the retry asks).
    assert.deepEqual(posts.slice(applied + 1).filter((c) => c.applied).map((c) => c.status), [], 'no create applied after the first');
    if (!serverProfile) assert.equal(applied, 0, 'the default server applies the first create: the retry found it');
    // A create the server accepted for later (202) appears shortly after.
    await waitFor('sec-lost to exist with the file\'s password', () => emu().checkPassword('Local Sandbox', 'sec-lost', 'Import-pass-1') || undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
