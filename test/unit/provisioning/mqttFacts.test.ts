// The MQTT names of SPEC §7, and which device ids are valid topic levels.
import * as assert from 'node:assert/strict';
import { DEVICE_ID_MAX, deviceIdFault, deviceIdProblem, mqttClientId, mqttPassword, mqttTopic, mqttUsername } from '../../../src/provisioning';

describe('MQTT names (SPEC §7)', () => {
  it('username <project>/<user>, password <API key>/<password>, topic 0/<project>/<user>/<device>', () => {
    assert.equal(mqttUsername('cHJvamVjdA', 'rEAGMjrk8Bs'), 'cHJvamVjdA/rEAGMjrk8Bs');
    assert.equal(mqttPassword('KEY', 'pw/x'), 'KEY/pw/x');
    assert.equal(mqttTopic('cHJvamVjdA', 'rEAGMjrk8Bs', 'dev-1'), '0/cHJvamVjdA/rEAGMjrk8Bs/dev-1');
  });

  it('the client id is the username, cut to 32 characters without splitting a character', () => {
    assert.equal(mqttClientId('cHJvamVjdA', 'rEAGMjrk8Bs'), 'cHJvamVjdA/rEAGMjrk8Bs');
    assert.equal(mqttClientId('p'.repeat(40), 'u'), 'p'.repeat(32));
    const id = mqttClientId('🙂'.repeat(40), 'u');
    assert.equal([...id].length, 32);
    assert.equal(id, '🙂'.repeat(32));
  });

  describe('deviceIdProblem', () => {
    for (const ok of ['vscode-device', 'a b', 'gerät-🙂', 'x'.repeat(DEVICE_ID_MAX), 'dev.1_2~3']) {
      it(`accepts ${JSON.stringify(ok.length > 20 ? `${ok.slice(0, 10)}…` : ok)}`, () => assert.equal(deviceIdProblem(ok), undefined));
    }
    const bad: [string, string, RegExp][] = [
      ['empty', '', /empty/],
      ['a level separator', 'a/b', /'\/', '\+' or '#'/],
      ['a single-level wildcard', 'dev+1', /'\+'/],
      ['a multi-level wildcard', '#', /'#'/],
      ['a line feed', 'a\nb', /control characters/],
      ['a NUL', 'a\u0000', /control characters/],
      ['a DEL', 'a\u007f', /control characters/],
      ['a C1 next-line', 'a\u0085', /control characters/],
      ['a lone surrogate', 'a\ud800', /lone UTF-16 surrogate/],
      ['too long', 'x'.repeat(DEVICE_ID_MAX + 1), new RegExp(`longer than ${DEVICE_ID_MAX}`)],
    ];
    for (const [name, deviceId, says] of bad) {
      it(`refuses ${name}`, () => assert.match(deviceIdProblem(deviceId) ?? 'accepted', says));
    }
    it('gives the editor a code for each refusal, to put into its own language', () => {
      assert.deepEqual(
        ['', 'a/b', 'a\tb', 'a\ud800', 'x'.repeat(DEVICE_ID_MAX + 1), 'vscode-device'].map(deviceIdFault),
        ['empty', 'reserved', 'control', 'surrogate', 'tooLong', undefined],
      );
    });
  });
});
