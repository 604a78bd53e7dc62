import Papa from 'papaparse';

/**
 * Reading a CSV of users to create. Knows nothing of VS Code, so unit tests drive it directly.
 *
 * The file needs a header row with a `login_id` and a `password` column (any order, any case; `loginId` and
 * `login id` are accepted too). papaparse does the CSV itself: quoted fields, embedded commas and line breaks, a
 * UTF-8 byte-order mark and the `;` delimiter that spreadsheets write in many locales. An optional `disabled`
 * column (`true`/`false`, `yes`/`no`, `1`/`0`, empty = enabled), as Export writes it, asks for users created
 * disabled. Each row that cannot be created is reported by its line number, never dropped.
 */

/** One user to create; `line` is the file's line number (1 = the header), as a spreadsheet shows it. */
export interface ImportRow {
  line: number;
  loginId: string;
  password: string;
  /** Only when the file has a `disabled` column: create the user, then disable it. */
  disabled?: boolean;
}

export interface RowProblem {
  line: number;
  /** Empty when the row has none (the problem then says so). */
  loginId: string;
  reason: string;
}

export interface ParsedImport {
  rows: ImportRow[];
  problems: RowProblem[];
}

/** The file as a whole cannot be imported (no header, no login_id or password column): the message says what to fix. */
export class ImportFileError extends Error {}

const LOGIN_ID_HEADERS = new Set(['login_id', 'loginid', 'login id', 'login-id']);
const PASSWORD_HEADERS = new Set(['password']);
const DISABLED_HEADERS = new Set(['disabled']);
const DISABLED_VALUES = new Map([
  ['true', true], ['yes', true], ['1', true], ['false', false], ['no', false], ['0', false], ['', false],
]);
const normalise = (header: string) => header.trim().toLowerCase();

export function parseImportCsv(text: string, limits: { maxLoginId: number; maxPassword: number }): ParsedImport {
  // The delimiter is guessed without empty lines (papaparse's guess counts them as one-field rows, and a short file
  // ending in a line break then reads as comma-separated whatever it uses); the file is then read with its empty
  // lines kept (and skipped below) so that line numbers can be counted.
  const { delimiter } = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', preview: 20 }).meta;
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter });
  const records = parsed.data;
  const headerIndex = records.findIndex((r) => !isBlank(r));
  const header = records[headerIndex];
  if (!header) throw new ImportFileError('The file is empty. It needs a header row with login_id and password columns.');
  const headers = header.map(normalise);
  const loginCol = headers.findIndex((h) => LOGIN_ID_HEADERS.has(h));
  const passwordCol = headers.findIndex((h) => PASSWORD_HEADERS.has(h));
  const disabledCol = headers.findIndex((h) => DISABLED_HEADERS.has(h));
  const missing = [loginCol < 0 ? 'login_id' : '', passwordCol < 0 ? 'password' : ''].filter(Boolean);
  if (missing.length) {
    const found = header.map((h) => `"${h.trim()}"`).join(', ');
    throw new ImportFileError(`The header row has no ${missing.join(' or ')} column (it has ${found}). Name the columns login_id and password.`);
  }

  // papaparse reports broken quoting by record index.
  const parseErrors = new Map<number, string>();
  for (const e of parsed.errors) if (e.row !== undefined) parseErrors.set(e.row, e.message);

  const rows: ImportRow[] = [];
  const problems: RowProblem[] = [];
  const firstLine = new Map<string, number>();
  // Quoted fields may hold line breaks, so a record's line is counted over the records before it.
  let line = 1;
  records.forEach((record, i) => {
    if (i > 0) line += 1 + breaksIn(records[i - 1]);
    if (i <= headerIndex || isBlank(record)) return;
    const loginId = (record[loginCol] ?? '').trim();
    const password = record[passwordCol] ?? '';
    const disabledText = disabledCol < 0 ? '' : (record[disabledCol] ?? '').trim();
    const disabled = DISABLED_VALUES.get(disabledText.toLowerCase());
    const reason =
      parseErrors.has(i) ? `the CSV is malformed here (${parseErrors.get(i)})`
      : !loginId ? 'no login_id'
      : loginId.length > limits.maxLoginId ? `the login_id is longer than ${limits.maxLoginId} characters`
      : !password ? 'no password'
      : password.length > limits.maxPassword ? `the password is longer than ${limits.maxPassword} characters`
      : firstLine.has(loginId) ? `a second row for this login_id (the first is line ${firstLine.get(loginId)})`
      : disabled === undefined ? `disabled is "${disabledText}": write true or false (or leave it empty for enabled)`
      : undefined;
    if (reason) {
      problems.push({ line, loginId, reason });
      return;
    }
    firstLine.set(loginId, line);
    rows.push(disabledCol < 0 ? { line, loginId, password } : { line, loginId, password, disabled: disabled === true });
  });
  return { rows, problems };
}

const isBlank = (record: string[]) => record.every((field) => field.trim() === '');
const breaksIn = (record: string[]) => record.reduce((n, field) => n + (field.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
