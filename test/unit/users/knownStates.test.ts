import * as assert from 'node:assert/strict';
import { KnownStates } from '../../../src/users/knownStates';
import { entryFromSummary } from '../../../src/users/userEntry';

describe('users/knownStates: states kept across reloads', () => {
  it('fills a bare login_id with the known state and fields; a listed state is left as listed', () => {
    const known = new KnownStates('https://api.mediumone.com');
    known.remember({ loginId: 'device-4', state: 'disabled', mqttId: 'm4', userData: { site: 'lab' } });
    assert.deepEqual(known.fill(entryFromSummary({ loginId: 'device-4' })), { loginId: 'device-4', state: 'disabled', mqttId: 'm4', userData: { site: 'lab' }, raw: undefined });
    assert.equal(known.fill(entryFromSummary({ loginId: 'device-4', disabled: false })).state, 'enabled');
    assert.equal(known.fill(entryFromSummary({ loginId: 'device-5' })).state, 'unknown');
  });

  it('is replaced by a newer state, never by a state that is not one', () => {
    const known = new KnownStates('u');
    known.remember({ loginId: 'a', state: 'enabled', mqttId: 'm' });
    known.remember({ loginId: 'a', state: 'unknown' });
    known.remember({ loginId: 'a', state: 'error' });
    assert.equal(known.get('a')?.state, 'enabled');
    known.remember({ loginId: 'a', state: 'disabled' });
    assert.deepEqual(known.get('a'), { state: 'disabled', mqttId: 'm', userData: undefined, raw: undefined });
    known.forget('a');
    assert.equal(known.get('a'), undefined);
  });

  it('tells a read that started before the extension changed the user that it is stale', () => {
    const known = new KnownStates('u');
    const before = known.now();
    known.noteWrite('a');
    assert.equal(known.writtenSince('a', before), true, 'the read started before the write');
    assert.equal(known.writtenSince('b', before), false, 'another user was not written');
    assert.equal(known.writtenSince('a', known.now()), false, 'a read started after the write is current');
  });
});
