import * as assert from 'node:assert/strict';
import { PAGE_SIZE, visibleUserRows } from '../../../src/tree/userRows';
import { userNodeId, type UserNode } from '../../../src/tree/nodes';
import type { Project } from '../../../src/projects/project';
import type { UserEntry } from '../../../src/users/userEntry';
import { entriesFromList } from '../../../src/users/userLists';

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
    const first = visibleUserRows(project, list, {}, { cache }).rows;
    const second = visibleUserRows(project, list, {}, { cache }).rows;
    assert.ok(first.every((row, i) => row === second[i]));
    const edited = { ...project, name: 'Plant B' };
    const third = visibleUserRows(edited, list, {}, { cache }).rows;
    assert.ok(third.every((row) => row.project === edited));
  });

  describe('paging', () => {
    /** device-0000 … device-1199, listed by the server in a shuffled order; every third one disabled. */
    const many = () =>
      entriesFromList(Array.from({ length: 1200 }, (_, i) => {
        const n = (i * 7) % 1200;
        return { loginId: `device-${String(n).padStart(4, '0')}`, disabled: n % 3 === 0 };
      }));
    const ids = (rows: UserNode[]) => rows.map((r) => r.entry.loginId);

    it('builds the first page only and counts the rest for the Load More row', () => {
      const { rows, more } = visibleUserRows(project, many(), {}, { limit: PAGE_SIZE });
      assert.equal(rows.length, PAGE_SIZE);
      assert.deepEqual(ids(rows).slice(0, 2), ['device-0000', 'device-0001']);
      assert.equal(ids(rows).at(-1), `device-0${PAGE_SIZE - 1}`);
      assert.equal(more, 1200 - PAGE_SIZE);
    });

    it('grows by a page each Load More, and shows everything with nothing more once the list is reached', () => {
      const list = many();
      const second = visibleUserRows(project, list, {}, { limit: 2 * PAGE_SIZE });
      assert.equal(second.rows.length, 2 * PAGE_SIZE);
      assert.equal(second.more, 1200 - 2 * PAGE_SIZE);
      const third = visibleUserRows(project, list, {}, { limit: 3 * PAGE_SIZE });
      assert.equal(third.rows.length, 1200);
      assert.equal(third.more, 0);
    });

    it('pages the filtered users: the count is of users the filter shows', () => {
      const { rows, more } = visibleUserRows(project, many(), { states: ['disabled'] }, { limit: 100 });
      assert.equal(rows.length, 100);
      assert.ok(rows.every((r) => r.entry.state === 'disabled'));
      assert.equal(more, 400 - 100);
    });

    it('reaches a user beyond the page that is being revealed, and no further', () => {
      const { rows, more } = visibleUserRows(project, many(), {}, { limit: PAGE_SIZE, include: 'device-0734' });
      assert.equal(ids(rows).at(-1), 'device-0734');
      assert.equal(rows.length, 735);
      assert.equal(more, 1200 - 735);
    });

    it('keeps the page as asked when the user to reveal is filtered out', () => {
      const { rows, more } = visibleUserRows(project, many(), { states: ['disabled'] }, { limit: 10, include: 'device-0734' });
      assert.equal(rows.length, 10);
      assert.equal(more, 400 - 10);
    });
  });
});
