import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Cmd } from '../../src/contributes';
import { projectNode, type TreeNode } from '../../src/tree/nodes';
import { hasToken } from '../../src/tree/contextValues';
import { userReasonText } from '../../src/tree/reasonText';
import type { UserDetailsHost } from '../../src/webviews/host/userDetailsPanel';
import type { Services } from '../../src/services';
import type { Project } from '../../src/projects/project';
import { addProject, rows, script, services, userRow, waitFor, useEmulator } from './helpers/world';

const P = 'Local Sandbox';
const SEEDED = ['device-001', 'device-002', 'device-003', 'device-004', 'device-005'];

/** What a row looks like on screen: its icon, description and context value. */
function looks(s: Services, node: TreeNode): { icon?: string; description: string; contextValue: string } {
  const item = s.tree.getTreeItem(node);
  return { icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined, description: String(item.description ?? ''), contextValue: item.contextValue ?? '' };
}

/** Every seeded row's state, once none is unknown any more. */
async function statesWhenRead(s: Services, project: Project): Promise<Record<string, string>> {
  return waitFor('every state to be read', async () => {
    const users = (await rows(s, project)).filter((n) => n.kind === 'user');
    if (users.some((n) => n.kind === 'user' && n.entry.state === 'unknown')) return undefined;
    return Object.fromEntries(users.map((n) => (n.kind === 'user' ? [n.entry.loginId, n.entry.state] : ['', ''])));
  });
}

const serverStates = (emu: { listUsers(p: string): { loginId: string; disabled: boolean }[] }) =>
  Object.fromEntries(emu.listUsers(P).map((u) => [u.loginId, u.disabled ? 'disabled' : 'enabled']));

describe('user states from a login_id list', () => {
  // Every call answers after 400 ms, so a test sees the rows before their states are read.
  const emu = useEmulator({ listing: 'loginIds', faults: { latencyMs: 400 } });

  it('shows a row whose state is not read yet unlike an enabled one, then every true state; the message counts', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    const first = await userRow(s, project, 'device-004');
    assert.equal(first.entry.state, 'unknown');
    const look = looks(s, first);
    assert.equal(look.icon, 'circle-outline');
    assert.equal(look.description, 'state not read yet');
    assert.ok(hasToken(look.contextValue, 'stateUnknown'));
    assert.ok(!hasToken(look.contextValue, 'canEnable') && !hasToken(look.contextValue, 'canDisable'), look.contextValue);
    await waitFor('the view message to show the progress', () => /reading states \d \/ 5/.test(s.view.message ?? ''));

    assert.deepEqual(await statesWhenRead(s, project), serverStates(emu()));
    const read = looks(s, await userRow(s, project, 'device-004'));
    assert.equal(read.icon, 'circle-slash');
    assert.ok(hasToken(read.contextValue, 'canEnable') && !hasToken(read.contextValue, 'canDisable'));
    assert.equal(read.description, emu().getUser(P, 'device-004')?.mqttId);
    await waitFor('the progress to leave the message', () => s.view.message === undefined || s.view.message === '');
  });

  it('keeps known states across Refresh (a re-read replaces them, nothing falls back to unknown)', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    await statesWhenRead(s, project);
    script(s);
    await vscode.commands.executeCommand(Cmd.disableUser, await userRow(s, project, 'device-002'));
    emu().setDisabled(P, 'device-001', true);
    await vscode.commands.executeCommand(Cmd.refresh, projectNode(project));
    // Straight after the new list, before any re-read has answered: the known states, none unknown.
    const reloaded = Object.fromEntries((await rows(s, project)).map((n) => (n.kind === 'user' ? [n.entry.loginId, n.entry.state] : ['', ''])));
    assert.deepEqual(reloaded, { 'device-001': 'enabled', 'device-002': 'disabled', 'device-003': 'enabled', 'device-004': 'disabled', 'device-005': 'enabled' });
    assert.ok(s.users.isReading(project.id), 'the states are being read again');
    // The re-read replaces what was known: device-001 was disabled behind the extension's back.
    await waitFor('the re-read', () => !s.users.isReading(project.id));
    assert.deepEqual(await statesWhenRead(s, project), serverStates(emu()));
  });

  it('keeps known states across an import, and reads the imported users\' states (disabled by the file)', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    await statesWhenRead(s, project);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'm1-states-'));
    try {
      const csv = vscode.Uri.file(path.join(dir, 'off.csv'));
      await vscode.workspace.fs.writeFile(csv, new TextEncoder().encode('login_id,password,disabled\nimp-off,Import-pass-1,yes\n'));
      script(s, { kind: 'openFile', answer: csv }, { kind: 'confirm', answer: 'Create 1 User' });
      await vscode.commands.executeCommand(Cmd.importUsers, projectNode(project));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    assert.equal(emu().getUser(P, 'imp-off')?.disabled, true, 'the server holds it disabled');
    // The import lists the project again: the users known before keep their states at once.
    assert.equal((await userRow(s, project, 'device-004')).entry.state, 'disabled');
    assert.ok((await rows(s, project)).every((n) => n.kind !== 'user' || n.entry.loginId === 'imp-off' || n.entry.state !== 'unknown'));
    await waitFor('the imported user\'s state to be read', async () => (await userRow(s, project, 'imp-off')).entry.state === 'disabled');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('stops reading when the project is removed', async () => {
    const s = await services();
    for (let i = 0; i < 60; i++) emu().putUser(P, { loginId: `bulk-${String(i).padStart(2, '0')}`, password: 'Bulk-pass-123' });
    const project = await addProject(s, emu());
    await rows(s, project);
    await waitFor('some states to be read', () => (s.users.readProgress(project.id)?.done ?? 0) > 0);
    script(s, { kind: 'confirm', answer: 'Remove' });
    await vscode.commands.executeCommand(Cmd.removeProject, projectNode(project));
    assert.equal(s.users.isReading(project.id), false);
    // Calls already on the wire may still answer; after that, none is sent.
    await new Promise((r) => setTimeout(r, 1000));
    const sent = emu().calls().length;
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(emu().calls().length, sent, 'no read after removal');
    assert.ok(emu().calls().filter((c) => c.method === 'GET' && c.path.startsWith('/v2/users/')).length < 65, 'the read stopped before the end');
  });

  it('a state filter says how many users it cannot judge yet, then shows them as their states arrive', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    script(s, { kind: 'input', answer: '' }, { kind: 'pickMany', choose: ['disabled'] });
    await vscode.commands.executeCommand(Cmd.filterUsers);
    const early = await rows(s, project);
    const unjudged = early.find((n) => n.kind === 'message' && n.id.endsWith('/unjudged'));
    assert.ok(unjudged?.kind === 'message', `a row says some users are not judged yet (${early.map((n) => n.id).join(', ')})`);
    assert.match(unjudged.label, /^5 users not shown: state not read yet$/);
    assert.equal(unjudged.action?.command, Cmd.clearFilter);
    await waitFor('the filter to show device-004 alone', async () => {
      const now = await rows(s, project);
      return now.length === 1 && now[0].kind === 'user' && now[0].entry.loginId === 'device-004';
    });
    await waitFor('the view message to show the filter, its counts and how to clear it', () =>
      /^Filter: state = disabled — 1 of 5 shown\. Clear Filter .*shows all\.$/.test(s.view.message ?? ''));
    await vscode.commands.executeCommand(Cmd.clearFilter);
    await waitFor('the message to go with the filter', () => !s.view.message);
    assert.equal((await rows(s, project)).length, 5);
  });

  it('a palette Disable waits for the states it needs, then offers exactly the users that are enabled', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    assert.equal((await userRow(s, project, 'device-001')).entry.state, 'unknown', 'the command starts before the states are read');
    const prompts = script(s, { kind: 'pickMany', match: /Choose users/, choose: ['device-005'] });
    await vscode.commands.executeCommand(Cmd.disableUser);
    prompts.assertDone();
    assert.deepEqual(prompts.offered, [['device-001', 'device-002', 'device-003', 'device-005']]);
    assert.equal(emu().getUser(P, 'device-005')?.disabled, true);
    assert.equal((await userRow(s, project, 'device-005')).entry.state, 'disabled');
  });

  it('exports the states the tree shows, and the tree shows what the export read', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    const dir = mkdtempSync(path.join(os.tmpdir(), 'm1-states-'));
    try {
      const target = vscode.Uri.file(path.join(dir, 'states.csv'));
      script(s, { kind: 'pick', choose: 'CSV' }, { kind: 'saveFile', answer: target });
      await vscode.commands.executeCommand(Cmd.exportUsers, projectNode(project));
      const lines = readFileSync(target.fsPath, 'utf8').split('\r\n').slice(1, -1);
      const inFile: Record<string, string> = Object.fromEntries(lines.map((l) => [l.split(',')[0], l.split(',')[1]]));
      assert.deepEqual(inFile, serverStates(emu()));
      const inTree = Object.fromEntries((await rows(s, project)).map((n) => (n.kind === 'user' ? [n.entry.loginId, n.entry.state] : ['', ''])));
      assert.deepEqual(inTree, inFile);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a row not read yet offers Read Now in place of Enable/Disable, and it reads that row ahead of the others', async () => {
    const s = await services();
    const config = vscode.workspace.getConfiguration('mediumOne');
    // One read at a time, 400 ms each: device-005, last in the order, would be read about 2 s in.
    await config.update('concurrency', 1, vscode.ConfigurationTarget.Global);
    try {
      const project = await addProject(s, emu());
      const last = await userRow(s, project, 'device-005');
      assert.equal(last.entry.state, 'unknown');
      assert.ok(hasToken(looks(s, last).contextValue, 'canRead'), 'the menu entry shows where the role may read');
      await vscode.commands.executeCommand(Cmd.readUserState, last, [last]);
      assert.equal((await userRow(s, project, 'device-005')).entry.state, 'enabled', 'read when the command ends');
      assert.equal((await userRow(s, project, 'device-003')).entry.state, 'unknown', 'ahead of rows before it in the order');
    } finally {
      await config.update('concurrency', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('marks each user whose read fails as an error with the reason, and still lists the project', async () => {
    const s = await services();
    emu().configure({ faults: { routes: { 'GET /v2/users/:id': { status500: 1 } } } });
    const project = await addProject(s, emu());
    await waitFor('every read to fail', async () => (await rows(s, project)).every((n) => n.kind === 'user' && n.entry.state === 'error'));
    const row = await userRow(s, project, 'device-003');
    assert.match(userReasonText(row.entry.reason) ?? '', /Reading its state failed: .*500/);
    assert.equal(looks(s, row).icon, 'error');
    assert.equal(s.users.get(project.id)?.status, 'loaded');
    assert.deepEqual((await rows(s, project)).map((n) => (n.kind === 'user' ? n.entry.loginId : n.id)), SEEDED);
  });
});

describe('user states where the role cannot read them', () => {
  const emu = useEmulator();

  it('a Registration project\'s details page shows no state, as information rather than an error', async () => {
    const s = await services();
    const project = await addProject(s, emu(), 'registration');
    await s.projects.track(project.id, ['device-004']);
    // The view may have listed the new project before the line above: list it again (setup, not under test).
    s.users.invalidate(project.id);
    script(s);
    const host = await vscode.commands.executeCommand<UserDetailsHost>(Cmd.showUser, await userRow(s, project, 'device-004'));
    const model = await host.load();
    assert.equal(model.error, undefined, 'no error');
    assert.match(model.notice ?? '', /The Registration role cannot read users, so this page shows what this extension knows about "device-004": no state/);
    assert.equal(model.state, 'not readable by the Registration role');
    assert.deepEqual(model.fields, { login_id: 'device-004' });
    assert.ok(!model.actions.includes('enable') && !model.actions.includes('disable'));
  });

  it('a state filter on a Registration project says how many users it cannot judge', async () => {
    const s = await services();
    const project = await addProject(s, emu(), 'registration');
    await s.projects.track(project.id, ['device-001', 'device-004']);
    s.users.invalidate(project.id);
    s.tree.setFilter({ states: ['disabled'] });
    const shown = await rows(s, project);
    const unjudged = shown.find((n) => n.kind === 'message' && n.id.endsWith('/unjudged'));
    assert.ok(unjudged?.kind === 'message');
    assert.equal(unjudged.label, '2 users not shown: their state is unknown to this extension');
    await waitFor('the message to count them', () => /0 of 2 shown; 2 not judged \(state unknown\)/.test(s.view.message ?? ''));
  });

  it('the project row is short (its role); the tooltip holds URL, role and login', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    const node = projectNode(project);
    await rows(s, project);
    const item = s.tree.getTreeItem(node);
    assert.equal(item.description, 'Business');
    const tooltip = s.tree.resolveTreeItem(item, node).tooltip;
    const text = tooltip instanceof vscode.MarkdownString ? tooltip.value : String(tooltip);
    assert.ok(text.includes(emu().url) && text.includes('Business') && text.includes('admin@sandbox.local'), text);
    assert.match(text, /5 users, listed by the server/);
  });
});
