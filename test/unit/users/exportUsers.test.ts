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
