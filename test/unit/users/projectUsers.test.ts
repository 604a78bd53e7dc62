import * as assert from 'node:assert/strict';
import { ProjectUsers, type ProjectLoad } from '../../../src/users/projectUsers';
import type { UserEntry } from '../../../src/users/userEntry';
import type { Project } from '../../../src/projects/project';
import type { Role } from '../../../src/api/types';
import type { Emulator } from '../../../src/emulator/types';
import { concurrencyFor } from '../../../src/users/serverConcurrency';
import { business, makeClient, projectName, registration, useEmulator } from '../api/fixture';

// The users model (which users a project has, their states, reloads, 202 users) in plain Node, against the
// emulator over HTTP with the real API client. Each test asserts what the tree would show: the loaded rows.

const devices = (n: number) => Array.from({ length: n }, (_, i) => `device-${i + 1}`);

function seed(emulator: Emulator, loginIds: string[]): void {
  loginIds.forEach((loginId, i) => emulator.putUser(projectName, { loginId, password: 'Dev-pass-123', disabled: i % 3 === 0 }));
}

/** The model as the extension builds it, over one project of the emulator. */
function model(emulator: Emulator, options: { role?: Role; tracked?: string[] } = {}) {
  const role = options.role ?? 'business';
  const creds = role === 'registration' ? registration : business;
  const project: Project = { id: 'p1', name: 'Plant', baseUrl: emulator.url, role, loginId: creds.loginId, production: false };
  const { client } = makeClient(emulator, { credentials: creds, role });
  const users = new ProjectUsers({
    projects: { get: (id) => (id === project.id ? project : undefined), tracked: () => options.tracked ?? [] },
    clients: { for: () => Promise.resolve(client) },
    concurrency: (c) => concurrencyFor(c, 4),
  });
  return { project, client, users };
}

/** What the rows show: login_id and state, in the tree's order. */
const shown = (load: ProjectLoad | undefined) => (load?.status === 'loaded' ? load.users.map((u) => [u.loginId, u.state]) : load?.status);
const serverState = (emulator: Emulator, loginId: string) => (emulator.getUser(projectName, loginId)?.disabled ? 'disabled' : 'enabled');

/** Resolves once the project's state read is over (the model then fires a change for the project). */
function readDone(users: ProjectUsers, projectId: string): Promise<void> {
  if (!users.isReading(projectId)) return Promise.resolve();
  return new Promise((resolve) => {
    const sub = users.onDidChange(() => {
      if (users.isReading(projectId)) return;
      sub.dispose();
      resolve();
    });
  });
}

describe('users/projectUsers: a project\'s users, their states, reloads and 202 users', function () {
  this.timeout(30_000);
  const world = useEmulator();

  it('loads the server\'s list in natural login_id order, each state as the server holds it', async () => {
    seed(world.emulator, devices(12));
    const { project, users } = model(world.emulator);
    const load = await users.ensureLoaded(project);
    assert.equal(load.status === 'loaded' && load.source, 'server');
    const expected = world.emulator.listUsers(projectName).map((u) => u.loginId);
    expected.sort((a, b) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' }));
    assert.deepEqual(shown(load), expected.map((id) => [id, serverState(world.emulator, id)]));
    assert.equal(users.isReading(project.id), false, 'a list with states needs no reads');
  });

  it('on a login_id-only list, shows every row at once and then each state as it is read', async () => {
    world.emulator.useProfiles(['login-ids']);
    seed(world.emulator, devices(40));
    const { project, users } = model(world.emulator);
    const batches: string[][] = [];
    users.onDidChange((c) => c?.loginIds && batches.push(c.loginIds));
    const load = await users.ensureLoaded(project);
    assert.equal(load.status === 'loaded' && load.users.length, 42, 'every listed user has a row before any state is read');
    assert.ok(users.isReading(project.id), 'states are being read');
    await readDone(users, project.id);
    for (const [id, state] of shown(users.get(project.id)) as string[][]) assert.equal(state, serverState(world.emulator, id), id);
    assert.equal(users.readProgress(project.id), undefined, 'no progress once done');
    assert.ok(batches.length > 0 && batches.length < 42, `read states arrive in batches (${batches.length})`);
  });

  it('a reload shows the states known at once, reads them again, and then shows what the server holds', async () => {
    world.emulator.useProfiles(['login-ids']);
    seed(world.emulator, devices(6));
    const { project, users } = model(world.emulator);
    await users.ensureLoaded(project);
    await readDone(users, project.id);
    const before = shown(users.get(project.id));
    // Changed behind the extension's back: a reload must not show it before reading it.
    world.emulator.putUser(projectName, { loginId: 'device-2', password: 'Dev-pass-123', disabled: true });
    users.invalidate(project.id);
    const reloaded = await users.ensureLoaded(project);
    assert.deepEqual(shown(reloaded), before, 'the known states, not "unknown"');
    assert.ok(users.isReading(project.id, 'device-2'), 'and read again');
    await readDone(users, project.id);
    assert.equal(users.entry(project.id, 'device-2')?.state, 'disabled');
  });

  it('a change made here wins over a read that started before it', async () => {
    world.emulator.useProfiles(['login-ids']);
    world.emulator.configure({ faults: { latencyMs: 150 } });
    seed(world.emulator, devices(3));
    const { project, users } = model(world.emulator);
    await users.ensureLoaded(project);
    // device-1 is disabled on the server; the extension enables it while the read of its old state is in flight.
    users.patchUser(project.id, 'device-1', { state: 'enabled' });
    await readDone(users, project.id);
    assert.equal(users.entry(project.id, 'device-1')?.state, 'enabled');
  });

  it('accepted-202: shows a 202 user as pending, across a reload, until the poll finds it', async () => {
    world.emulator.useProfiles(['accepted-202']);
    const { project, client, users } = model(world.emulator);
    await users.ensureLoaded(project);
    // The profile answers every other create with 202.
    const results = [await client.createUser({ loginId: 'late-0', password: 'Late-pass-123' }), await client.createUser({ loginId: 'late-1', password: 'Late-pass-123' })];
    assert.deepEqual(results.map((r) => r.status).sort(), ['created', 'pending']);
    const late = results.find((r) => r.status === 'pending')!.loginId;
    users.markPending(project.id, late);
    assert.equal(users.entry(project.id, late)?.state, 'pending');
    users.invalidate(project.id);
    assert.deepEqual((shown(await users.ensureLoaded(project)) as string[][]).find(([id]) => id === late), [late, 'pending'], 'still pending after a reload');
    await users.watchPending(project.id, late, (id) => client.waitUntilExists(id, { intervalMs: 100, maxAttempts: 30 }));
    assert.equal(users.entry(project.id, late)?.state, 'enabled');
    users.invalidate(project.id);
    assert.deepEqual((shown(await users.ensureLoaded(project)) as string[][]).filter(([id]) => id === late), [[late, 'enabled']], 'listed once, no longer pending');
  });

  it('a 202 user that never appears is reported and is no longer pending', async () => {
    const { project, client, users } = model(world.emulator);
    await users.ensureLoaded(project);
    users.markPending(project.id, 'never-1');
    await assert.rejects(users.watchPending(project.id, 'never-1', (id) => client.waitUntilExists(id, { intervalMs: 20, maxAttempts: 3 })));
    users.invalidate(project.id);
    const load = await users.ensureLoaded(project);
    assert.equal(load.status === 'loaded' && load.users.some((u: UserEntry) => u.loginId === 'never-1'), false);
  });

  it('a role that cannot list shows the tracked users, with the reason as a code', async () => {
    const { project, users } = model(world.emulator, { role: 'registration', tracked: ['bob', 'alice@example.com'] });
    const load = await users.ensureLoaded(project);
    assert.ok(load.status === 'loaded');
    assert.equal(load.source, 'tracked');
    assert.deepEqual(load.sourceReason, { code: 'roleCannotList', role: 'registration' });
    assert.deepEqual(load.users.map((u) => [u.loginId, u.state, u.tracked, u.reason]), [
      ['alice@example.com', 'unknown', true, { code: 'roleCannotRead', role: 'registration' }],
      ['bob', 'unknown', true, { code: 'roleCannotRead', role: 'registration' }],
    ]);
  });

  it('patchUser adds a row in order, changes one in place and removes one, one event each', async () => {
    seed(world.emulator, devices(3));
    const { project, users } = model(world.emulator);
    await users.ensureLoaded(project);
    const events: unknown[] = [];
    users.onDidChange((c) => events.push(c));
    users.patchUser(project.id, 'device-10', { state: 'enabled' });
    users.patchUser(project.id, 'device-2', { busy: 'Disabling…' });
    users.patchUser(project.id, 'device-3', undefined);
    const ids = (shown(users.get(project.id)) as string[][]).map(([id]) => id);
    assert.deepEqual(ids.filter((id) => id.startsWith('device-')), ['device-1', 'device-2', 'device-10']);
    assert.equal(users.entry(project.id, 'device-2')?.busy, 'Disabling…');
    assert.deepEqual(events, [{ projectId: 'p1' }, { projectId: 'p1', loginId: 'device-2' }, { projectId: 'p1' }]);
  });
});
