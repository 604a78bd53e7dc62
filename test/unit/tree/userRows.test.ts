import * as assert from 'node:assert/strict';
import { visibleUserRows } from '../../../src/tree/userRows';
import { userNodeId, type UserNode } from '../../../src/tree/nodes';
import type { Project } from '../../../src/projects/project';
import type { UserEntry } from '../../../src/users/userEntry';

const project: Project = { id: 'p1', name: 'Plant', baseUrl: 'https://api.mediumone.com', role: 'business', loginId: 'admin', production: false };
const entries = (): UserEntry[] => [
  { loginId: 'Device-1', state: 'enabled' },
  { loginId: 'device-2', state: 'disabled' },
  { loginId: 'device-3', state: 'unknown' },
  { loginId: 'sensor/1', state: 'unknown' },
];

describe('tree/userRows: the user rows a project shows', () => {
  it('shows every user, in the order given, each row with its id, when no filter is set', () => {
    const { rows, unjudged } = visibleUserRows(project, entries(), {});
    assert.deepEqual(rows.map((r) => r.id), ['Device-1', 'device-2', 'device-3', 'sensor/1'].map((id) => userNodeId('p1', id)));
    assert.deepEqual(unjudged, []);
  });

  it('applies the text (any case) and states, and lists the users whose state a state filter cannot judge yet', () => {
    const { rows, unjudged } = visibleUserRows(project, entries(), { text: 'DEVICE', states: ['disabled'] });
    assert.deepEqual(rows.map((r) => r.entry.loginId), ['device-2']);
    assert.deepEqual(unjudged, ['device-3'], 'sensor/1 does not match the text, so it is not waiting to be judged');
  });

  it('hands back the same row objects on a second fetch, and new ones for another project object', () => {
    const list = entries();
    const cache = new WeakMap<UserEntry, UserNode>();
    const first = visibleUserRows(project, list, {}, cache).rows;
    const second = visibleUserRows(project, list, {}, cache).rows;
    assert.ok(first.every((row, i) => row === second[i]));
    const edited = { ...project, name: 'Plant B' };
    const third = visibleUserRows(edited, list, {}, cache).rows;
    assert.ok(third.every((row) => row.project === edited));
  });
});
