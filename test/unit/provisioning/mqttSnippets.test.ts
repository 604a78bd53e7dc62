// The MQTT snippets: the mosquitto_pub command line as bash splits it, a run of it against a stand-in
// mosquitto_pub that prints what it was given, and the paho-mqtt program run whole against a stand-in paho
// package in both API styles (1.x and 2.x). What they must say is SPEC §7.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { connectionSnippet, isMqttFormat, SNIPPET_FORMATS, type SnippetInput } from '../../../src/provisioning';
import { projectMqttId, run, shellWords, snippetInput, tempDirPerTest } from './fixture';
import { writePahoStub, type PahoRecord } from './pahoStub';

/** The mosquitto_pub command of the snippet (its continuation lines joined), split into words. */
function mosquittoWords(snippet: string): string[] {
  const start = snippet.indexOf('\nmosquitto_pub ');
  assert.ok(start >= 0, snippet);
  const command = snippet.slice(start + 1).split(/(?<!\\)\n/)[0];
  return shellWords(command);
}

/** The value after `flag` in `words` (the flag must appear exactly once). */
function flag(words: string[], name: string): string | undefined {
  const at = words.flatMap((w, i) => (w === name ? [i] : []));
  assert.ok(at.length <= 1, `${name} given ${at.length} times`);
  return at.length ? words[at[0] + 1] : undefined;
}

describe('MQTT connection snippets (SPEC §7)', () => {
  const temp = tempDirPerTest();

  it('lists five formats; mosquitto and paho are the MQTT ones', () => {
    assert.deepEqual([...SNIPPET_FORMATS], ['curl', 'python', 'node', 'mosquitto', 'paho']);
    assert.deepEqual(SNIPPET_FORMATS.filter(isMqttFormat), ['mosquitto', 'paho']);
  });

  describe('mosquitto_pub', () => {
    it('connects as <project MQTT id>/<user MQTT id> with password "$M1_API_KEY/$M1_PASSWORD" over TLS, and publishes to 0/<project>/<user>/<device>', async () => {
      const snippet = connectionSnippet('mosquitto', snippetInput());
      const words = mosquittoWords(snippet);
      assert.equal(flag(words, '-h'), 'mqtt.mediumone.com');
      assert.equal(flag(words, '-p'), '61619');
      assert.ok(words.includes('--tls-use-os-certs'));
      assert.equal(flag(words, '-u'), `${projectMqttId}/rEAGMjrk8Bs`);
      assert.equal(flag(words, '-i'), `${projectMqttId}/rEAGMjrk8Bs`);
      assert.equal(flag(words, '-P'), '$M1_API_KEY/$M1_PASSWORD');
      assert.equal(flag(words, '-t'), `0/${projectMqttId}/rEAGMjrk8Bs/vscode-device`);
      assert.deepEqual(JSON.parse(flag(words, '-m') ?? ''), { event_data: { test: true } });
      assert.match(snippet, /: "\$\{M1_API_KEY:\?/);
      assert.equal((await run('bash', ['-n', temp.write('pub.sh', snippet)])).code, 0);
    });

    it('without TLS: no TLS option, the settings\' host and port, and a warning that the password goes in clear', () => {
      const snippet = connectionSnippet('mosquitto', snippetInput({ mqtt: { host: 'broker.local', port: 61620, tls: false } }));
      const words = mosquittoWords(snippet);
      assert.equal(flag(words, '-h'), 'broker.local');
      assert.equal(flag(words, '-p'), '61620');
      assert.ok(!words.some((w) => w.startsWith('--tls') || w === '--cafile' || w === '--capath'));
      assert.match(snippet, /in clear/);
    });

    it('the client id is the username cut to 32 characters; another stream goes in the payload', () => {
      const input = snippetInput({ projectMqttId: 'p'.repeat(20), userMqttId: 'u'.repeat(20), stream: 'lab "1"' });
      const words = mosquittoWords(connectionSnippet('mosquitto', input));
      assert.equal(flag(words, '-u'), `${'p'.repeat(20)}/${'u'.repeat(20)}`);
      assert.equal(flag(words, '-i'), `${'p'.repeat(20)}/${'u'.repeat(11)}`);
      assert.deepEqual(JSON.parse(flag(words, '-m') ?? ''), { event_data: { test: true }, stream: 'lab "1"' });
    });

    it('run against a stand-in mosquitto_pub: bash hands it exactly these words, even from hostile host, ids and API key', async () => {
      const fake = temp.write('mosquitto_pub', '#!/usr/bin/env bash\nprintf \'%s\\0\' "$@"\n');
      await run('chmod', ['+x', fake]);
      const hostile = `it's $(touch ${temp.dir}/pwned) \`id\` "q"`;
      const input = snippetInput({ mqtt: { host: hostile, port: 8883, tls: true }, userMqttId: `u'${hostile}`, deviceId: hostile, apiKey: hostile });
      const ran = await run('bash', [temp.write('pub.sh', connectionSnippet('mosquitto', input))], { PATH: `${temp.dir}:${process.env.PATH ?? ''}`, M1_PASSWORD: 'pw $x' });
      assert.equal(ran.code, 0, ran.stderr);
      const args = ran.stdout.split('\0').slice(0, -1);
      assert.equal(flag(args, '-h'), hostile);
      assert.equal(flag(args, '-u'), `${projectMqttId}/u'${hostile}`);
      assert.equal(flag(args, '-P'), `${hostile}/pw $x`);
      assert.equal(flag(args, '-t'), `0/${projectMqttId}/u'${hostile}/${hostile}`);
      assert.ok([...(flag(args, '-i') ?? '')].length <= 32);
      assert.throws(() => readFileSync(path.join(temp.dir, 'pwned')), /ENOENT/);
    });
  });

  describe('paho-mqtt (run against a stand-in paho package)', () => {
    async function runPaho(input: SnippetInput, style: 1 | 2, env: Record<string, string> = {}) {
      writePahoStub(temp.dir);
      const record = path.join(temp.dir, 'record.json');
      const file = temp.write('publish.py', connectionSnippet('paho', input));
      const ran = await run('python3', [file], { PYTHONPATH: temp.dir, PAHO_STYLE: String(style), PAHO_RECORD: record, M1_API_KEY: 'KEY', M1_PASSWORD: 'pw/"x"', ...env });
      return { ran, record: (): PahoRecord => JSON.parse(readFileSync(record, 'utf8')) as PahoRecord };
    }

    for (const style of [1, 2] as const) {
      it(`paho ${style}.x: username, password <API key>/<password>, client id, TLS, host, port, topic and payload as SPEC §7 says`, async () => {
        const { ran, record } = await runPaho(snippetInput(), style);
        assert.equal(ran.code, 0, ran.stderr);
        const r = record();
        assert.equal(r.api, style === 2 ? 2 : null);
        assert.equal(r.username, `${projectMqttId}/rEAGMjrk8Bs`);
        assert.equal(r.client_id, `${projectMqttId}/rEAGMjrk8Bs`);
        assert.equal(r.password, 'KEY/pw/"x"');
        assert.deepEqual([r.tls, r.host, r.port], [true, 'mqtt.mediumone.com', 61619]);
        assert.equal(r.topic, `0/${projectMqttId}/rEAGMjrk8Bs/vscode-device`);
        assert.deepEqual(JSON.parse(r.payload), { event_data: { test: true } });
        assert.equal(r.disconnected, true);
      });
    }

    it('a refused connection ends the program with an error and publishes nothing', async () => {
      const { ran, record } = await runPaho(snippetInput(), 2, { PAHO_CONNACK: '5' });
      assert.notEqual(ran.code, 0);
      assert.match(ran.stderr, /refused the connection: 5/);
      assert.equal(record().topic, undefined);
    });

    it('without TLS, with the API key included and hostile values: they arrive as given and the file compiles', async () => {
      const hostile = `x" + __import__("os").system("touch pwned") + "\\' {y} \u{1F642}`;
      const input = snippetInput({ mqtt: { host: hostile, port: 1883, tls: false }, apiKey: hostile, deviceId: hostile });
      const { ran, record } = await runPaho(input, 2, { M1_API_KEY: '' });
      assert.equal(ran.code, 0, ran.stderr);
      const r = record();
      assert.deepEqual([r.tls, r.host, r.port, r.password], [false, hostile, 1883, `${hostile}/pw/"x"`]);
      assert.equal(r.topic, `0/${projectMqttId}/rEAGMjrk8Bs/${hostile}`);
      assert.throws(() => readFileSync(path.join(temp.dir, 'pwned')), /ENOENT/);
      assert.equal((await run('python3', ['-m', 'py_compile', path.join(temp.dir, 'publish.py')])).code, 0);
    });
  });

  describe('without the MQTT ids', () => {
    for (const format of ['mosquitto', 'paho'] as const) {
      it(`${format} refuses with a message naming what is missing`, () => {
        assert.throws(() => connectionSnippet(format, snippetInput({ projectMqttId: undefined })), /needs the project's MQTT id:/);
        assert.throws(() => connectionSnippet(format, snippetInput({ userMqttId: '' })), /needs the user's MQTT id \(mqtt_id\):/);
        assert.throws(() => connectionSnippet(format, snippetInput({ projectMqttId: undefined, userMqttId: undefined })), /project's MQTT id and the user's MQTT id/);
      });
    }
    it('the REST formats do not need them', () => {
      for (const format of ['curl', 'python', 'node'] as const) {
        assert.match(connectionSnippet(format, snippetInput({ projectMqttId: undefined, userMqttId: undefined })), /v2\/login/);
      }
    });
  });
});

