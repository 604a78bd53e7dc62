// The one-time credentials file: what a CSV reader (papaparse, as the import uses) and JSON.parse get back from
// it must be exactly the passwords given, whatever they hold; the MQTT password only when the API key was given.
import * as assert from 'node:assert/strict';
import Papa from 'papaparse';
import { credentialsFile, type NewCredential } from '../../../src/provisioning';
import { PASSWORDS } from '../hostile/passwords.table';

const ROWS: NewCredential[] = [
  { loginId: 'device-001', password: 'a,b,"c"', mqttId: 'rEAGMjrk8Bs' },
  { loginId: 'line "breaks"', password: 'one\r\ntwo\nthree\rfour', mqttId: 'Qm9zdG9uMDI' },
  { loginId: '=SUM(A1)', password: '=HYPERLINK("http://x")' },
  { loginId: 'spaces', password: '  padded  ', mqttId: 'c2Vuc29yMDM' },
  { loginId: 'formulas', password: '+1-2@3\t' },
  // Every hostile password the API client tests use (the lone surrogate is left out: no file encoding holds it).
  ...PASSWORDS.filter((p) => !/[\ud800-\udfff]/.test(p.password)).map((p, i) => ({ loginId: `hostile-${i}`, password: p.password })),
];

function parseCsv(text: string): { fields: string[]; data: Record<string, string>[] } {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  assert.deepEqual(parsed.errors, []);
  return { fields: parsed.meta.fields ?? [], data: parsed.data };
}

describe('credentialsFile', () => {
  it('CSV (RFC 4180, CRLF): login_id, password, mqtt_id round-trip exactly, formula prefixes and all', () => {
    const text = credentialsFile('csv', ROWS, {});
    assert.ok(text.startsWith('login_id,password,mqtt_id\r\n'));
    assert.ok(text.endsWith('\r\n'));
    const { fields, data } = parseCsv(text);
    assert.deepEqual(fields, ['login_id', 'password', 'mqtt_id']);
    assert.deepEqual(
      data,
      ROWS.map((r) => ({ login_id: r.loginId, password: r.password, mqtt_id: r.mqttId ?? '' })),
    );
    // Not neutralised: a `'` in front would change the password.
    assert.ok(text.includes('\r\n=SUM(A1),"=HYPERLINK(""http://x"")",\r\n'), text);
  });

  it('with the project\'s MQTT id: mqtt_username <project>/<user> where the user\'s mqtt_id is known, and no mqtt_password', () => {
    const { fields, data } = parseCsv(credentialsFile('csv', ROWS.slice(0, 3), { projectMqttId: 'cHJvamVjdA' }));
    assert.deepEqual(fields, ['login_id', 'password', 'mqtt_id', 'mqtt_username']);
    assert.deepEqual(
      data.map((r) => r.mqtt_username),
      ['cHJvamVjdA/rEAGMjrk8Bs', 'cHJvamVjdA/Qm9zdG9uMDI', ''],
    );
  });

  it('with the API key: mqtt_password <API key>/<password> for every row', () => {
    const apiKey = 'key,with"quote';
    const { fields, data } = parseCsv(credentialsFile('csv', ROWS, { projectMqttId: 'cHJvamVjdA', apiKey }));
    assert.deepEqual(fields, ['login_id', 'password', 'mqtt_id', 'mqtt_username', 'mqtt_password']);
    assert.deepEqual(
      data.map((r) => r.mqtt_password),
      ROWS.map((r) => `${apiKey}/${r.password}`),
    );
  });

  it('the API key alone (no project MQTT id) still gives mqtt_password, not mqtt_username', () => {
    const { fields } = parseCsv(credentialsFile('csv', ROWS.slice(0, 1), { apiKey: 'k' }));
    assert.deepEqual(fields, ['login_id', 'password', 'mqtt_id', 'mqtt_password']);
  });

  it('JSON: a pretty array of objects with the same columns (null where a value is unknown)', () => {
    const text = credentialsFile('json', ROWS, { projectMqttId: 'cHJvamVjdA' });
    assert.ok(text.startsWith('[\n  {\n    "login_id": '));
    const parsed = JSON.parse(text) as Record<string, unknown>[];
    assert.deepEqual(
      parsed,
      ROWS.map((r) => ({ login_id: r.loginId, password: r.password, mqtt_id: r.mqttId ?? null, mqtt_username: r.mqttId ? `cHJvamVjdA/${r.mqttId}` : null })),
    );
    assert.ok(parsed.every((r) => !('mqtt_password' in r)));
    const withKey = JSON.parse(credentialsFile('json', ROWS.slice(0, 1), { apiKey: 'k' })) as Record<string, unknown>[];
    assert.deepEqual(withKey, [{ login_id: 'device-001', password: 'a,b,"c"', mqtt_id: 'rEAGMjrk8Bs', mqtt_password: 'k/a,b,"c"' }]);
  });

  it('no rows: the header alone (CSV), an empty array (JSON)', () => {
    assert.equal(credentialsFile('csv', [], {}), 'login_id,password,mqtt_id\r\n');
    assert.deepEqual(JSON.parse(credentialsFile('json', [], {})), []);
  });
});
