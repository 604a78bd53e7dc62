// Hostile passwords, each set by a create and by a password change through the API client against the emulator.

export interface PasswordCase {
  name: string;
  password: string;
  /** `stored`: the server holds exactly this password; otherwise what the refusal must say. */
  expect: 'stored' | { refused: RegExp; sent: boolean };
}

/** The emulator's default rule, as a real server's "did not meet minimum complexity requirements" answer. */
const tooWeak = { refused: /did not meet minimum complexity requirements/, sent: true };

export const PASSWORDS: PasswordCase[] = [
  { name: 'empty', password: '', expect: tooWeak },
  { name: 'too short for the server', password: 'Zq9!x', expect: tooWeak },
  { name: 'only spaces', password: '        ', expect: 'stored' },
  { name: 'spaces around it', password: '  Pass-word-1  ', expect: 'stored' },
  { name: 'URL metacharacters / ? # % .. \\', password: '/?#%..\\&=+', expect: 'stored' },
  { name: 'JSON metacharacters', password: 'quote"back\\slash}{', expect: 'stored' },
  { name: 'control characters', password: 'pw\u0000\u0007\n\t-x', expect: 'stored' },
  { name: 'a lone surrogate (sent as a JSON \\u escape)', password: 'pw-\uD800-xy', expect: 'stored' },
  { name: 'unicode', password: 'pässwörd-日本-🙂', expect: 'stored' },
  { name: 'a right-to-left override', password: 'abc\u202Edef', expect: 'stored' },
  { name: '10,000 characters', password: 'P'.repeat(10_000), expect: 'stored' },
  { name: 'looks like a formula', password: '=cmd|"/c calc"!A1', expect: 'stored' },
];
