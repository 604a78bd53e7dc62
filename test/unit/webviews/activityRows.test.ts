import * as assert from 'node:assert/strict';
import Papa from 'papaparse';
import type { ActivityEntry } from '../../../src/activity/activityEntry';
import { ACTIVITY_FIELDS } from '../../../src/activity/activityEntry';
import { activityModel, filterEntries, type ActivityTexts } from '../../../src/webviews/host/activityRows';
import { activityToCsv, activityToJson } from '../../../src/webviews/host/activityFile';

// What Show Activity shows and exports of a history: the filters, the rows' words, Undo / Undo run / Undone.

const texts: ActivityTexts = {
  words: {
    actions: { create: 'Create user', changePassword: 'Change password', enable: 'Enable', disable: 'Disable', delete: 'Delete user', importRow: 'Import row', projectAdded: 'Project added', projectRemoved: 'Project removed' },
    outcomes: { succeeded: 'Succeeded', failed: 'Failed', mayHaveBeenApplied: 'May have been applied', notRun: 'Not run' },
  },
  summary: (shown, total) => `${shown} of ${total}`,
  none: 'No activity yet.',
  noMatch: 'No entry matches.',
};

let n = 0;
const entry = (e: Partial<ActivityEntry>): ActivityEntry => ({
  id: `e${++n}`, time: '2026-11-30T01:02:03.000Z', action: 'disable', projectId: 'p1', projectName: 'Fleet', outcome: 'succeeded', ...e,
});

// Newest first, as ActivityLog.read() answers.
const undoOfA = entry({ id: 'u1', action: 'enable', loginId: 'dev-a', runId: 'r9', undoOf: 'a' });
const history: ActivityEntry[] = [
  undoOfA,
  entry({ id: 'x', action: 'create', projectId: 'p2', projectName: 'Lab', loginId: 'Sensor-7', outcome: 'failed', reason: 'The server refused: exists.' }),
  entry({ id: 'a', loginId: 'dev-a', runId: 'r1' }),
  entry({ id: 'b', loginId: 'dev-b', runId: 'r1' }),
  entry({ id: 'c', loginId: 'dev-c', runId: 'r1', outcome: 'failed', reason: 'timeout' }),
  entry({ id: 'solo', action: 'enable', loginId: 'dev-d', runId: 'r2' }),
  entry({ id: 'pw', action: 'changePassword', loginId: 'dev-e' }),
  entry({ id: 'proj', action: 'projectAdded', projectId: 'p2', projectName: 'Lab' }),
];

describe('Show Activity: filters, rows and undo offers', () => {
  it('filters by project, by part of a login_id (any case), by action and by outcome, keeping the order', () => {
    const ids = (f: Parameters<typeof filterEntries>[1]) => filterEntries(history, f).map((e) => e.id);
    assert.deepEqual(ids({ projectId: 'p2' }), ['x', 'proj']);
    assert.deepEqual(ids({ loginId: 'DEV-' }), ['u1', 'a', 'b', 'c', 'solo', 'pw']);
    assert.deepEqual(ids({ loginId: 'sensor' }), ['x']);
    assert.deepEqual(ids({ action: 'disable', outcome: 'succeeded' }), ['a', 'b']);
    assert.deepEqual(ids({ projectId: 'p1', loginId: 'dev-a' }), ['u1', 'a']);
    assert.deepEqual(ids({}), history.map((e) => e.id));
    // A user row's Show Activity names a whole login_id: dev-a, not every login_id containing it.
    const more = [entry({ id: 'aa', loginId: 'dev-aa' }), ...history];
    assert.deepEqual(filterEntries(more, { loginId: 'dev-a', exactLoginId: true }).map((e) => e.id), ['u1', 'a']);
    assert.deepEqual(filterEntries(more, { loginId: 'dev-a' }).map((e) => e.id), ['aa', 'u1', 'a']);
  });

  it('says each action and outcome in words, the time in the reader\'s language with the stored ISO beside it', () => {
    const rows = activityModel(history, {}, texts, 'en-US').rows;
    const x = rows.find((r) => r.id === 'x');
    assert.deepEqual({ ...x, time: undefined }, {
      id: 'x', time: undefined, iso: '2026-11-30T01:02:03.000Z', project: 'Lab', loginId: 'Sensor-7', action: 'Create user', outcome: 'Failed',
      outcomeKind: 'failed', reason: 'The server refused: exists.', undo: undefined, undoRun: undefined, undone: undefined,
    });
    assert.match(x?.time ?? '', /2026/);
    assert.notEqual(x?.time, x?.iso);
    assert.deepEqual(rows.map((r) => r.action), ['Enable', 'Create user', 'Disable', 'Disable', 'Disable', 'Enable', 'Change password', 'Project added']);
    assert.equal(rows.find((r) => r.id === 'proj')?.loginId, '', 'a project entry has no login_id');
  });

  it('offers Undo on succeeded enable/disable entries, Undo run where the run has several entries, and Undone once undone', () => {
    const rows = new Map(activityModel(history, {}, texts, 'en').rows.map((r) => [r.id, r]));
    const offer = (id: string) => ({ undo: rows.get(id)?.undo, undoRun: rows.get(id)?.undoRun, undone: rows.get(id)?.undone });
    assert.deepEqual(offer('a'), { undo: undefined, undoRun: undefined, undone: true }, 'undone by u1');
    assert.deepEqual(offer('b'), { undo: true, undoRun: 'r1', undone: undefined });
    assert.deepEqual(offer('c'), { undo: undefined, undoRun: undefined, undone: undefined }, 'a failed disable changed nothing to undo');
    assert.deepEqual(offer('solo'), { undo: true, undoRun: undefined, undone: undefined }, 'a run of one is undone with Undo');
    assert.deepEqual(offer('pw'), { undo: undefined, undoRun: undefined, undone: undefined }, 'a password change cannot be undone');
    assert.deepEqual(offer('u1'), { undo: true, undoRun: undefined, undone: undefined });
    // A filter that shows one entry of the run still offers the run's undo.
    assert.equal(activityModel(history, { loginId: 'dev-b' }, texts, 'en').rows[0]?.undoRun, 'r1');
  });

  it('a failed undo leaves its entry undoable', () => {
    const failedUndo = entry({ action: 'enable', loginId: 'dev-b', undoOf: 'b', outcome: 'failed' });
    const row = activityModel([failedUndo, ...history], {}, texts, 'en').rows.find((r) => r.id === 'b');
    assert.equal(row?.undo, true);
    assert.equal(row?.undone, undefined);
  });

  it('says when the history is empty, when the filters match nothing, and how many are shown', () => {
    assert.equal(activityModel([], {}, texts, 'en').empty, 'No activity yet.');
    const none = activityModel(history, { loginId: 'nobody' }, texts, 'en');
    assert.equal(none.empty, 'No entry matches.');
    assert.equal(none.summary, `0 of ${history.length}`);
    const some = activityModel(history, { projectId: 'p2', loginId: '  ', action: undefined }, texts, 'en');
    assert.equal(some.empty, undefined);
    assert.deepEqual(some.filter, { projectId: 'p2' }, 'blank filters mean any');
    assert.deepEqual(some.projects, [{ id: 'p1', name: 'Fleet' }, { id: 'p2', name: 'Lab' }]);
  });
});

describe('Show Activity: the exported files', () => {
  const tricky = entry({ id: 'q', loginId: 'dev,"quoted"', reason: '=HYPERLINK("x")\nline two', runId: 'r1' });

  it('CSV: the history\'s fields as columns, values quoted where needed, formulas neutralised, absent fields empty', () => {
    const csv = activityToCsv([tricky, history[7]]);
    const parsed = Papa.parse<string[]>(csv.trimEnd(), { newline: '\r\n' });
    assert.deepEqual(parsed.errors, []);
    const [header, first, second] = parsed.data;
    assert.deepEqual(header, [...ACTIVITY_FIELDS]);
    const record = Object.fromEntries(ACTIVITY_FIELDS.map((f, i) => [f, first?.[i]]));
    assert.equal(record.loginId, 'dev,"quoted"');
    assert.equal(record.reason, '\'=HYPERLINK("x")\nline two');
    assert.equal(record.undoOf, '');
    assert.equal(second?.[ACTIVITY_FIELDS.indexOf('action')], 'projectAdded');
    assert.equal(activityToCsv([tricky], { raw: true }).includes('"=HYPERLINK'), true, 'raw CSV keeps the value as it is');
  });

  it('JSON: an array of the entries with exactly their fields; every value passes the redactor', () => {
    const json = JSON.parse(activityToJson([tricky, undoOfA])) as Record<string, unknown>[];
    assert.deepEqual(json, [tricky, undoOfA]);
    assert.deepEqual(Object.keys(json[1] ?? {}), ['id', 'time', 'action', 'projectId', 'projectName', 'loginId', 'outcome', 'runId', 'undoOf']);
    const redacted = activityToJson([entry({ reason: 'said Secret-Pw-1' })], { redact: (t) => t.replaceAll('Secret-Pw-1', '***') });
    assert.doesNotMatch(redacted, /Secret-Pw-1/);
    assert.doesNotMatch(activityToCsv([entry({ reason: 'said Secret-Pw-1' })], { redact: (t) => t.replaceAll('Secret-Pw-1', '***') }), /Secret-Pw-1/);
  });
});
