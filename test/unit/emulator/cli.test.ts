import * as assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { emulatorProfiles } from '../../../src/emulator';

const root = path.resolve(__dirname, '../../../..');

/** A port that was free a moment ago. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** How many cookies the default seed's Business login sets on the emulator at this port. */
async function cookiesSetByLogin(port: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/v2/login`, {
    method: 'POST',
    body: JSON.stringify({ login_id: 'admin@sandbox.local', password: 'Sandbox-admin-1', api_key: 'm1-sandbox-key' }),
  });
  assert.equal(res.status, 200);
  return res.headers.getSetCookie().length;
}

/** Resolves with everything printed so far once `pattern` shows up on stdout. */
function waitFor(child: ChildProcessWithoutNullStreams, out: { text: string }, pattern: RegExp, ms = 15_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`no ${String(pattern)} within ${ms} ms; printed:\n${out.text}`)), ms);
    const check = () => {
      if (pattern.test(out.text)) done();
    };
    const exited = (code: number | null) => done(new Error(`the CLI exited (${code}) before printing ${String(pattern)}:\n${out.text}`));
    function done(error?: Error) {
      clearTimeout(timer);
      child.stdout.off('data', check);
      child.off('exit', exited);
      if (error) reject(error);
      else resolve(out.text);
    }
    child.stdout.on('data', check);
    child.on('exit', exited);
    check();
  });
}

describe('emulator: the CLI (bundled as `npm run emulator` ships it)', function () {
  let dir: string;
  let bundle: string;
  let child: ChildProcessWithoutNullStreams | undefined;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'm1-emu-cli-'));
    bundle = path.join(dir, 'emulator-cli.js');
    // The same options as esbuild.js's emulator-cli target, built alone (the other targets may be mid-edit).
    buildSync({ entryPoints: [path.join(root, 'src/emulator/cli.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node18', outfile: bundle, logLevel: 'silent' });
  });
  afterEach(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    child = undefined;
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints its URL and the default credentials, answers the login it suggests, exits 0 on SIGINT', async () => {
    const port = await freePort();
    const proc = spawn(process.execPath, [bundle, '--port', String(port)], { stdio: 'pipe' });
    child = proc;
    const out = { text: '' };
    proc.stdout.on('data', (c: Buffer) => (out.text += c.toString('utf8')));
    proc.stderr.on('data', (c: Buffer) => (out.text += c.toString('utf8')));

    const printed = await waitFor(proc, out, /Try: curl .*\n/);
    const url = `http://127.0.0.1:${port}`;
    assert.ok(printed.includes(`Medium One emulator listening on ${url}`), printed);
    assert.match(printed, /Project "Local Sandbox" {2}api_key: m1-sandbox-key {2}project MQTT id: c2FuZGJveDAx\n/);
    assert.match(printed, /business {5}admin@sandbox\.local \/ Sandbox-admin-1/);
    assert.match(printed, /registration registrar@sandbox\.local \/ Sandbox-reg-1/);
    assert.match(printed, /basic users {2}device-001, device-002, device-003, device-004 \(disabled\), device-005 \/ Device-pass-1/);

    // The curl line it prints, replayed: its -d body against its URL.
    const curl = /-d '([^']+)' (\S+)\n/.exec(printed);
    assert.ok(curl, printed);
    assert.equal(curl[2], `${url}/v2/login`);
    const res = await fetch(curl[2], { method: 'POST', body: curl[1], headers: { 'Content-Type': 'application/json' } });
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'true');
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    const list = await fetch(`${url}/v2/users`, { headers: { Cookie: cookie } });
    assert.equal(list.status, 200);
    assert.equal(((await list.json()) as unknown[]).length, 5);
    await waitFor(proc, out, /GET \/v2\/users 200 \d+ms/);

    const exit = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
    proc.kill('SIGINT');
    assert.equal(await exit, 0);
    await assert.rejects(fetch(`${url}/v2/users`), /fetch failed/);
  });

  it('exits 1 with the reason on a non-loopback --host', async () => {
    const proc = spawn(process.execPath, [bundle, '--port', '0', '--host', '0.0.0.0'], { stdio: 'pipe' });
    child = proc;
    let stderr = '';
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => proc.once('close', (c) => resolve(c)));
    assert.equal(code, 1);
    assert.match(stderr, /loopback only/);
  });

  /** Runs the CLI until it exits (or until `pattern` is printed, then SIGTERMs it); resolves code and output. */
  async function run(args: string[], pattern?: RegExp): Promise<{ code: number | null; out: string }> {
    const proc = spawn(process.execPath, [bundle, ...args], { stdio: 'pipe' });
    child = proc;
    const out = { text: '' };
    proc.stdout.on('data', (c: Buffer) => (out.text += c.toString('utf8')));
    proc.stderr.on('data', (c: Buffer) => (out.text += c.toString('utf8')));
    // 'close', not 'exit': the output is complete only once the pipes have closed.
    const exit = new Promise<number | null>((resolve) => proc.once('close', (code) => resolve(code)));
    if (pattern) {
      await waitFor(proc, out, pattern);
      proc.kill('SIGTERM');
    }
    return { code: await exit, out: out.text };
  }

  it('exits 1 with the reason on a bad number or an unknown option', async () => {
    const cases: [string[], RegExp][] = [
      [['--port', 'abc'], /--port must be a whole number from 0 to 65535, not "abc"/],
      [['--port', '70000'], /--port must be a whole number/],
      [['--port', '0', '--latency=-5'], /--latency must be a whole number/],
      [['--port', '0', '--accepted-delay', '1.5'], /--accepted-delay must be a whole number/],
      [['--port', '0', '--nope'], /Unknown option '--nope'/],
    ];
    // In parallel (each exits at once): five node start-ups in sequence would be most of this suite's time.
    const results = await Promise.all(
      cases.map(([args]) => {
        const proc = spawn(process.execPath, [bundle, ...args], { stdio: 'pipe' });
        let out = '';
        proc.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
        proc.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
        return new Promise<{ code: number | null; out: string }>((resolve) => proc.once('close', (code) => resolve({ code, out })));
      }),
    );
    results.forEach(({ code, out }, i) => {
      assert.equal(code, 1, cases[i][0].join(' '));
      assert.match(out, cases[i][1]);
    });
  });

  it('--profile (repeatable, comma lists) is printed in the banner and served; --help lists every profile', async () => {
    const port = await freePort();
    const proc = spawn(process.execPath, [bundle, '--port', String(port), '--quiet', '--profile', 'login-ids,several-cookies', '--profile', 'no-retry-after'], { stdio: 'pipe' });
    child = proc;
    const out = { text: '' };
    proc.stdout.on('data', (c: Buffer) => (out.text += c.toString('utf8')));
    const printed = await waitFor(proc, out, /Try: curl .*\n/);
    assert.match(printed, /^Profile: login-ids, several-cookies, no-retry-after$/m);
    assert.equal(await cookiesSetByLogin(port), 2, 'two cookies: several-cookies is on');
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGTERM');
    await exited;

    const help = await run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /--profile NAME\[,NAME…\]/);
    for (const [name, p] of Object.entries(emulatorProfiles)) assert.ok(help.out.includes(`  ${name} `) && help.out.includes(p.description), name);
  });

  it('without --profile the banner says the default server; an unknown or conflicting profile exits 1 naming it', async () => {
    const { out } = await run(['--port', '0', '--quiet'], /Try: curl .*\n/);
    assert.match(out, /^Profile: objects \(default\)$/m);
    const results = await Promise.all([run(['--port', '0', '--profile', 'login-ids,loginids']), run(['--port', '0', '--profile', 'login-ids', '--profile', 'no-list-405'])]);
    assert.equal(results[0].code, 1);
    assert.match(results[0].out, /Unknown emulator profile "loginids"\. Valid profiles: objects, login-ids, /);
    assert.doesNotMatch(results[0].out, /listening/);
    assert.equal(results[1].code, 1);
    assert.match(results[1].out, /"login-ids" and "no-list-405" disagree on listing/);
  });

  it('--seed FILE replaces the default seed; the printed accounts and curl line are that seed\'s; bad seeds exit 1', async () => {
    const seedFile = path.join(dir, 'seed.json');
    fs.writeFileSync(seedFile, JSON.stringify({
      projects: [{ name: 'Mine', apiKeys: ['mine-key'], admins: [{ loginId: 'me@x.io', password: 'Me-pass-12', role: 'business' }], users: [{ loginId: 'd1', password: 'D1-pass-1' }, { loginId: 'd2', password: 'D2-pass-1' }] }],
    }));
    const { code, out } = await run(['--port', '0', '--seed', seedFile], /Try: curl .*\n/);
    assert.equal(code, 0);
    assert.match(out, /Project "Mine" {2}api_key: mine-key/);
    assert.match(out, /business {5}me@x\.io \/ Me-pass-12/);
    assert.match(out, /basic users {2}d1, d2\n/, 'no shared password shown when the users do not share one');
    assert.match(out, /-d '\{"login_id":"me@x\.io","password":"Me-pass-12","api_key":"mine-key"\}'/);
    assert.doesNotMatch(out, /sandbox/);

    fs.writeFileSync(seedFile, JSON.stringify({ projects: [{ name: 'Mine', apiKeys: 'mine-key', admins: [], users: [] }] }));
    const bad = await run(['--port', '0', '--seed', seedFile]);
    assert.equal(bad.code, 1);
    assert.ok(bad.out.includes(`${seedFile}.projects[0].apiKeys must be an array`), bad.out);
  });

  it('--persist FILE: a second run serves (and prints) what the first one saved', async () => {
    const state = path.join(dir, 'persisted.json');
    fs.rmSync(state, { force: true });
    const port = await freePort();
    const first = spawn(process.execPath, [bundle, '--port', String(port), '--persist', state, '--quiet'], { stdio: 'pipe' });
    child = first;
    const out = { text: '' };
    first.stdout.on('data', (c: Buffer) => (out.text += c.toString('utf8')));
    await waitFor(first, out, /Try: curl/);
    const url = `http://127.0.0.1:${port}`;
    const login = await fetch(`${url}/v2/login`, { method: 'POST', body: JSON.stringify({ login_id: 'admin@sandbox.local', password: 'Sandbox-admin-1', api_key: 'm1-sandbox-key' }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const del = await fetch(`${url}/v2/users/device-001`, { method: 'DELETE', headers: { Cookie: cookie } });
    assert.equal(del.status, 204);
    const exited = new Promise((resolve) => first.once('exit', resolve));
    first.kill('SIGTERM');
    await exited;

    const { out: second } = await run(['--port', '0', '--persist', state], /Try: curl/);
    assert.match(second, /basic users {2}device-002, device-003, device-004 \(disabled\), device-005 \/ Device-pass-1/);
  });
});
