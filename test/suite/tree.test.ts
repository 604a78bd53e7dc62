import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Cmd } from '../../src/contributes';
import { projectNode, type TreeNode } from '../../src/tree/nodes';
import { defaultSeed } from '../../src/emulator';
import { revealUser } from '../../src/commands/reveal';
import { addProject, labels, rows, script, services, statesRead, userRow, useEmulator } from './helpers/world';

describe('users tree', () => {
  const emu = useEmulator();

  it('shows a user disabled behind the extension\'s back after Refresh', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    await statesRead(s, project);
    assert.equal((await userRow(s, project, 'device-002')).entry.state, 'enabled');
    emu().setDisabled('Local Sandbox', 'device-002', true);
    await vscode.commands.executeCommand(Cmd.refresh, projectNode(project));
    // Where states are read one by one, the known state shows until the re-read replaces it.
    await statesRead(s, project);
    assert.equal((await userRow(s, project, 'device-002')).entry.state, 'disabled');
  });

  it('turns a 503 storm into an error row whose Retry recovers', async () => {
    const s = await services();
    script(s);
    emu().configure({ faults: { routes: { 'GET /v2/users': { status503: 1 } } } });
    const project = await addProject(s, emu());
    s.clients.forget(project.id);
    const [row] = await rows(s, project);
    assert.equal(row.kind, 'message');
    assert.ok(row.kind === 'message' && row.icon === 'error');
    assert.match(row.kind === 'message' ? row.label : '', /503|unavailable/i);
    assert.equal(row.kind === 'message' && row.action?.command, Cmd.refresh);
    emu().configure({ faults: {} });
    await vscode.commands.executeCommand(row.kind === 'message' ? row.action!.command : '', projectNode(project));
    assert.deepEqual((await labels(s, project)).slice(0, 2), ['device-001', 'device-002']);
  });

  it('falls back to tracked users, and says so, where the server cannot list', async () => {
    const s = await services();
    emu().configure({ listing: 'unsupported' });
    const project = await addProject(s, emu());
    await s.projects.track(project.id, ['device-003', 'ghost']);
    // The view may have listed the project before the track: read it again with the tracked users.
    s.users.invalidate(project.id);
    const shown = await rows(s, project);
    assert.match(shown[0].kind === 'message' ? shown[0].label : '', /tracked/i);
    assert.equal((await userRow(s, project, 'device-003')).entry.state, 'enabled');
    assert.equal((await userRow(s, project, 'ghost')).entry.state, 'notFound');
  });

  it('shows a Registration project its tracked users without reading them', async () => {
    const s = await services();
    const project = await addProject(s, emu(), 'registration');
    await s.projects.track(project.id, ['device-001']);
    // The view may have listed the project before the track: read it again with the tracked users.
    s.users.invalidate(project.id);
    const row = await userRow(s, project, 'device-001');
    assert.equal(row.entry.state, 'unknown');
    assert.ok(!emu().calls().some((c) => c.method === 'GET' && c.path.startsWith('/v2/users')), 'no listing or read attempted');
  });

  it('filters by login_id text and by state, and clears', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    await statesRead(s, project);
    script(s, { kind: 'input', answer: '00' }, { kind: 'pickMany', choose: ['disabled'] });
    await vscode.commands.executeCommand(Cmd.filterUsers);
    assert.deepEqual(await labels(s, project), ['device-004']);
    assert.match(s.view.description ?? '', /Filter: "00" · disabled/);
    await vscode.commands.executeCommand(Cmd.clearFilter);
    assert.equal((await labels(s, project)).length, 5);
  });
});

/** The default seed's five devices and 1,195 sensors: 1,200 users, more than two pages. */
function bigSeed() {
  const seed = defaultSeed();
  const sensors = Array.from({ length: 1195 }, (_, i) => ({ loginId: `sensor-${String(i + 1).padStart(4, '0')}`, password: 'Sensor-pass-1', mqttId: `s${i + 1}` }));
  seed.projects[0].users.push(...sensors);
  return seed;
}

const userCount = (shown: TreeNode[]) => shown.filter((n) => n.kind === 'user').length;
const loadMore = (shown: TreeNode[]) => shown.find((n) => n.kind === 'message' && n.action?.command === Cmd.loadMoreUsers);
const loadMoreLabel = (shown: TreeNode[]) => {
  const row = loadMore(shown);
  return row?.kind === 'message' ? row.label : undefined;
};

describe('users tree: a big project in pages', () => {
  const emu = useEmulator({ seed: bigSeed() });

  it('shows 500 users and a Load More row that shows the next 500; a filter starts again at one page', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    let shown = await rows(s, project);
    assert.equal(userCount(shown), 500);
    const more = loadMore(shown);
    assert.ok(more?.kind === 'message' && more.action);
    assert.equal(more.label, 'Load More… (700 more users)');
    assert.equal(shown.at(-1), more, 'after the page of users');
    await vscode.commands.executeCommand(more.action.command, projectNode(project));
    shown = await rows(s, project);
    assert.equal(userCount(shown), 1000);
    assert.match(loadMoreLabel(shown) ?? '', /\(200 more users\)/);
    await vscode.commands.executeCommand(Cmd.refresh, projectNode(project));
    assert.equal(userCount(await rows(s, project)), 1000, 'Refresh keeps the pages loaded');
    s.tree.setFilter({ text: 'sensor-' });
    shown = await rows(s, project);
    assert.equal(userCount(shown), 500);
    assert.match(loadMoreLabel(shown) ?? '', /\(695 more users\)/);
    await vscode.commands.executeCommand(Cmd.clearFilter);
    assert.equal(loadMoreLabel(await rows(s, project)), 'Load More… (700 more users)');
    await vscode.commands.executeCommand(Cmd.loadMoreUsers, projectNode(project));
    await vscode.commands.executeCommand(Cmd.loadMoreUsers, projectNode(project));
    shown = await rows(s, project);
    assert.equal(userCount(shown), 1200);
    assert.equal(loadMore(shown), undefined, 'no Load More once every user shows');
  });

  it('reveals a user beyond the page by extending the page to it', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    assert.equal(userCount(await rows(s, project)), 500);
    await revealUser(s, project.id, 'sensor-0900');
    const shown = await rows(s, project);
    assert.equal(userCount(shown), 905);
    assert.equal(shown.filter((n) => n.kind === 'user').at(-1)?.id, s.view.selection[0]?.id);
    assert.match(loadMoreLabel(shown) ?? '', /\(295 more users\)/);
  });
});
