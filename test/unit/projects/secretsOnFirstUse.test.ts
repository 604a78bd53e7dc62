// A project from settings has no secrets until first used: the registry asks for them once, at the first sign-in.
import * as assert from 'node:assert/strict';
import { ClientRegistry } from '../../../src/projects/clientRegistry';
import type { Project, ProjectSecrets } from '../../../src/projects/project';
import { apiKey, business, logins, recorder, rejectsWith, useEmulator } from '../api/fixture';

describe('projects/clientRegistry secrets on first use', () => {
  const world = useEmulator();
  const project = (origin?: Project['origin']): Project => ({ id: 'settings-1', name: 'From settings', baseUrl: world.emulator.url, role: 'business', loginId: business.loginId, production: false, origin });

  function registry(answer: () => ProjectSecrets | undefined) {
    const stored = new Map<string, ProjectSecrets>();
    const clients = new ClientRegistry({ getSecrets: (id) => Promise.resolve(stored.get(id)) }, recorder().logger, () => 5_000);
    let asked = 0;
    clients.askForMissingSecrets = async (p) => {
      asked++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      const secrets = answer();
      if (secrets) stored.set(p.id, secrets);
      return secrets;
    };
    return { clients, stored, asked: () => asked };
  }

  it('asks once for calls that need the secrets at the same time, then signs in with the answer', async () => {
    const r = registry(() => ({ password: business.password, apiKey }));
    const client = await r.clients.for(project('workspace'));
    const lists = await Promise.all([client.listUsers(), client.listUsers(), client.listUsers()]);
    assert.ok(lists.every((l) => l.length > 0));
    assert.equal(r.asked(), 1);
    assert.equal(logins(world.emulator).length, 1);
    await (await r.clients.for(project('workspace'))).listUsers();
    assert.equal(r.asked(), 1, 'stored: not asked again');
  });

  it('a cancelled question is a cancellation, with no sign-in attempt', async () => {
    const r = registry(() => undefined);
    await rejectsWith((await r.clients.for(project('user'))).listUsers(), 'cancelled');
    assert.equal(logins(world.emulator).length, 0);
  });

  it('never asks for a project added with Add Project: its missing secrets are a sign-in error', async () => {
    const r = registry(() => ({ password: business.password, apiKey }));
    await rejectsWith((await r.clients.for(project(undefined))).listUsers(), 'loginFailed');
    assert.equal(r.asked(), 0);
  });
});
