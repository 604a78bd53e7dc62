// The registry's sign-in with unsaved credentials (Add Project, Edit Project, Test Connection), in plain Node.
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { ClientRegistry } from '../../../src/projects/clientRegistry';
import type { Project, ProjectSecrets } from '../../../src/projects/project';
import { apiKey, business, logins, recorder, rejectsWith, useEmulator } from '../api/fixture';

const saved: ProjectSecrets = { password: business.password, apiKey };

function registry(timeoutMs: () => number = () => 5_000) {
  const log = recorder();
  const clients = new ClientRegistry({ getSecrets: () => Promise.resolve(saved) }, log.logger, timeoutMs);
  return { clients, log };
}

describe('projects/clientRegistry probe', () => {
  const world = useEmulator();

  it('signs in once with the credentials it is given, logging through the registry', async () => {
    const { clients, log } = registry();
    await clients.probe({ baseUrl: world.emulator.url, loginId: business.loginId }, saved);
    assert.equal(logins(world.emulator).length, 1);
    assert.deepEqual(log.calls.map((c) => `${c.method} ${c.path} ${c.status}`), ['POST /v2/login 200']);
  });

  it('reports a refused sign-in as loginFailed and does not try again', async () => {
    const { clients } = registry();
    await rejectsWith(clients.probe({ baseUrl: world.emulator.url, loginId: business.loginId }, { ...saved, password: 'not-the-password' }), 'loginFailed');
    assert.equal(logins(world.emulator).length, 1);
  });

  it("keeps no session: the project's own client signs in for itself", async () => {
    const { clients } = registry();
    const project: Project = { id: 'p1', name: 'Probe', baseUrl: world.emulator.url, role: 'business', loginId: business.loginId, production: false };
    await clients.probe(project, saved);
    const users = await (await clients.for(project)).listUsers();
    assert.ok(users.length > 0);
    assert.equal(logins(world.emulator).length, 2);
  });

  it('gives up after the timeout setting as it reads at the time of the probe', async () => {
    // A server that accepts the connection and never answers.
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    let timeoutMs = 60_000;
    const { clients } = registry(() => timeoutMs);
    timeoutMs = 100;
    try {
      await rejectsWith(clients.probe({ baseUrl: `http://127.0.0.1:${port}`, loginId: business.loginId }, saved), 'timeout');
    } finally {
      silent.close();
    }
  });
});
