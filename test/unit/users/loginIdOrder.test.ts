import * as assert from 'node:assert/strict';
import { compareLoginIds, insertByLoginId, sortByLoginId, sortKey } from '../../../src/users/loginIdOrder';

describe('login_id order', () => {
  it('orders naturally and without case: device-2 before device-10, A beside a, leading zeros ignored', () => {
    const ids = ['device-10', 'Device-2', 'device-1', 'device-2', 'device-01a', 'b', 'A', 'a'];
    assert.deepEqual([...ids].sort(compareLoginIds), ['A', 'a', 'b', 'device-1', 'device-01a', 'Device-2', 'device-2', 'device-10']);
  });

  it('sorts users in place, non-ASCII login_ids beside their letters', () => {
    const users = ['v@example.com', 'ü@example.com', 'u@example.com', 'Ü@example.com'].map((loginId) => ({ loginId }));
    const sorted = sortByLoginId(users);
    assert.equal(sorted, users, 'in place');
    assert.deepEqual(sorted.map((u) => u.loginId), ['u@example.com', 'Ü@example.com', 'ü@example.com', 'v@example.com']);
  });

  // sortByLoginId sorts printable-ASCII login_ids by precomputed keys (radix), the rest with the collator: the
  // result must be the collator's order whatever the mix. A seeded generator keeps a failure reproducible.
  it('sorts big mixed lists exactly as compareLoginIds does (keys for ASCII, the collator for the rest)', () => {
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = ' _-.@~$#aAbBzZ0123456789000éÉü';
    const id = () => Array.from({ length: 1 + Math.floor(random() * 9) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (const size of [0, 1, 30, 3000]) {
      const users = Array.from({ length: size }, () => ({ loginId: id() }));
      const expected = [...users].sort((a, b) => compareLoginIds(a.loginId, b.loginId)).map((u) => u.loginId);
      assert.deepEqual(sortByLoginId(users).map((u) => u.loginId), expected, `${size} login_ids`);
    }
  });

  it('gives no key to what the collator must order (non-ASCII, control characters)', () => {
    assert.equal(sortKey('ü'), undefined);
    assert.equal(sortKey('a\tb'), undefined);
    assert.ok(sortKey('device-007')! === sortKey('DEVICE-7'), 'case and leading zeros do not change the key');
  });

  it('inserts one user where a sort would put it', () => {
    const users = sortByLoginId(['device-1', 'device-3', 'device-20'].map((loginId) => ({ loginId })));
    insertByLoginId(users, { loginId: 'device-10' });
    insertByLoginId(users, { loginId: 'a' });
    insertByLoginId(users, { loginId: 'z' });
    assert.deepEqual(users.map((u) => u.loginId), ['a', 'device-1', 'device-3', 'device-10', 'device-20', 'z']);
  });
});
