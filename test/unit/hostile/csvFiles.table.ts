// Hostile import files, read as Import User reads them (size check, decoding, parsing); the rows it accepts are then
// created through the API client against the emulator, so the table also says what the server ends up holding.

export interface CsvCase {
  name: string;
  /** The file: text (written as UTF-8) or raw bytes. */
  file: string | Uint8Array;
  /** Row cap for this case (default: the shipped one). */
  maxRows?: number;
  expect:
    | { fileError: RegExp }
    | {
        /** login_ids created, in order, each with its password from the file. */
        created: [loginId: string, password: string][];
        /** Refused rows: line and what the reason must say. */
        problems?: [line: number, reason: RegExp][];
        notes?: [line: number, note: 'trimmed' | 'unescaped'][];
      };
  /** Text that must never appear in what the user sees (passwords). */
  hidden?: string[];
}

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf16le = (text: string) => Uint8Array.from([0xff, 0xfe, ...[...Buffer.from(text, 'utf16le')]]);
const utf16be = (text: string) => Uint8Array.from([0xfe, 0xff, ...[...Buffer.from(text, 'utf16le').swap16()]]);
const HEADER = 'login_id,password\n';

export const CSV_FILES: CsvCase[] = [
  { name: 'a plain file', file: `${HEADER}csv-1,Pass-word-1\ncsv-2,Pass-word-2\n`, expect: { created: [['csv-1', 'Pass-word-1'], ['csv-2', 'Pass-word-2']] } },
  { name: 'a UTF-8 byte-order mark and CRLF', file: `\uFEFF${HEADER.replace('\n', '\r\n')}csv-bom,Pass-word-1\r\n`, expect: { created: [['csv-bom', 'Pass-word-1']] } },
  { name: 'UTF-16LE', file: utf16le(`${HEADER}csv-16,Pass-word-1\n`), expect: { fileError: /UTF-16 text\. Save it as "CSV UTF-8"/ } },
  { name: 'UTF-16BE', file: utf16be(`${HEADER}csv-16,Pass-word-1\n`), expect: { fileError: /UTF-16 text/ } },
  { name: 'Latin-1 (a local code page)', file: bytes(...Buffer.from(HEADER), 0x6a, 0x6f, 0x73, 0xe9, 0x2c, 0x50, 0x77, 0x2d, 0x31, 0x32, 0x33, 0x34), expect: { fileError: /not UTF-8 text/ } },
  { name: 'a truncated UTF-8 sequence', file: bytes(...Buffer.from(`${HEADER}ab`), 0xe6, 0x97, 0x2c, 0x50), expect: { fileError: /not UTF-8 text/ } },
  { name: 'an overlong UTF-8 encoding of /', file: bytes(...Buffer.from(`${HEADER}a`), 0xc0, 0xaf, ...Buffer.from(',Pass-word-1')), expect: { fileError: /not UTF-8 text/ } },
  { name: 'an empty file', file: '', expect: { fileError: /The file is empty/ } },
  { name: 'only blank lines', file: '\n  \n\t\n', expect: { fileError: /The file is empty/ } },
  { name: 'no header row (a password must not be quoted)', file: 'csv-nohead,Secret-Pw-99\ncsv-2,Pass-word-2\n', expect: { fileError: /no login_id or password column \(it has "csv-nohead"|no login_id or password column \(it has \(a value\), \(a value\)\)/ }, hidden: ['Secret-Pw-99'] },
  { name: 'no password column', file: 'login_id,secret\nx,Pass-word-1\n', expect: { fileError: /no password column \(it has "login_id", "secret"\)/ } },
  { name: 'no login_id column', file: 'user,password\nx,Pass-word-1\n', expect: { fileError: /no login_id column/ } },
  { name: 'a repeated login_id column', file: 'login_id,password,Login ID\na,Pass-word-1,b\n', expect: { fileError: /2 login_id columns \(columns 1 and 3\)\. Keep one\./ } },
  { name: 'a repeated password column', file: 'password,login_id,PASSWORD\nPass-word-1,a,Pass-word-2\n', expect: { fileError: /2 password columns \(columns 1 and 3\)/ } },
  { name: 'a repeated disabled column', file: 'login_id,password,disabled,disabled\na,Pass-word-1,true,false\n', expect: { fileError: /2 disabled columns/ } },
  { name: 'the header only', file: HEADER, expect: { created: [] } },
  { name: 'semicolons and a "Login ID" header', file: 'Password;Login ID\nPass-word-1;csv-semi\n', expect: { created: [['csv-semi', 'Pass-word-1']] } },
  { name: 'a repeated row', file: `${HEADER}csv-rep,Pass-word-1\ncsv-rep,Pass-word-1\n`, expect: { created: [['csv-rep', 'Pass-word-1']], problems: [[3, /a second row for this login_id \(the first is line 2\)/]] } },
  { name: 'a login_id three times with other passwords', file: `${HEADER}csv-3x,Pass-word-1\ncsv-3x,Pass-word-2\ncsv-3x,Pass-word-3\n`, expect: { created: [['csv-3x', 'Pass-word-1']], problems: [[3, /second row/], [4, /second row/]] }, hidden: ['Pass-word-2', 'Pass-word-3'] },
  { name: 'a NUL in a login_id', file: `${HEADER}csv\u0000nul,Pass-word-1\nok-1,Pass-word-2\n`, expect: { created: [['ok-1', 'Pass-word-2']], problems: [[2, /the login_id holds a control character \(U\+0000\)/]] } },
  { name: 'a BEL in a login_id', file: `${HEADER}\u0007bell,Pass-word-1\n`, expect: { created: [], problems: [[2, /control character \(U\+0007\)/]] } },
  { name: 'a quoted line feed in a login_id', file: `${HEADER}"two\nlines",Pass-word-1\nafter,Pass-word-2\n`, expect: { created: [['after', 'Pass-word-2']], problems: [[2, /a line break \(U\+000A\)/]] } },
  { name: 'a quoted carriage return in a login_id', file: `${HEADER}"cr\rhere",Pass-word-1\n`, expect: { created: [], problems: [[2, /a line break \(U\+000D\)/]] } },
  { name: 'a line separator U+2028 in a login_id', file: `${HEADER}ls\u2028x,Pass-word-1\n`, expect: { created: [], problems: [[2, /a line break \(U\+2028\)/]] } },
  { name: 'an ANSI escape in a login_id', file: `${HEADER}\u001b[2Jclear,Pass-word-1\n`, expect: { created: [], problems: [[2, /control character \(U\+001B\)/]] } },
  { name: 'a right-to-left override in a login_id', file: `${HEADER}user\u202Egnp.exe,Pass-word-1\n`, expect: { created: [], problems: [[2, /text-direction control \(U\+202E\)/]] } },
  { name: 'a control character in a password (not shown)', file: `${HEADER}csv-ctl,Pass\u0007word-1\n`, expect: { created: [], problems: [[2, /the password holds a control character \(U\+0007\): fix the file \(the password itself is not shown\)/]] }, hidden: ['Pass\u0007word-1', 'Pass'] },
  { name: 'formula prefixes kept as written', file: `${HEADER}=1+2,Pass-word-1\n+49 151,Pass-word-2\n-5,Pass-word-3\n@SUM(A1),Pass-word-4\n`, expect: { created: [['=1+2', 'Pass-word-1'], ['+49 151', 'Pass-word-2'], ['-5', 'Pass-word-3'], ['@SUM(A1)', 'Pass-word-4']] } },
  { name: "Export's ' before a formula taken off, and said", file: `${HEADER}"'=HYPERLINK(""x"")",Pass-word-1\n'+49,Pass-word-2\n`, expect: { created: [['=HYPERLINK("x")', 'Pass-word-1'], ['+49', 'Pass-word-2']], notes: [[2, 'unescaped'], [3, 'unescaped']] } },
  { name: "a ' before an ordinary value kept", file: `${HEADER}'quoted,Pass-word-1\n`, expect: { created: [["'quoted", 'Pass-word-1']] } },
  { name: 'spaces around a login_id trimmed, and said', file: `${HEADER}  csv-trim  ,Pass-word-1\ncsv-ok,Pass-word-2\n`, expect: { created: [['csv-trim', 'Pass-word-1'], ['csv-ok', 'Pass-word-2']], notes: [[2, 'trimmed']] } },
  { name: 'spaces around a password kept exactly', file: `${HEADER}csv-sp," Pass-word-1 "\n`, expect: { created: [['csv-sp', ' Pass-word-1 ']] } },
  { name: 'a password with the delimiter and quotes', file: `${HEADER}csv-q,"a,b ""c"" d"\n`, expect: { created: [['csv-q', 'a,b "c" d']] } },
  { name: 'a login_id over 256 characters', file: `${HEADER}${'x'.repeat(257)},Pass-word-1\n`, expect: { created: [], problems: [[2, /longer than 256 characters/]] } },
  { name: 'a password over 512 characters (not shown)', file: `${HEADER}csv-long,${'P'.repeat(513)}\n`, expect: { created: [], problems: [[2, /the password is longer than 512 characters/]] }, hidden: ['P'.repeat(513)] },
  { name: 'broken quoting', file: `${HEADER}good,Pass-word-1\n"bad,Pass-word-2\n`, expect: { created: [['good', 'Pass-word-1']], problems: [[3, /malformed/]] } },
  { name: 'an unreadable disabled value', file: 'login_id,password,disabled\ncsv-d,Pass-word-1,maybe\n', expect: { created: [], problems: [[2, /disabled is "maybe": write true or false/]] } },
  { name: 'more rows than the cap', file: `${HEADER}a,Pass-word-1\nb,Pass-word-2\nc,Pass-word-3\nd,Pass-word-4\n`, maxRows: 3, expect: { fileError: /The file has 4 rows; one import takes at most 3\. Split it into several files\./ } },
  { name: 'exactly the cap', file: `${HEADER}cap-a,Pass-word-1\ncap-b,Pass-word-2\n`, maxRows: 2, expect: { created: [['cap-a', 'Pass-word-1'], ['cap-b', 'Pass-word-2']] } },
  { name: 'a file over 5 MB (refused from its size, before decoding)', file: new Uint8Array(5 * 1024 * 1024 + 1).fill(0xff), expect: { fileError: /The file is 5\.0 MB; an import reads files of at most 5 MB/ } },
];
