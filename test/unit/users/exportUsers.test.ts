import * as assert from 'node:assert/strict';
import { usersToCsv, usersToJson, type ExportedUser } from '../../../src/users/exportUsers';
import { parseImportCsv } from '../../../src/users/importCsv';

const users: ExportedUser[] = [
  { loginId: 'device-001', state: 'enabled', mqttId: 'rEAGMjrk8Bs', userData: { site: 'Boston lab' } },
  { loginId: 'a,b "c"', state: 'disabled', mqttId: 'm2', userData: {} },
  { loginId: '+49 sensor', state: 'pending' },
];

describe('user export', () => {
  it('writes CSV with a header, CRLF, RFC 4180 quoting and user_data as JSON text', () => {
    assert.equal(usersToCsv(users), [
      'login_id,state,disabled,mqtt_id,user_data',
      'device-001,enabled,false,rEAGMjrk8Bs,"{""site"":""Boston lab""}"',
      '"a,b ""c""",disabled,true,m2,',
      '"\'+49 sensor",pending,,,',
      '',
    ].join('\r\n'));
  });

  it('neutralises every formula prefix (= + - @ tab CR) in every column, and an import reads the values back', () => {
    const hostile: ExportedUser[] = ['=cmd|"/c calc"!A1', '+1', '-2', '@SUM(A1)', '\tx', '\rx'].map((loginId, i) => ({ loginId, state: 'enabled', mqttId: `=m${i}` }));
    const csv = usersToCsv(hostile);
    const cells = csv.split('\r\n').slice(1, -1).map((line) => line.split(',')[0]);
    for (const cell of cells) assert.match(cell, /^"'/, `${JSON.stringify(cell)} starts with a quote mark inside quotes`);
    assert.ok(!/,=m\d/.test(csv), 'mqtt_id is neutralised too');
    const asImport = csv.replace('login_id,state', 'login_id,password').replace(/,enabled,/g, ',Pass-word-1,');
    const read = parseImportCsv(asImport, { maxLoginId: 256, maxPassword: 512 });
    assert.deepEqual(read.rows.map((r) => r.loginId), hostile.map((u) => u.loginId).filter((id) => !/[\t\r]/.test(id)));
    assert.deepEqual(read.problems.map((p) => p.reason), ['the login_id holds a control character (U+0009), which no login_id may hold', 'the login_id holds a line break (U+000D), which no login_id may hold']);
  });

  it('passes every value through the redactor it is given, in CSV and in JSON', () => {
    const secret = 'Sec"ret\\pw-1';
    const leaky: ExportedUser[] = [{ loginId: 'echo', state: 'enabled', userData: { note: `password was ${secret}` } }];
    const redact = (t: string) => t.split(secret).join('•••').split(JSON.stringify(secret).slice(1, -1)).join('•••');
    assert.ok(!usersToCsv(leaky, { redact }).includes('ret'));
    assert.ok(!usersToJson('P', leaky, new Date(0), { redact }).includes('ret'));
    assert.ok(usersToJson('P', leaky, new Date(0)).includes('ret'), 'the probe finds the secret without the redactor');
  });

  it('writes values exactly with the raw option (mediumOne.export.rawCsv)', () => {
    assert.match(usersToCsv(users, { raw: true }), /\r\n\+49 sensor,pending,,,\r\n$/);
  });

  it('writes login_ids so that the file can start an import file (the import takes the formula escape off)', () => {
    const withPasswords = usersToCsv(users).replace('login_id,state', 'login_id,password').replace(/,(enabled|disabled|pending),/g, ',Pass-word-1,');
    assert.deepEqual(parseImportCsv(withPasswords, { maxLoginId: 256, maxPassword: 512 }).rows.map((r) => r.loginId), users.map((u) => u.loginId));
  });

  it('writes JSON with the API field names, disabled only where the state is known', () => {
    const parsed = JSON.parse(usersToJson('Plant A', users, new Date('2026-11-23T12:00:00Z'))) as unknown;
    assert.deepEqual(parsed, {
      project: 'Plant A',
      exportedAt: '2026-11-23T12:00:00.000Z',
      users: [
        { login_id: 'device-001', state: 'enabled', disabled: false, mqtt_id: 'rEAGMjrk8Bs', user_data: { site: 'Boston lab' } },
        { login_id: 'a,b "c"', state: 'disabled', disabled: true, mqtt_id: 'm2', user_data: {} },
        { login_id: '+49 sensor', state: 'pending' },
      ],
    });
  });
});
