import * as assert from 'node:assert/strict';
import { ImportFileError, parseImportCsv } from '../../../src/users/importCsv';

const limits = { maxLoginId: 256, maxPassword: 512 };
const parse = (text: string) => parseImportCsv(text, limits);

describe('CSV import: reading the file', () => {
  it('reads login_id and password in any column order, case and delimiter, with a BOM and CRLF', () => {
    assert.deepEqual(parse('\uFEFFPassword;Login ID;note\r\nPass-word-1;device-100;first\r\nPass-word-2;device-101;\r\n'), {
      rows: [
        { line: 2, loginId: 'device-100', password: 'Pass-word-1' },
        { line: 3, loginId: 'device-101', password: 'Pass-word-2' },
      ],
      problems: [],
      notes: [],
    });
  });

  it('guesses the delimiter of a short file ending in a line break', () => {
    assert.deepEqual(parse('login_id;password\nx;Pass-word-1\n').rows, [{ line: 2, loginId: 'x', password: 'Pass-word-1' }]);
    assert.deepEqual(parse('login_id\tpassword\n\nx\tPass-word-1\n\n').rows, [{ line: 3, loginId: 'x', password: 'Pass-word-1' }]);
  });

  it('keeps quoted commas, quotes and spaces in passwords exactly, and trims only the login_id, saying so', () => {
    const { rows, notes } = parse('login_id,password\n" a/b?c#d ","p,w ""q"" "\n');
    assert.deepEqual(rows, [{ line: 2, loginId: 'a/b?c#d', password: 'p,w "q" ' }]);
    assert.deepEqual(notes, [{ line: 2, loginId: 'a/b?c#d', note: 'trimmed' }]);
  });

  it('names every row it cannot create by its line in the file, and keeps the rest', () => {
    const text = [
      'login_id,password',
      'ok-1,Pass-word-1',
      ',Pass-word-2',
      'no-pass,',
      '',
      'ok-1,Pass-word-3',
      `${'x'.repeat(257)},Pass-word-4`,
      '"multi',
      'line",Pass-word-5',
      'ok-2,Pass-word-6',
    ].join('\n');
    const { rows, problems } = parse(text);
    assert.deepEqual(rows.map((r) => [r.line, r.loginId]), [[2, 'ok-1'], [10, 'ok-2']]);
    assert.deepEqual(problems.map((p) => [p.line, p.loginId, p.reason]), [
      [3, '', 'no login_id'],
      [4, 'no-pass', 'no password'],
      [6, 'ok-1', 'a second row for this login_id (the first is line 2)'],
      [7, 'x'.repeat(257), 'the login_id is longer than 256 characters'],
      [8, 'multi<U+000A>line', 'the login_id holds a line break (U+000A), which no login_id may hold'],
    ]);
  });

  it('reports broken quoting on its row instead of guessing', () => {
    const { rows, problems } = parse('login_id,password\ngood,Pass-word-1\n"bad,Pass-word-2\n');
    assert.deepEqual(rows.map((r) => r.loginId), ['good']);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].line, 3);
    assert.match(problems[0].reason, /malformed/);
  });

  it('reads an optional disabled column as Export writes it, and names a value it cannot read', () => {
    const text = 'login_id,state,disabled,password\na,enabled,false,Pass-word-1\nb,disabled,TRUE,Pass-word-2\nc,,,Pass-word-3\nd,,yes,Pass-word-4\ne,,0,Pass-word-5\nf,,maybe,Pass-word-6\n';
    const { rows, problems } = parse(text);
    assert.deepEqual(rows.map((r) => [r.loginId, r.disabled]), [['a', false], ['b', true], ['c', false], ['d', true], ['e', false]]);
    assert.deepEqual(problems, [{ line: 7, loginId: 'f', reason: 'disabled is "maybe": write true or false (or leave it empty for enabled)' }]);
    assert.equal(parse('login_id,password\na,Pass-word-1\n').rows[0].disabled, undefined, 'no column, no disabled field');
  });

  it('refuses a file without the columns it needs, naming the ones it found', () => {
    assert.throws(() => parse('user,secret\na,b\n'), (e: unknown) =>
      e instanceof ImportFileError && /no login_id or password column \(it has "user", "secret"\)/.test(e.message));
    assert.throws(() => parse('login_id\na\n'), /no password column/);
    assert.throws(() => parse('\n\n'), /The file is empty/);
  });
});
