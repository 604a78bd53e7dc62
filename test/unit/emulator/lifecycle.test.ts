import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmulator } from '../../../src/emulator';
import type { EmulatorSeed } from '../../../src/emulator/types';
import { apiKey, basic, business, emulatorPerTest, login, parse, project, request, sleep, testSeed, untimed } from './fixture';

describe('emulator: persistence', function () {
  const world = emulatorPerTest();
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'm1-emu-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the file at start; a restart on it keeps users and passwords (the file wins over the seed)', async () => {
    const file = path.join(dir, 'nested', 'state.json');
    const first = await world.start({ persistPath: file });
    assert.ok(fs.existsSync(file));
    const cookie = await login(first);
    assert.equal((await request(first, 'POST', '/v2/users/', { cookie, body: { login_id: 'kept@x.io', password: 'Kept-pass-1' } })).status, 200);
    assert.equal((await request(first, 'PATCH', '/v2/users/zeta', { cookie, body: { password: 'Zeta-new-2', disabled: true } })).status, 200);
    assert.equal((await request(first, 'DELETE', '/v2/users/alpha', { cookie })).status, 204);
    const mqttId = first.getUser(project, 'kept@x.io')?.mqttId;
    await first.stop();

    const emptySeed: EmulatorSeed = { projects: [] };
    const second = await world.start({ persistPath: file, seed: emptySeed });
    assert.deepEqual(second.listUsers(project).map((u) => u.loginId), ['Mid', 'kept@x.io', 'zeta']);
    assert.equal(second.getUser(project, 'kept@x.io')?.mqttId, mqttId);
    assert.equal(second.getUser(project, 'zeta')?.disabled, true);
    await login(second, { login_id: 'kept@x.io', password: 'Kept-pass-1', api_key: apiKey });
    await login(second, { ...basic, password: 'Zeta-new-2' });
    await login(second, business);
  });

  it('saves atomically: only the state file is left, never a .tmp, and it always parses', async () => {
    const file = path.join(dir, 'state.json');
    const emu = await world.start({ persistPath: file });
    const cookie = await login(emu);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => request(emu, 'POST', '/v2/users/', { cookie, body: { login_id: `bulk-${i}`, password: 'Bulk-pass-1' } })),
    );
    emu.putUser(project, { loginId: 'side', password: 'Side-pass-1' });
    emu.setDisabled(project, 'side', true);
    emu.removeUser(project, 'Mid');
    assert.deepEqual(fs.readdirSync(dir), ['state.json']);
    if (process.platform !== 'win32') assert.equal(fs.statSync(file).mode & 0o777, 0o600, 'owner-only: it holds passwords');
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as EmulatorSeed;
    const users = saved.projects[0].users;
    assert.equal(users.length, 2 + 20 + 1);
    assert.equal(users.find((u) => u.loginId === 'side')?.disabled, true);
    assert.equal(users.find((u) => u.loginId === 'bulk-7')?.password, 'Bulk-pass-1');
  });
});

describe('emulator: calls() and reset()', function () {
  const world = emulatorPerTest();

  it('calls() records method, raw path (no query), status or "dropped", and the project', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    await request(emu, 'GET', '/v2/users/%C3%BC%40x?x=1', { cookie });
    await request(emu, 'GET', '/v2/nothing');
    await request(emu, 'GET', '/v2/users/%zz');
    emu.configure({ faults: { routes: { 'DELETE /v2/users/:id': { drop: 1 } } } });
    await request(emu, 'DELETE', '/v2/users/zeta', { cookie }).catch(() => undefined);
    assert.deepEqual(emu.calls().map(untimed), [
      { method: 'POST', path: '/v2/login', status: 200, project: undefined },
      { method: 'GET', path: '/v2/users/%C3%BC%40x', status: 404, project, loginId: 'ü@x' },
      { method: 'GET', path: '/v2/nothing', status: 404 },
      { method: 'GET', path: '/v2/users/%zz', status: 400 },
      { method: 'DELETE', path: '/v2/users/zeta', status: 'dropped', project, loginId: 'zeta', fault: 'drop' },
    ]);
    const copy = emu.calls();
    copy[0].status = 999;
    assert.equal(emu.calls()[0].status, 200, 'calls() hands out copies');
    emu.clearCalls();
    assert.deepEqual(emu.calls(), []);
  });

  it('reset() restores the start seed, the start settings, ends sessions and clears calls', async () => {
    const emu = await world.start({ listing: 'loginIds', passwordRule: { minLength: 10, message: 'ten or more' } });
    const cookie = await login(emu);
    await request(emu, 'POST', '/v2/users/', { cookie, body: { login_id: 'temp', password: 'Temp-pass-long' } });
    await request(emu, 'DELETE', '/v2/users/zeta', { cookie });
    emu.configure({ listing: 'objects', passwordRule: { minLength: 1 }, faults: { latencyMs: 1000 } });
    emu.reset();
    assert.deepEqual(emu.calls(), []);
    assert.deepEqual(emu.listUsers(project), testSeed().projects[0].users.map((u) => ({ loginId: u.loginId, disabled: u.disabled ?? false, mqttId: u.mqttId, userData: u.userData ?? {} })).sort((a, b) => (a.loginId < b.loginId ? -1 : 1)));
    assert.equal((await request(emu, 'GET', '/v2/users', { cookie })).status, 401);
    const again = await login(emu);
    const list = await request(emu, 'GET', '/v2/users', { cookie: again });
    assert.ok(list.ms < 500, 'the runtime latency is gone');
    assert.deepEqual(parse(list), ['Mid', 'alpha', 'zeta'], 'the start listing is back');
    const weak = await request(emu, 'POST', '/v2/users/', { cookie: again, body: { login_id: 'n', password: 'nine-char' } });
    assert.equal(weak.status, 400);
    assert.equal(weak.text, 'ten or more', 'the start password rule is back');
  });

  it('reset() replays a seeded fault sequence from its start', async () => {
    const emu = await world.start({ faults: { routes: { 'GET /v2/users': { status500: 0.5 } }, randomSeed: 5 } });
    const run = async () => {
      const cookie = await login(emu);
      const out: number[] = [];
      for (let i = 0; i < 16; i++) out.push((await request(emu, 'GET', '/v2/users', { cookie })).status);
      return out;
    };
    const first = await run();
    emu.reset();
    assert.deepEqual(await run(), first);
  });

  it('reset() cancels a 202 creation still pending: the user never appears in the new state', async () => {
    const emu = await world.start({ acceptedCreation: { delayMs: 100 } });
    const cookie = await login(emu);
    assert.equal((await request(emu, 'POST', '/v2/users/', { cookie, body: { login_id: 'ghost', password: 'Ghost-pass-1' } })).status, 202);
    emu.reset();
    await sleep(200);
    assert.equal(emu.getUser(project, 'ghost'), undefined);
  });

  it('reset(seed) replaces the whole state', async () => {
    const emu = await world.start();
    emu.reset({ projects: [{ name: 'Solo', apiKeys: ['solo'], admins: [], users: [{ loginId: 'one', password: 'One-pass-1' }] }] });
    assert.deepEqual(emu.listUsers('Solo').map((u) => u.loginId), ['one']);
    assert.throws(() => emu.listUsers(project), /no project/);
    assert.equal((await request(emu, 'POST', '/v2/login', { body: business })).status, 401);
  });
});

describe('emulator: startEmulator', function () {
  const world = emulatorPerTest();

  for (const host of ['0.0.0.0', '192.168.1.10', '::', 'example.com', '127.0.0.1.nip.io']) {
    it(`refuses a non-loopback host (${host}) with a clear error`, async () => {
      await assert.rejects(startEmulator({ host }), (e: unknown) => {
        assert.ok(e instanceof Error);
        assert.match(e.message, /loopback only/);
        assert.ok(e.message.includes(`"${host}"`));
        return true;
      });
    });
  }

  it('listens on 127.0.0.1 by default, on a free port, with a URL without trailing slash', async () => {
    const emu = await world.start();
    assert.ok(emu.port > 0);
    assert.equal(emu.url, `http://127.0.0.1:${emu.port}`);
    const other = await world.start();
    assert.notEqual(other.port, emu.port);
  });

  it('accepts any 127.0.0.0/8 address (where the system routes it)', async function () {
    const emu = await world.start({ host: '127.0.0.2' }).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRNOTAVAIL') this.skip(); // macOS only routes 127.0.0.1 by default
      throw e;
    });
    assert.equal(emu.url, `http://127.0.0.2:${emu.port}`);
    const res = await fetch(`${emu.url}/v2/login`, { method: 'POST', body: JSON.stringify(business), headers: { 'Content-Type': 'application/json' } });
    assert.equal(res.status, 200);
  });

  it('accepts localhost', async () => {
    const emu = await world.start({ host: 'localhost' });
    assert.equal(emu.url, `http://localhost:${emu.port}`);
    const res = await fetch(`${emu.url}/v2/login`, { method: 'POST', body: JSON.stringify(business), headers: { 'Content-Type': 'application/json' } });
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'true');
  });

  it('stop() closes the port and cancels pending timers', async () => {
    const emu = await world.start({ acceptedCreation: { delayMs: 50 } });
    const cookie = await login(emu);
    await request(emu, 'POST', '/v2/users/', { cookie, body: { login_id: 'never', password: 'Never-pass-1' } });
    await emu.stop();
    await assert.rejects(request(emu, 'GET', '/v2/users'), /ECONNREFUSED/);
    await sleep(100);
    assert.equal(emu.getUser(project, 'never'), undefined);
  });

  it('logs one line per API call (method, path, status, ms)', async () => {
    const lines: string[] = [];
    const emu = await world.start({ log: (l) => lines.push(l) });
    await login(emu);
    await request(emu, 'GET', '/v2/users/zeta');
    assert.equal(lines.length, 2);
    assert.match(lines[0], /^POST \/v2\/login 200 \d+ms$/);
    assert.match(lines[1], /^GET \/v2\/users\/zeta 401 \d+ms$/);
    assert.doesNotMatch(lines.join('\n'), /Biz-pass/);
  });
});
