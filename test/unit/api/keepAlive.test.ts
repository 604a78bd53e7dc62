// The client keeps connections open between calls, and a connection the server closes never costs a call its answer.
// node-fetch 2.7 given no agent uses Node's global agent, which keeps connections alive since Node 19 (VS Code 1.90+
// runs Node 20); in VS Code the proxy support may put its own agent in between. These tests guard both halves: reuse,
// and a reused connection that the server closes ends like any dropped connection (read repeated, change settled).
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import type { Emulator } from '../../../src/emulator/types';
import { alice, bob, makeClient, projectName, useEmulator } from './fixture';

/** A pass-through TCP proxy in front of the emulator that counts connections and can close them like a server. */
interface Proxy {
  url: string;
  /** TCP connections opened through the proxy so far. */
  readonly connections: number;
  /** Requests dropped by `dropOnReuse`. */
  readonly dropped: number;
  /** Closes every open connection now, as a server does with idle keep-alive connections. */
  closeAll(): void;
  /**
   * The next `n` requests that arrive on a connection which already carried an exchange are dropped unread: the
   * server closes the connection just as the client reuses it, so nothing reaches the emulator.
   */
  dropOnReuse(n: number): void;
  stop(): Promise<void>;
}

async function startProxy(emulator: Emulator): Promise<Proxy> {
  const open = new Set<net.Socket>();
  let connections = 0;
  let dropped = 0;
  let toDrop = 0;
  const server = net.createServer((client) => {
    connections++;
    const upstream = net.connect(emulator.port, '127.0.0.1');
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    open.add(client);
    client.on('close', () => {
      open.delete(client);
      upstream.destroy();
    });
    upstream.on('close', () => client.destroy());
    client.on('error', end);
    upstream.on('error', end);
    // HTTP/1.1 without pipelining: client bytes after answer bytes start the connection's next request.
    let answered = false;
    client.on('data', (chunk: Buffer) => {
      if (answered && toDrop > 0) {
        toDrop--;
        dropped++;
        end();
        return;
      }
      answered = false;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      answered = true;
      client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: emulator.url.replace(`:${emulator.port}`, `:${port}`),
    get connections() {
      return connections;
    },
    get dropped() {
      return dropped;
    },
    closeAll: () => {
      for (const s of open) s.destroy();
    },
    dropOnReuse: (n) => {
      toDrop = n;
    },
    stop: async () => {
      for (const s of open) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('api/client: keep-alive connections', function () {
  const world = useEmulator();
  let proxy: Proxy;

  beforeEach(async () => {
    proxy = await startProxy(world.emulator);
  });
  afterEach(async () => {
    await proxy.stop();
  });

  it('50 calls one after another share a few connections', async () => {
    const { client } = makeClient(world.emulator, { baseUrl: proxy.url });
    for (let i = 0; i < 25; i++) {
      assert.equal((await client.getUser(alice.loginId)).loginId, alice.loginId);
      await client.updateUser(bob.loginId, { disabled: i % 2 === 0 });
    }
    assert.equal(world.emulator.calls().length, 51, 'the sign-in and 50 calls reached the server');
    assert.ok(proxy.connections <= 2, `${proxy.connections} connections for 51 requests`);
    assert.equal(world.emulator.getUser(projectName, bob.loginId)?.disabled, true);
  });

  it('calls in flight together each get a connection, and the next round reuses them', async () => {
    const { client } = makeClient(world.emulator, { baseUrl: proxy.url });
    await client.login();
    for (let round = 0; round < 3; round++) {
      const users = await Promise.all(Array.from({ length: 8 }, () => client.getUser(alice.loginId)));
      assert.equal(users.length, 8);
    }
    assert.ok(proxy.connections <= 9, `${proxy.connections} connections for a sign-in and 3 rounds of 8 calls`);
  });

  it('a server that closes idle connections between calls still answers every call', async () => {
    const { client, log } = makeClient(world.emulator, { baseUrl: proxy.url });
    for (let i = 0; i < 20; i++) {
      proxy.closeAll();
      await client.updateUser(bob.loginId, { disabled: i % 2 === 0 });
      proxy.closeAll();
      assert.equal((await client.getUser(bob.loginId)).disabled, i % 2 === 0);
    }
    assert.ok(proxy.connections > 20, 'the connections were closed between calls');
    assert.equal(world.emulator.getUser(projectName, bob.loginId)?.disabled, false);
    assert.ok(
      log.calls.every((c) => c.status !== undefined || c.error !== undefined),
      'every try was logged with its answer or its failure',
    );
  });

  describe('a connection closed by the server just as it is reused', () => {
    it('a read is sent again and answered', async () => {
      const { client } = makeClient(world.emulator, { baseUrl: proxy.url });
      await client.login();
      proxy.dropOnReuse(1);
      assert.equal((await client.getUser(alice.loginId)).loginId, alice.loginId);
      assert.equal(proxy.dropped, 1);
    });

    it('an update and a delete are applied and reported done', async () => {
      const { client } = makeClient(world.emulator, { baseUrl: proxy.url });
      await client.login();
      proxy.dropOnReuse(1);
      await client.updateUser(alice.loginId, { disabled: true });
      proxy.dropOnReuse(1);
      await client.deleteUser(bob.loginId);
      assert.equal(proxy.dropped, 2);
      assert.equal(world.emulator.getUser(projectName, alice.loginId)?.disabled, true);
      assert.equal(world.emulator.getUser(projectName, bob.loginId), undefined);
    });

    it('a create is checked first, then made exactly once', async () => {
      const { client } = makeClient(world.emulator, { baseUrl: proxy.url });
      await client.login();
      proxy.dropOnReuse(1);
      const result = await client.createUser({ loginId: 'kim', password: 'kim-Pw-12345' });
      assert.deepEqual(result, { status: 'created', loginId: 'kim' });
      assert.equal(proxy.dropped, 1);
      assert.equal(world.emulator.listUsers(projectName).filter((u) => u.loginId === 'kim').length, 1);
      const creates = world.emulator.calls().filter((c) => c.method === 'POST' && c.path.startsWith('/v2/users'));
      assert.equal(creates.length, 1, 'the dropped POST never reached the server; the repeat did');
    });

    it('every call of a burst on reused connections gets its answer when some are closed', async () => {
      const { client } = makeClient(world.emulator, { baseUrl: proxy.url, retry: { maxAttempts: 6 } });
      await Promise.all(Array.from({ length: 8 }, () => client.getUser(alice.loginId)));
      proxy.dropOnReuse(5);
      const changes = Array.from({ length: 8 }, () => client.updateUser(alice.loginId, { disabled: true }));
      const reads = Array.from({ length: 8 }, () => client.getUser(bob.loginId));
      await Promise.all([...changes, ...reads]);
      assert.equal(proxy.dropped, 5);
      assert.equal(world.emulator.getUser(projectName, alice.loginId)?.disabled, true);
    });
  });
});
