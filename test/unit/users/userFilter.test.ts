import * as assert from 'node:assert/strict';
import { countFiltered, isActive, judge, matches } from '../../../src/users/userFilter';
import { entryFromSummary } from '../../../src/users/userEntry';
import { compareLoginIds } from '../../../src/users/loginIdOrder';

describe('user filter', () => {
  const entries = [
    entryFromSummary({ loginId: 'Device-001', disabled: false }),
    entryFromSummary({ loginId: 'device-002', disabled: true }),
    entryFromSummary({ loginId: 'sensor-9' }),
  ];

  it('matches login_id substrings case-insensitively', () => {
    assert.deepEqual(entries.filter((e) => matches({ text: 'DEVICE' }, e)).map((e) => e.loginId), ['Device-001', 'device-002']);
  });

  it('matches by state, and by text and state together', () => {
    assert.deepEqual(entries.filter((e) => matches({ states: ['disabled'] }, e)).map((e) => e.loginId), ['device-002']);
    assert.deepEqual(entries.filter((e) => matches({ text: 'sensor', states: ['unknown'] }, e)).map((e) => e.loginId), ['sensor-9']);
    assert.deepEqual(entries.filter((e) => matches({ text: 'sensor', states: ['enabled'] }, e)), []);
  });

  it('cannot judge a user whose state is unknown against a state filter, and counts such users', () => {
    assert.equal(judge({ states: ['disabled'] }, entries[2]), 'unjudged');
    assert.equal(judge({ states: ['disabled'], text: 'device' }, entries[2]), 'hidden', 'the text alone rules it out');
    assert.equal(judge({ states: ['unknown'] }, entries[2]), 'shown');
    assert.equal(judge({ text: 'sensor' }, entries[2]), 'shown', 'a text filter needs no state');
    assert.deepEqual(countFiltered({ states: ['disabled'] }, entries), { total: 3, shown: 1, unjudged: 1 });
    assert.deepEqual(countFiltered({}, entries), { total: 3, shown: 3, unjudged: 0 });
  });

  // Its words (the view's description) are the tree's: test/suite/tree.test.ts reads them in the real view.
  it('is inactive when empty', () => {
    assert.equal(isActive({}), false);
    assert.equal(isActive({ text: '' }), false);
    assert.equal(isActive({ states: [] }), false);
    assert.equal(isActive({ text: 'dev', states: ['disabled'] }), true);
  });

  it('derives the state from what the server listed', () => {
    assert.deepEqual(entries.map((e) => e.state), ['enabled', 'disabled', 'unknown']);
  });

  it('sorts login_ids naturally and case-insensitively, with a stable tie-break', () => {
    const ids = ['device-10', 'Device-2', 'device-1', 'device-2'];
    assert.deepEqual([...ids].sort(compareLoginIds), ['device-1', 'Device-2', 'device-2', 'device-10']);
  });
});
