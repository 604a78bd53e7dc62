// `npm run emulator` with its MQTT broker: the banner says where and how a device connects, and the
// mosquitto_pub line it suggests publishes an event the control route then shows.
import * as assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { requireMosquittoPub } from '../requiredTools';

const root = path.resolve(__dirname, '../../../..');

describe('emulator CLI: the MQTT broker', () => {
  let dir: string;
  let bundle: string;
  const children: ChildProcessWithoutNullStreams[] = [];

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'm1-emu-mqtt-cli-'));
    bundle = path.join(dir, 'emulator-cli.js');
    // As cli.test.ts: the CLI target alone, with esbuild.js's options.
    buildSync({ entryPoints: [path.join(root, 'src/emulator/cli.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node18', outfile: bundle, logLevel: 'silent' });
  });
  afterEach(() => children.splice(0).forEach((c) => c.kill('SIGKILL')));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Starts the CLI and resolves with its banner (everything up to the curl example). */
  function banner(args: string[]): Promise<string> {
    const proc = spawn(process.execPath, [bundle, '--port', '0', '--quiet', ...args], { stdio: 'pipe' });
    children.push(proc);
    let out = '';
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no banner within 15 s:\n${out}`)), 15_000);
      proc.stdout.on('data', (c: Buffer) => {
        out += c.toString('utf8');
        if (/Try: curl .*\n/.test(out)) {
          clearTimeout(timer);
          resolve(out);
        }
      });
      proc.on('exit', (code) => reject(new Error(`the CLI exited ${code}:\n${out}`)));
    });
  }

  it('prints host, port, "no TLS" and how usernames and passwords are made; its mosquitto_pub line stores an event', async () => {
    const out = await banner(['--mqtt-port', '0']);
    const broker = /MQTT broker \(MQTT 3\.1\.1, no TLS, loopback only\): host 127\.0\.0\.1 port (\d+)/.exec(out);
    assert.ok(broker && Number(broker[1]) > 0, out);
    assert.match(out, /username <project MQTT id>\/<user MQTT id>, password <api_key>\/<user password>/);
    assert.match(out, /device-001 rEAGMjrk8Bs/);
    const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
    const command = /^Try: (mosquitto_pub .*)$/m.exec(out)?.[1];
    assert.ok(url && command, out);
    assert.ok(command.includes(`-p ${broker[1]} `), command);
    requireMosquittoPub();
    await new Promise<void>((resolve, reject) =>
      execFile('bash', ['-c', command], { timeout: 10_000 }, (error, _o, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve())),
    );
    const res = await fetch(`${url}/__emulator/events/${encodeURIComponent('Local Sandbox')}/device-001`, { headers: { 'X-Emulator-Control': '1' } });
    const events = (await res.json()) as { eventData: unknown }[];
    assert.deepEqual(events.map((e) => e.eventData), [{ test: true }]);
  });

  it('starts no broker with --no-mqtt', async () => {
    const out = await banner(['--no-mqtt']);
    assert.doesNotMatch(out, /MQTT broker|mosquitto_pub/);
  });
});
