import * as assert from 'node:assert/strict';
import { compareLoginIds, sortByLoginId } from '../../../src/users/loginIdOrder';

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
});
