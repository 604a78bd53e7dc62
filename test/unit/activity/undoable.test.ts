import * as assert from 'node:assert/strict';
import type { ActivityEntry } from '../../../src/activity/activityEntry';
import { notUndoable } from '../../../src/activity/undoable';
import { activityModel, type ActivityTexts } from '../../../src/webviews/host/activityRows';

// Undo turns back only the latest change of a user: Show Activity offers it and mediumOne.undoActivity acts on it by
// this one rule, so an old entry (a summary's Undo clicked late) cannot undo a change made after it.

let n = 0;
const entry = (e: Partial<ActivityEntry>): ActivityEntry => ({
  id: `e${++n}`, time: '2026-11-30T01:02:03.000Z', action: 'disable', projectId: 'p1', projectName: 'Fleet', outcome: 'succeeded', ...e,
});

describe('activity: which entries Undo may still turn back', () => {
  it('names what was undone, and what a later change of the same user (same project) overrode', () => {
    // Newest first, as ActivityLog.read() answers.
    const history = [
      entry({ id: 'again', action: 'disable', loginId: 'dev-a', runId: 'r3' }),
      entry({ id: 'undo', action: 'enable', loginId: 'dev-a', runId: 'r2', undoOf: 'first' }),
      entry({ id: 'recreated', action: 'create', loginId: 'dev-b' }),
      entry({ id: 'otherProject', action: 'enable', projectId: 'p2', loginId: 'dev-c' }),
      entry({ id: 'unsure', action: 'enable', loginId: 'dev-d', outcome: 'mayHaveBeenApplied' }),
      entry({ id: 'failedLater', action: 'enable', loginId: 'dev-e', outcome: 'failed' }),
      entry({ id: 'password', action: 'changePassword', loginId: 'dev-f' }),
      entry({ id: 'first', loginId: 'dev-a', runId: 'r1' }),
      entry({ id: 'b', loginId: 'dev-b', runId: 'r1' }),
      entry({ id: 'c', loginId: 'dev-c', runId: 'r1' }),
      entry({ id: 'd', loginId: 'dev-d', runId: 'r1' }),
      entry({ id: 'e', loginId: 'dev-e', runId: 'r1' }),
      entry({ id: 'f', loginId: 'dev-f', runId: 'r1' }),
    ];
    assert.deepEqual(Object.fromEntries(notUndoable(history)), {
      undo: 'changedSince', // the user was disabled again after the undo
      first: 'undone',
      b: 'changedSince', // deleted and created again meanwhile: another user under that login_id
      d: 'changedSince', // a later change that may have landed
    });
  });

  it('a failed or uncertain undo of an entry leaves it undoable (its Undo reads the state first)', () => {
    const history = [
      entry({ id: 'u2', action: 'enable', loginId: 'dev-a', undoOf: 'a', outcome: 'mayHaveBeenApplied' }),
      entry({ id: 'u1', action: 'enable', loginId: 'dev-a', undoOf: 'a', outcome: 'failed' }),
      entry({ id: 'a', loginId: 'dev-a' }),
    ];
    assert.equal(notUndoable(history).has('a'), false);
  });

  it('Show Activity offers no Undo on an entry changed again since, and does not call it Undone', () => {
    const texts: ActivityTexts = {
      words: { actions: { create: 'c', changePassword: 'p', enable: 'Enable', disable: 'Disable', delete: 'd', importRow: 'i', projectAdded: 'a', projectRemoved: 'r' },
        outcomes: { succeeded: 'ok', failed: 'f', mayHaveBeenApplied: 'm', notRun: 'n' } },
      summary: () => '', none: '', noMatch: '',
    };
    const history = [entry({ id: 'enabled', action: 'enable', loginId: 'dev-a', runId: 'r2' }), entry({ id: 'old', loginId: 'dev-a', runId: 'r1' }), entry({ id: 'mate', loginId: 'dev-b', runId: 'r1' })];
    const rows = new Map(activityModel(history, {}, texts, 'en').rows.map((r) => [r.id, r]));
    assert.deepEqual([rows.get('old')?.undo, rows.get('old')?.undoRun, rows.get('old')?.undone], [undefined, undefined, undefined]);
    assert.deepEqual([rows.get('mate')?.undo, rows.get('mate')?.undoRun], [true, 'r1'], 'the rest of the run can still be undone');
    assert.equal(rows.get('enabled')?.undo, true);
  });
});
