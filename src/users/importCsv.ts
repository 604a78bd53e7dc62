import Papa from 'papaparse';
import { l10n } from '../util/l10n';

/**
 * Reading a CSV of users to create. Knows nothing of VS Code, so unit tests drive it directly.
 *
 * The file needs a header row with a `login_id` and a `password` column (any order, any case; `loginId` and
 * `login id` are accepted too). papaparse does the CSV itself: quoted fields, embedded commas and line breaks, a
 * UTF-8 byte-order mark and the `;` delimiter that spreadsheets write in many locales. An optional `disabled`
 * column (`true`/`false`, `yes`/`no`, `1`/`0`, empty = enabled), as Export writes it, asks for users created
 * disabled. Each row that cannot be created is reported by its line number, never dropped: among them login_ids or
 * passwords holding line breaks or other control characters. A login_id is trimmed of surrounding spaces, and the
 * import says so (`notes`). Files over IMPORT_LIMITS are refused whole.
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

/** A row imported with a change the user should know of (its login_id trimmed, or Export's `'` taken off). */
export interface RowNote {
  line: number;
  loginId: string;
  note: 'trimmed' | 'unescaped';
}

export interface ParsedImport {
  rows: ImportRow[];
  problems: RowProblem[];
  notes: RowNote[];
}

/**
 * The largest file an import reads (checked on the file's size before it is read) and the most rows it takes:
 * one import is one confirmation and one bulk run, and 50,000 rows is already hours at a typical rate limit.
 * README ("Import users from CSV") documents both.
 */
export const IMPORT_LIMITS = { maxBytes: 5 * 1024 * 1024, maxRows: 50_000 } as const;

/** Refuses a file over IMPORT_LIMITS.maxBytes, from its size alone: called before the file is read. */
export function checkImportFileSize(bytes: number): void {
  if (bytes > IMPORT_LIMITS.maxBytes) {
    throw new ImportFileError(
      l10n.t('The file is {0} MB; an import reads files of at most {1} MB. Split it into several files.', (bytes / 1048576).toFixed(1), IMPORT_LIMITS.maxBytes / 1048576),
    );
  }
}

/** The file's text: UTF-8 (with or without a byte-order mark) only; anything else is refused with what to do. */
export function decodeImportFile(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ImportFileError(l10n.t('The file is UTF-16 text. Save it as "CSV UTF-8" and import it again.'));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportFileError(l10n.t('The file is not UTF-8 text (a spreadsheet\'s "CSV" in a local code page, say). Save it as "CSV UTF-8" and import it again.'));
  }
}

export interface ImportLimits {
  maxLoginId: number;
  maxPassword: number;
  /** Default IMPORT_LIMITS.maxRows. */
  maxRows?: number;
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

export function parseImportCsv(text: string, limits: ImportLimits): ParsedImport {
  // The delimiter is guessed without empty lines (papaparse's guess counts them as one-field rows, and a short file
  // ending in a line break then reads as comma-separated whatever it uses); the file is then read with its empty
  // lines kept (and skipped below) so that line numbers can be counted.
  const { delimiter } = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', preview: 20 }).meta;
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter });
  const records = parsed.data;
  const headerIndex = records.findIndex((r) => !isBlank(r));
  const header = records[headerIndex];
  if (!header) throw new ImportFileError(l10n.t('The file is empty. It needs a header row with login_id and password columns.'));
  const headers = header.map(normalise);
  const loginCol = column(headers, LOGIN_ID_HEADERS, 'login_id');
  const passwordCol = column(headers, PASSWORD_HEADERS, 'password');
  const disabledCol = column(headers, DISABLED_HEADERS, 'disabled');
  const missing = [loginCol < 0 ? 'login_id' : '', passwordCol < 0 ? 'password' : ''].filter(Boolean);
  if (missing.length) {
    const found = header.map(shownHeader).join(', ');
    throw new ImportFileError(
      missing.length > 1
        ? l10n.t('The header row has no login_id or password column (it has {0}). Name the columns login_id and password.', found)
        : l10n.t('The header row has no {0} column (it has {1}). Name the columns login_id and password.', missing[0], found),
    );
  }

  const maxRows = limits.maxRows ?? IMPORT_LIMITS.maxRows;
  const dataRows = records.slice(headerIndex + 1).filter((r) => !isBlank(r)).length;
  if (dataRows > maxRows) {
    throw new ImportFileError(
      l10n.t('The file has {0} rows; one import takes at most {1}. Split it into several files.', dataRows.toLocaleString('en-US'), maxRows.toLocaleString('en-US')),
    );
  }

  // papaparse reports broken quoting by record index.
  const parseErrors = new Map<number, string>();
  for (const e of parsed.errors) if (e.row !== undefined) parseErrors.set(e.row, e.message);

  const rows: ImportRow[] = [];
  const problems: RowProblem[] = [];
  const notes: RowNote[] = [];
  const firstLine = new Map<string, number>();
  // Quoted fields may hold line breaks, so a record's line is counted over the records before it.
  let line = 1;
  records.forEach((record, i) => {
    if (i > 0) line += 1 + breaksIn(records[i - 1]);
    if (i <= headerIndex || isBlank(record)) return;
    const rawLoginId = record[loginCol] ?? '';
    const trimmed = rawLoginId.trim();
    const loginId = unescapeFormula(trimmed);
    const password = record[passwordCol] ?? '';
    const disabledText = disabledCol < 0 ? '' : (record[disabledCol] ?? '').trim();
    const disabled = DISABLED_VALUES.get(disabledText.toLowerCase());
    const reason =
      parseErrors.has(i) ? l10n.t('the CSV is malformed here ({0})', parseErrors.get(i) ?? '')
      : !loginId ? l10n.t('no login_id')
      : unusable(rawLoginId) ? l10n.t('the login_id holds {0}, which no login_id may hold', unusable(rawLoginId) ?? '')
      : loginId.length > limits.maxLoginId ? l10n.t('the login_id is longer than {0} characters', limits.maxLoginId)
      : !password ? l10n.t('no password')
      : unusable(password) ? l10n.t('the password holds {0}: fix the file (the password itself is not shown)', unusable(password) ?? '')
      : password.length > limits.maxPassword ? l10n.t('the password is longer than {0} characters', limits.maxPassword)
      : firstLine.has(loginId) ? l10n.t('a second row for this login_id (the first is line {0})', firstLine.get(loginId) ?? 0)
      : disabled === undefined ? l10n.t('disabled is "{0}": write true or false (or leave it empty for enabled)', disabledText)
      : undefined;
    if (reason) {
      // A login_id with a control character is not repeated into the report: it is named by its line.
      problems.push({ line, loginId: unusable(rawLoginId) ? visible(loginId) : loginId, reason });
      return;
    }
    if (trimmed !== rawLoginId) notes.push({ line, loginId, note: 'trimmed' });
    if (loginId !== trimmed) notes.push({ line, loginId, note: 'unescaped' });
    firstLine.set(loginId, line);
    rows.push(disabledCol < 0 ? { line, loginId, password } : { line, loginId, password, disabled: disabled === true });
  });
  return { rows, problems, notes };
}

/**
 * A header cell as the "no such column" message quotes it. A file without a header row has a user's password in its
 * first row, so only cells that read like a column name (letters, spaces, `_`, `-`, at most 24) are quoted.
 */
function shownHeader(cell: string): string {
  const name = cell.trim();
  return /^[\p{L}][\p{L} _-]{0,23}$/u.test(name) ? `"${name}"` : l10n.t('(a value)');
}

/** The one column named like `names`; a second one is refused rather than one of them silently ignored. */
function column(headers: string[], names: ReadonlySet<string>, what: string): number {
  const found = headers.flatMap((h, i) => (names.has(h) ? [i] : []));
  if (found.length > 1) {
    throw new ImportFileError(
      l10n.t('The header row has {0} {1} columns (columns {2}). Keep one.', found.length, what, found.map((i) => i + 1).join(l10n.t(' and '))),
    );
  }
  return found[0] ?? -1;
}

/**
 * Export writes a value a spreadsheet would run as a formula with a leading `'` (see usersToCsv); read back, that
 * `'` is taken off again. A login_id that really starts with `'` and a formula character cannot be imported as is.
 */
function unescapeFormula(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/**
 * Characters no login_id or password may hold, described for the user: line breaks (a CSV quoting slip, or a forged
 * file), other control characters (C0, DEL, C1), Unicode direction controls (they make a login_id read differently
 * from what it is) and unpaired UTF-16 surrogates (not text at all; they cannot be sent).
 */
export function unusable(value: string): string | undefined {
  // With the u flag a surrogate pair is one code point, so [\ud800-\udfff] matches unpaired halves only.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const found = /[\r\n\u2028\u2029]|[\u0000-\u001f\u007f-\u009f]|[\u202a-\u202e\u2066-\u2069]|[\ud800-\udfff]/u.exec(value);
  if (!found) return undefined;
  const c = found[0];
  const code = `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  if (/[\r\n\u2028\u2029]/.test(c)) return l10n.t('a line break ({0})', code);
  if (/[\u202a-\u202e\u2066-\u2069]/.test(c)) return l10n.t('a text-direction control ({0})', code);
  if (/[\ud800-\udfff]/.test(c)) return l10n.t('an unpaired UTF-16 surrogate ({0})', code);
  return l10n.t('a control character ({0})', code);
}

/** A value with its control characters shown as U+XXXX, so a report line cannot be broken or spoofed by it. */
function visible(value: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udfff]/gu, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

const isBlank = (record: string[]) => record.every((field) => field.trim() === '');
const breaksIn = (record: string[]) => record.reduce((n, field) => n + (field.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
