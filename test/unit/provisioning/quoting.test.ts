// Every hostile login_id of the shared table (and a few more aimed at bash, JS and Python) written into every
// snippet: each program still parses, and the literal it holds is exactly the login_id. One bash, one python3
// and no node process for the whole table (node parses in-process with vm.Script).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Script } from 'node:vm';
import { connectionSnippet, mqttTopic } from '../../../src/provisioning';
import { LOGIN_IDS } from '../hostile/loginIds.table';
import { projectMqttId, run, snippetInput, tempDirPerTest } from './fixture';

const MORE = [
  `$(touch pwned)`,
  '`touch pwned`',
  "'; touch pwned; '",
  '${IFS}x${HOME}',
  '{os.system("touch pwned")}',
  '${process.exit(9)}',
  '"; process.exit(9); "',
  'a\u2028b\u2029c',
  '\\\'"\\"',
  '</script><!--',
];
const IDS = [...LOGIN_IDS.filter((c) => c.fate === 'sendable' || c.fate === 'control').map((c) => c.loginId), ...MORE];

/** The right-hand side of `name = …` / `name=…` / `const name = …;` on a line of its own. */
function literal(snippet: string, pattern: RegExp): string {
  const m = pattern.exec(snippet);
  assert.ok(m, `no ${String(pattern)} in\n${snippet}`);
  return m[1];
}

describe('Snippets quote every login_id for their language', () => {
  const temp = tempDirPerTest();

  it(`Node: ${IDS.length} hostile login_ids, each snippet parses and LOGIN_ID is exactly the login_id`, () => {
    for (const loginId of IDS) {
      const snippet = connectionSnippet('node', snippetInput({ loginId }));
      assert.doesNotThrow(() => new Script(snippet), loginId);
      assert.equal(JSON.parse(literal(snippet, /^const LOGIN_ID = (.*);$/m)), loginId);
      assert.ok(/^[\x20-\x7e\n]*$/.test(snippet), 'only printable ASCII and line feeds');
    }
  });

  it('cURL: each script passes bash -n, and bash reads back the JSON login_id and the percent-encoded path', async () => {
    const lines: string[] = [];
    IDS.forEach((loginId, i) => {
      const snippet = connectionSnippet('curl', snippetInput({ loginId }));
      const file = temp.write(`s${i}.sh`, snippet);
      lines.push(`bash -n ${file} || echo "syntax error in ${i}" >&2`);
      lines.push(literal(snippet, /^(login_id_json=.*)$/m), literal(snippet, /^(events_path=.*)$/m));
      lines.push(`printf '%s\\0%s\\0' "$login_id_json" "$events_path"`);
    });
    const ran = await run('bash', [temp.write('all.sh', lines.join('\n'))]);
    assert.equal(ran.stderr, '');
    const out = ran.stdout.split('\0');
    IDS.forEach((loginId, i) => {
      assert.equal(JSON.parse(out[2 * i]), loginId);
      assert.equal(out[2 * i + 1], `/v2/events/raw/${encodeURIComponent(loginId)}`);
    });
  });

  it('Python requests and paho: every file compiles (always, requests and paho need not be installed) and holds the exact values', async () => {
    const cases = IDS.flatMap((loginId, i) => [
      { file: temp.write(`r${i}.py`, connectionSnippet('python', snippetInput({ loginId }))), name: 'LOGIN_ID', value: loginId },
      { file: temp.write(`p${i}.py`, connectionSnippet('paho', snippetInput({ deviceId: loginId, mqtt: { host: loginId, port: 1, tls: true } }))), name: 'TOPIC', value: mqttTopic(projectMqttId, 'rEAGMjrk8Bs', loginId) },
    ]);
    const checker = [
      'import ast, json, sys',
      'for case in json.load(open(sys.argv[1], encoding="utf-8")):',
      '    tree = ast.parse(open(case["file"], encoding="utf-8").read(), case["file"])',
      '    compile(tree, case["file"], "exec")',
      '    values = [ast.literal_eval(n.value) for n in tree.body if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", None) == case["name"]]',
      '    if values != [case["value"]]:',
      '        print("mismatch in", case["file"], ascii(values), ascii(case["value"]))',
    ].join('\n');
    const ran = await run('python3', [temp.write('check.py', checker), temp.write('cases.json', JSON.stringify(cases))]);
    assert.equal(ran.code, 0, ran.stderr);
    assert.equal(ran.stdout, '');
    const compiled = await run('python3', ['-m', 'py_compile', ...cases.slice(0, 2).map((c) => c.file)], { PYTHONPYCACHEPREFIX: path.join(temp.dir, 'pyc') });
    assert.equal(compiled.code, 0, compiled.stderr);
  });

  it('a login_id or stream no URL can carry is refused by the REST formats, saying why', () => {
    for (const format of ['curl', 'python', 'node'] as const) {
      assert.throws(() => connectionSnippet(format, snippetInput({ loginId: '..' })), /login_id "\.\." cannot be one segment of a URL path/);
      assert.throws(() => connectionSnippet(format, snippetInput({ loginId: '' })), /login_id "" cannot/);
      assert.throws(() => connectionSnippet(format, snippetInput({ stream: '.' })), /stream "\." cannot/);
      assert.throws(() => connectionSnippet(format, snippetInput({ loginId: 'dev-\uD800' })), /lone UTF-16 surrogate/);
    }
  });

  it('the base URL is a quoted value too, its trailing slashes dropped', () => {
    const baseUrl = "http://127.0.0.1:1/it's $(x)/";
    assert.match(connectionSnippet('curl', snippetInput({ baseUrl })), /^base_url='http:\/\/127\.0\.0\.1:1\/it'\\''s \$\(x\)'$/m);
    assert.match(connectionSnippet('node', snippetInput({ baseUrl })), /^const BASE_URL = "http:\/\/127\.0\.0\.1:1\/it's \$\(x\)";$/m);
    assert.match(connectionSnippet('python', snippetInput({ baseUrl })), /^BASE_URL = "http:\/\/127\.0\.0\.1:1\/it's \$\(x\)"$/m);
  });
});
