// The REST snippets are run, not read: bash + curl, node and python3 execute them against the real emulator, and
// the test looks at what the server ends up holding. A login_id and a password full of shell, JS and Python
// metacharacters must arrive as data, with no injected command run.
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startEmulator } from '../../../src/emulator';
import type { Emulator, EmulatorSeed } from '../../../src/emulator/types';
import { connectionSnippet, type SnippetFormat } from '../../../src/provisioning';
import { projectSeed } from '../fixtureSeed';
import { requirePythonRequests } from '../requiredTools';
import { apiKey, business, projectName, run, snippetInput, tempDirPerTest, type Ran } from './fixture';

// Made (0700) only when the suite runs, so a run that filters it out leaves nothing behind.
const markerDir = path.join(tmpdir(), `m1-inject-${randomUUID()}`);
const marker = path.join(markerDir, 'pwned');
/** Every way bash, JavaScript and Python could be tricked into running text: quotes, $(), backticks, ${}, f-string braces. */
const hostileId = `o'brien $(touch ${marker}) \`touch ${marker}\` "x" \${process.exit(7)} {__import__("os").system("touch ${marker}")} ;|& 100% ü🙂`;
const hostilePassword = `pw "q" 'a' $(touch ${marker}) \\ \`x\` \t\u0001 é🙂`;
const plain = { loginId: 'device-001', password: 'Device-pass-1' };

const seed = (): EmulatorSeed => ({
  projects: [
    projectSeed({
      name: projectName,
      apiKey,
      business,
      users: [
        { ...plain, mqttId: 'rEAGMjrk8Bs' },
        { loginId: hostileId, password: hostilePassword, mqttId: 'aG9zdGlsZTE' },
        { loginId: 'asleep', password: 'Asleep-pass-1', disabled: true },
      ],
    }),
  ],
});

/** The program that runs each snippet; `needs` fails the test (with how to install it) when that program is missing. */
const RUNNERS: { format: SnippetFormat; file: string; command: string; needs?: () => void }[] = [
  { format: 'curl', file: 'send-event.sh', command: 'bash' },
  { format: 'node', file: 'send-event.mjs', command: 'node' },
  { format: 'python', file: 'send_event.py', command: 'python3', needs: requirePythonRequests },
];

describe('REST connection snippets, run against the emulator', () => {
  let emulator: Emulator;
  const temp = tempDirPerTest();
  before(async () => {
    mkdirSync(markerDir, { mode: 0o700 });
    emulator = await startEmulator({ seed: seed() });
  });
  beforeEach(() => {
    emulator.reset(seed());
    emulator.useProfiles([]);
    rmSync(marker, { force: true });
  });
  after(async () => {
    await emulator.stop();
    rmSync(markerDir, { recursive: true, force: true });
  });

  const eventsOf = (loginId: string, stream = 'raw') => emulator.events(projectName, loginId, stream).map((e) => e.eventData);
  const ok = (ran: Ran) => assert.equal(ran.code, 0, `exit ${ran.code}\nstdout: ${ran.stdout}\nstderr: ${ran.stderr}`);

  async function runSnippet(runner: (typeof RUNNERS)[number], input: Parameters<typeof snippetInput>[0], env: Record<string, string>): Promise<Ran> {
    runner.needs?.();
    const file = temp.write(runner.file, connectionSnippet(runner.format, snippetInput({ baseUrl: emulator.url, ...input })));
    return run(runner.command, [file], env, temp.dir);
  }

  for (const runner of RUNNERS) {
    describe(`${runner.format} (${runner.command})`, () => {
      it('logs in as the basic user and the event lands in its raw stream', async () => {
        ok(await runSnippet(runner, { loginId: plain.loginId }, { M1_API_KEY: apiKey, M1_PASSWORD: plain.password }));
        assert.deepEqual(eventsOf(plain.loginId), [{ test: true }]);
        const logins = emulator.calls().filter((c) => c.method === 'POST' && c.path === '/v2/login');
        assert.equal(logins.length, 1);
      });

      it('a login_id and password full of shell/JS/Python metacharacters arrive as data: the event is that user\'s, nothing injected ran', async () => {
        ok(await runSnippet(runner, { loginId: hostileId }, { M1_API_KEY: apiKey, M1_PASSWORD: hostilePassword }));
        assert.deepEqual(eventsOf(hostileId), [{ test: true }]);
        assert.deepEqual(eventsOf(plain.loginId), []);
        assert.equal(existsSync(marker), false, 'an injected command ran');
      });

      it('with the API key included, to another stream (percent-encoded), on a server that sets several cookies', async () => {
        emulator.useProfiles(['several-cookies']);
        const stream = 'lab/stream #1';
        ok(await runSnippet(runner, { loginId: plain.loginId, apiKey, stream }, { M1_PASSWORD: plain.password }));
        assert.deepEqual(eventsOf(plain.loginId, stream), [{ test: true }]);
        assert.deepEqual(eventsOf(plain.loginId), []);
      });

      it('a wrong password fails the run (non-zero exit, the 401 shown) and sends no event', async () => {
        const ran = await runSnippet(runner, { loginId: plain.loginId }, { M1_API_KEY: apiKey, M1_PASSWORD: 'wrong' });
        assert.notEqual(ran.code, 0);
        assert.match(ran.stdout + ran.stderr, /401/);
        assert.deepEqual(eventsOf(plain.loginId), []);
        assert.equal(emulator.calls().filter((c) => c.path.startsWith('/v2/events/')).length, 0);
      });

      it('without M1_PASSWORD in the environment it stops before any call, naming the variable', async () => {
        const ran = await runSnippet(runner, { loginId: plain.loginId }, { M1_API_KEY: apiKey });
        assert.notEqual(ran.code, 0);
        assert.match(ran.stderr, /M1_PASSWORD/);
        assert.equal(emulator.calls().length, 0);
      });
    });
  }

  it('Node without Headers.getSetCookie (older Node 18): the joined Set-Cookie header is split and every cookie sent back', async () => {
    emulator.useProfiles(['several-cookies']);
    const preload = temp.write('old-node.cjs', 'delete Headers.prototype.getSetCookie;\n');
    const file = temp.write('send-event.mjs', connectionSnippet('node', snippetInput({ baseUrl: emulator.url, loginId: plain.loginId })));
    ok(await run('node', ['--require', preload, file], { M1_API_KEY: apiKey, M1_PASSWORD: plain.password }));
    assert.deepEqual(eventsOf(plain.loginId), [{ test: true }]);
  });

  it('cURL, a disabled user: the event is refused and the run fails', async () => {
    const ran = await runSnippet(RUNNERS[0], { loginId: 'asleep' }, { M1_API_KEY: apiKey, M1_PASSWORD: 'Asleep-pass-1' });
    assert.notEqual(ran.code, 0, ran.stdout);
    assert.match(ran.stdout + ran.stderr, /disabled/, 'the server\'s reason is shown');
    assert.deepEqual(eventsOf('asleep'), []);
  });

  it('the cURL snippet leaves no cookie file behind, even when it fails', async () => {
    const tmp = temp.dir;
    const env = { M1_API_KEY: apiKey, TMPDIR: tmp };
    ok(await runSnippet(RUNNERS[0], { loginId: plain.loginId }, { ...env, M1_PASSWORD: plain.password }));
    assert.notEqual((await runSnippet(RUNNERS[0], { loginId: plain.loginId }, { ...env, M1_PASSWORD: 'wrong' })).code, 0);
    assert.deepEqual(readdirSync(tmp), [RUNNERS[0].file]);
    // Not vacuous: mktemp does create its files there under this TMPDIR.
    const probe = (await run('bash', ['-c', 'mktemp'], { TMPDIR: tmp })).stdout.trim();
    assert.equal(path.dirname(probe), tmp);
  });
});
