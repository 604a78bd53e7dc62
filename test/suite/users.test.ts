import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Cmd } from '../../src/contributes';
import type { CreateUserHost } from '../../src/webviews/host/createUserPanel';
import type { UserDetailsHost } from '../../src/webviews/host/userDetailsPanel';
import { projectNode } from '../../src/tree/nodes';
import { hasToken, userContextValue } from '../../src/tree/contextValues';
import { addProject, createAnswer, labels, script, services, statesRead, userRow, waitFor, useEmulator } from './helpers/world';

const P = 'Local Sandbox';

describe('user operations', () => {
  const emu = useEmulator();

  it('disables and enables one user from its row, with no question asked', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    await statesRead(s, project);
    const prompts = script(s);
    await vscode.commands.executeCommand(Cmd.disableUser, await userRow(s, project, 'device-001'));
    assert.equal(emu().getUser(P, 'device-001')?.disabled, true);
    assert.equal((await userRow(s, project, 'device-001')).entry.state, 'disabled');
    assert.match(prompts.shown.at(-1)?.message ?? '', /Disabled "device-001"/);
    await vscode.commands.executeCommand(Cmd.enableUser, await userRow(s, project, 'device-001'));
    assert.equal(emu().getUser(P, 'device-001')?.disabled, false);
    prompts.assertDone();
  });

  it('disables a multi-selection of three after one confirmation naming them', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    await statesRead(s, project);
    const selection = await Promise.all(['device-001', 'device-002', 'device-003'].map((id) => userRow(s, project, id)));
    const prompts = script(s, { kind: 'confirm', match: /Disable 3 users/, detail: /device-001[\s\S]*device-002[\s\S]*device-003/, answer: 'Disable' });
    await vscode.commands.executeCommand(Cmd.disableUser, selection[0], selection);
    prompts.assertDone();
    assert.deepEqual(emu().listUsers(P).filter((u) => u.disabled).map((u) => u.loginId), ['device-001', 'device-002', 'device-003', 'device-004']);
    assert.match(prompts.shown.at(-1)?.message ?? '', /Disabled 3 of 3/);
  });

  it('ends a bulk run that failed with a summary naming why, and Retry Failed finishes the job', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    await statesRead(s, project);
    const selection = [await userRow(s, project, 'device-001'), await userRow(s, project, 'device-002')];
    emu().configure({ faults: { routes: { 'PATCH /v2/users/:id': { status500: 1 } } } });
    const prompts = script(s, { kind: 'confirm', answer: 'Disable' });
    prompts.respond = (shown, actions) => {
      if (shown.level !== 'error') return undefined;
      emu().configure({ faults: {} });
      return actions.includes('Retry Failed') ? 'Retry Failed' : undefined;
    };
    await vscode.commands.executeCommand(Cmd.disableUser, selection[0], selection);
    const summary = prompts.shown.find((m) => m.level === 'error');
    assert.match(summary?.message ?? '', /Disabled 0 of 2\. 2 failed \(device-001: .*500/);
    await waitFor('the retry to disable both', () => emu().listUsers(P).filter((u) => u.disabled).length === 3);
    await waitFor('the rows to show it', async () => (await userRow(s, project, 'device-002')).entry.state === 'disabled');
  });

  it('leaves ineligible rows out with a warning', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    await statesRead(s, project);
    const selection = [await userRow(s, project, 'device-004'), await userRow(s, project, 'device-005')];
    const prompts = script(s);
    await vscode.commands.executeCommand(Cmd.enableUser, selection[0], selection);
    assert.equal(emu().getUser(P, 'device-004')?.disabled, false);
    assert.ok(prompts.shown.some((m) => m.level === 'warn' && /1 selected rows cannot be enabled/.test(m.message)));
  });

  it('deletes after a modal that warns the event data goes too; cancel deletes nothing', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    let prompts = script(s, { kind: 'confirm', match: /Delete "device-005"/, detail: /event data/, answer: undefined });
    await vscode.commands.executeCommand(Cmd.deleteUser, await userRow(s, project, 'device-005'));
    assert.ok(emu().getUser(P, 'device-005'), 'cancel keeps the user');
    assert.equal(prompts.shown.length, 0, 'cancellation is silent');
    prompts = script(s, { kind: 'confirm', match: /Delete "device-005"/, answer: 'Delete' });
    await vscode.commands.executeCommand(Cmd.deleteUser, await userRow(s, project, 'device-005'));
    assert.equal(emu().getUser(P, 'device-005'), undefined);
    assert.ok(!(await labels(s, project)).includes('device-005'));
    prompts.assertDone();
  });

  it('demands the typed project name to delete in a production project', async () => {
    const s = await services();
    const project = await addProject(s, emu(), 'business', { name: 'Factory', production: true });
    const prompts = script(
      s,
      { kind: 'confirm', answer: 'Delete' },
      { kind: 'input', match: /production project/, answer: 'Factory', expectInvalid: ['factory', 'Factor'] },
    );
    await vscode.commands.executeCommand(Cmd.deleteUser, await userRow(s, project, 'device-002'));
    prompts.assertDone();
    assert.equal(emu().getUser(P, 'device-002'), undefined);
  });

  it('changes a password; the user can then sign in with it', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    const prompts = script(s, { kind: 'input', answer: 'Brand-new-pass-7', expectInvalid: [''] }, { kind: 'input', answer: 'Brand-new-pass-7', expectInvalid: ['other'] });
    await vscode.commands.executeCommand(Cmd.changePassword, await userRow(s, project, 'device-003'));
    prompts.assertDone();
    assert.ok(emu().checkPassword(P, 'device-003', 'Brand-new-pass-7'));
  });

  it('shows the server\'s reason when it refuses a weak new password', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    const prompts = script(s, { kind: 'input', answer: 'abc' }, { kind: 'input', answer: 'abc' });
    await vscode.commands.executeCommand(Cmd.changePassword, await userRow(s, project, 'device-003'));
    const last = prompts.shown.at(-1)!;
    assert.equal(last.level, 'error');
    // The server's reason, once and readable, whatever its error bodies look like (text, JSON, an HTML page); a
    // server that sends no body gets the status's documented meaning instead.
    assert.match(last.message, /\(400 Bad Request\): (the password did not meet minimum complexity requirements \(at least 6 characters\)|a field is missing or the password does not meet the requirements)\.$/);
    assert.ok(emu().checkPassword(P, 'device-003', 'Device-pass-1'), 'old password still valid');
  });

  it('creates a user from the form\'s submit, refuses a weak password next to its field', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    script(s);
    const host = await vscode.commands.executeCommand<CreateUserHost>(Cmd.createUser, projectNode(project));
    const weak = await host.submit({ loginId: 'sensor-7', password: 'abc' });
    assert.equal(weak?.field, 'password');
    assert.equal(emu().getUser(P, 'sensor-7'), undefined);
    assert.equal(await host.submit({ loginId: 'sensor-7', password: 'Good-pass-77' }), undefined);
    if (createAnswer(emu(), 'sensor-7') === 202) {
      // Accepted: the row says so at once and becomes the user when the server has created it.
      assert.equal((await userRow(s, project, 'sensor-7')).entry.state, 'pending');
      await waitFor('sensor-7 to exist', async () => (await userRow(s, project, 'sensor-7')).entry.state === 'enabled');
    }
    assert.ok(emu().checkPassword(P, 'sensor-7', 'Good-pass-77'));
    const row = await userRow(s, project, 'sensor-7');
    assert.equal(row.entry.state, 'enabled');
    assert.equal(row.entry.mqttId, emu().getUser(P, 'sensor-7')?.mqttId);
    const exists = await host.submit({ loginId: 'sensor-7', password: 'Good-pass-77' });
    assert.equal(exists?.field, 'loginId');
  });

  it('reveals and selects a new user in the visible tree without racing its refresh', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    script(s);
    await vscode.commands.executeCommand('mediumOne.users.focus');
    await s.view.reveal(projectNode(project), { expand: true });
    await waitFor('the project to load while the view shows it', () => s.view.visible && s.users.get(project.id)?.status === 'loaded');
    const host = await vscode.commands.executeCommand<CreateUserHost>(Cmd.createUser, projectNode(project));
    assert.equal(await host.submit({ loginId: 'sensor-42', password: 'Good-pass-77' }), undefined);
    await waitFor('the new row to be selected', () => s.view.selection.some((n) => n.kind === 'user' && n.entry.loginId === 'sensor-42'));
  });

  it('shows a 202 creation as pending, then as the user', async () => {
    const s = await services();
    emu().configure({ acceptedCreation: { delayMs: 1500 } });
    const project = await addProject(s, emu());
    script(s);
    const host = await vscode.commands.executeCommand<CreateUserHost>(Cmd.createUser, projectNode(project));
    assert.equal(await host.submit({ loginId: 'late-1', password: 'Good-pass-77' }), undefined);
    assert.equal((await userRow(s, project, 'late-1')).entry.state, 'pending');
    await waitFor('late-1 to exist', async () => (await userRow(s, project, 'late-1')).entry.state === 'enabled');
  });

  it('lets a Registration project create (tracked) but never offers delete', async () => {
    const s = await services();
    const project = await addProject(s, emu(), 'registration');
    script(s);
    const host = await vscode.commands.executeCommand<CreateUserHost>(Cmd.createUser, projectNode(project));
    assert.equal(await host.submit({ loginId: 'reg-made-1', password: 'Good-pass-77' }), undefined);
    assert.ok(s.projects.tracked(project.id).includes('reg-made-1'));
    const row = await userRow(s, project, 'reg-made-1');
    // Created (200): a new user is enabled. Accepted (202): this role cannot read users, so it cannot see the
    // creation land, and the row stays pending until a refresh.
    assert.equal(row.entry.state, createAnswer(emu(), 'reg-made-1') === 202 ? 'pending' : 'enabled');
    await waitFor('reg-made-1 to exist on the server', () => emu().checkPassword(P, 'reg-made-1', 'Good-pass-77'));
    assert.ok(!hasToken(userContextValue(project, row.entry), 'canDelete'));
  });

  it('adds an existing user by login_id after checking it, and removes it from the list', async () => {
    const s = await services();
    emu().configure({ listing: 'unsupported' });
    const project = await addProject(s, emu());
    let prompts = script(s, { kind: 'input', answer: 'no-such-user' });
    await vscode.commands.executeCommand(Cmd.trackUser, projectNode(project));
    assert.match(prompts.shown.at(-1)?.message ?? '', /There is no user "no-such-user"/);
    prompts = script(s, { kind: 'input', answer: 'device-002' });
    await vscode.commands.executeCommand(Cmd.trackUser, projectNode(project));
    assert.ok((await labels(s, project)).includes('device-002'));
    prompts = script(s);
    await vscode.commands.executeCommand(Cmd.untrackUser, await userRow(s, project, 'device-002'));
    assert.ok(!(await labels(s, project)).includes('device-002'));
    assert.ok(emu().getUser(P, 'device-002'), 'untracking never touches the server');
  });

  it('copies login_id and mqtt_id', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    await statesRead(s, project);
    script(s);
    const row = await userRow(s, project, 'device-001');
    await vscode.commands.executeCommand(Cmd.copyLoginId, row);
    assert.equal(await vscode.env.clipboard.readText(), 'device-001');
    await vscode.commands.executeCommand(Cmd.copyMqttId, row);
    assert.equal(await vscode.env.clipboard.readText(), emu().getUser(P, 'device-001')?.mqttId);
  });

  it('asks for project and user from the palette', async () => {
    const s = await services();
    await addProject(s, emu());
    await addProject(s, emu(), 'business', { name: 'Other' });
    const prompts = script(s, { kind: 'pick', match: /project/, choose: 'Test business' }, { kind: 'pickMany', choose: ['device-003'] });
    await vscode.commands.executeCommand(Cmd.disableUser);
    prompts.assertDone();
    assert.equal(emu().getUser(P, 'device-003')?.disabled, true);
  });

  it('loads the details view with every field and the allowed actions', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    script(s);
    const host = await vscode.commands.executeCommand<UserDetailsHost>(Cmd.showUser, await userRow(s, project, 'device-004'));
    const model = await host.load();
    assert.equal(model.loginId, 'device-004');
    assert.equal(model.fields.disabled, true);
    assert.ok(model.actions.includes('enable') && !model.actions.includes('disable'));
    await host.run('enable');
    assert.equal(emu().getUser(P, 'device-004')?.disabled, false);
    assert.ok((await host.load()).actions.includes('disable'));
  });

  it('reports a refused call in plain words naming the role', async () => {
    const s = await services();
    const project = await addProject(s, emu(), 'registration');
    await s.projects.track(project.id, ['device-001']);
    // The view may have listed the project before the track: read it again with the tracked users.
    s.users.invalidate(project.id);
    const row = await userRow(s, project, 'device-001');
    // A project saved as Business whose account is really a Registration one: the server refuses. The row's state
    // is given as known: a row whose state is unknown offers neither Enable nor Disable.
    const forged = { ...row, project: { ...project, role: 'business' as const }, entry: { ...row.entry, state: 'enabled' as const } };
    const prompts = script(s);
    await vscode.commands.executeCommand(Cmd.disableUser, forged);
    assert.equal(emu().getUser(P, 'device-001')?.disabled, false);
    const last = prompts.shown.at(-1)!;
    assert.equal(last.level, 'error');
    assert.match(last.message, /refused to let "registrar@sandbox.local" disable users: check that it is a Business account/);
  });
});
