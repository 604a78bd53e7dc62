import * as assert from 'node:assert/strict';
import { importReport, type RowResult } from '../../../src/users/importReport';

describe('import report', () => {
  it('lists every row by line, skipped rows included, and never a password', () => {
    const rows = [
      { line: 2, loginId: 'made', password: 'Secret-pass-1' },
      { line: 4, loginId: 'later', password: 'Secret-pass-2' },
      { line: 5, loginId: 'refused|x', password: 'Secret-pass-3' },
      { line: 6, loginId: 'unsent', password: 'Secret-pass-4' },
    ];
    const results = new Map<string, RowResult>([
      ['made', { kind: 'created' }],
      ['later', { kind: 'pending' }],
      ['refused|x', { kind: 'failed', reason: '400 Bad Request: password too weak\nuse more' }],
    ]);
    const text = importReport({
      projectName: 'Plant A', fileName: 'users.csv', rows, results,
      problems: [{ line: 3, loginId: '', reason: 'no login_id' }], at: new Date('2026-11-23T12:00:00Z'),
    });
    const table = text.split('\n').filter((l) => /^\| \d/.test(l));
    assert.deepEqual(table, [
      '| 2 | made | created |  |',
      '| 3 |  | skipped | no login\\_id |',
      '| 4 | later | accepted (pending: the server creates it shortly) |  |',
      '| 5 | refused\\|x | failed | 400 Bad Request: password too weak use more |',
      '| 6 | unsent | not run (cancelled) |  |',
    ]);
    assert.match(text, /1 created, 1 pending, 1 failed, 1 skipped \(problems in the file\), 1 not run/);
    for (const r of rows) assert.ok(!text.includes(r.password), `no password of ${r.loginId} in the report`);
  });

  it('tells a user created disabled from one created but left enabled, and counts the latter', () => {
    const rows = [
      { line: 2, loginId: 'off', password: 'Secret-pass-1', disabled: true },
      { line: 3, loginId: 'stuck', password: 'Secret-pass-2', disabled: true },
    ];
    const results = new Map<string, RowResult>([
      ['off', { kind: 'created', disabled: true }],
      ['stuck', { kind: 'notDisabled', reason: '500 Internal Server Error' }],
    ]);
    const text = importReport({ projectName: 'P', fileName: 'f.csv', rows, results, problems: [], at: new Date('2026-11-23T12:00:00Z') });
    assert.deepEqual(text.split('\n').filter((l) => /^\| \d/.test(l)), [
      '| 2 | off | created, disabled |  |',
      '| 3 | stuck | created, but still enabled | 500 Internal Server Error |',
    ]);
    assert.match(text, /1 created, 0 pending, 1 created but not disabled, 0 failed/);
  });
});
