// Hostile login_ids, each driven through create, read, disable and delete by the API client against the emulator.
// `fate` says what must happen; the runner derives each operation's expectation from it.

/**
 * - sendable: every call goes out; the login_id arrives exactly in the create body and percent-encoded in the path.
 * - control: create is refused before anything is sent (naming the control character); a user that already has
 *   one (made elsewhere) is still read, disabled and deleted through its encoded path.
 * - unpaired: half of a UTF-16 surrogate pair: refused everywhere before anything is sent.
 * - empty: refused everywhere before anything is sent.
 * - dotSegment: `.`/`..`: created (the body carries it) but unaddressable in a path: refused before sending.
 */
export type LoginIdFate = 'sendable' | 'control' | 'unpaired' | 'empty' | 'dotSegment';

export interface LoginIdCase {
  name: string;
  loginId: string;
  fate: LoginIdFate;
  /** What the refusal must say (the default per fate is in the runner). */
  says?: RegExp;
}

const control = (name: string, loginId: string, code: string): LoginIdCase => ({ name, loginId, fate: 'control', says: new RegExp(`control character \\(U\\+${code}\\)`) });

export const LOGIN_IDS: LoginIdCase[] = [
  { name: 'a plain login_id', loginId: 'device-001', fate: 'sendable' },
  { name: 'a space inside', loginId: 'a b', fate: 'sendable' },
  { name: 'spaces around it', loginId: '  padded  ', fate: 'sendable' },
  { name: 'only spaces', loginId: '   ', fate: 'sendable' },
  { name: 'a slash', loginId: 'site/a', fate: 'sendable' },
  { name: 'only a slash', loginId: '/', fate: 'sendable' },
  { name: 'a query', loginId: 'a?b=c&d=e', fate: 'sendable' },
  { name: 'a fragment', loginId: 'a#b', fate: 'sendable' },
  { name: 'a percent sign', loginId: '100%', fate: 'sendable' },
  { name: 'an encoded slash, literally', loginId: '%2F', fate: 'sendable' },
  { name: 'an encoded NUL, literally', loginId: '%00', fate: 'sendable' },
  { name: 'encoded dots, literally', loginId: '%2e%2e', fate: 'sendable' },
  { name: 'a path traversal', loginId: '../../v2/login', fate: 'sendable' },
  { name: 'three dots', loginId: '...', fate: 'sendable' },
  { name: 'a leading dot', loginId: '.hidden', fate: 'sendable' },
  { name: 'a backslash', loginId: 'a\\b', fate: 'sendable' },
  { name: 'a backslash traversal', loginId: '..\\..\\x', fate: 'sendable' },
  { name: 'a plus (phone number)', loginId: '+49 151 0000', fate: 'sendable' },
  { name: 'a formula', loginId: '=HYPERLINK("http://x")', fate: 'sendable' },
  { name: 'an @ first', loginId: '@admin', fate: 'sendable' },
  { name: 'an e-mail address', loginId: 'joe+iot@example.com', fate: 'sendable' },
  { name: 'quotes', loginId: `it's "quoted"`, fate: 'sendable' },
  { name: 'HTML', loginId: '<img src=x onerror=alert(1)>', fate: 'sendable' },
  { name: 'accented Latin', loginId: 'gerät-ü', fate: 'sendable' },
  { name: 'CJK', loginId: '設備-日本', fate: 'sendable' },
  { name: 'an emoji (a surrogate pair)', loginId: 'sensor-🙂', fate: 'sendable' },
  { name: 'a combining accent', loginId: 'cafe\u0301', fate: 'sendable' },
  { name: 'a zero-width space', loginId: 'a\u200Bb', fate: 'sendable' },
  { name: 'a no-break space', loginId: 'a\u00A0b', fate: 'sendable' },
  { name: 'a right-to-left override', loginId: 'user\u202Egnp.exe', fate: 'sendable' },
  { name: '10,000 characters', loginId: 'x'.repeat(10_000), fate: 'sendable' },
  control('a NUL', 'a\u0000b', '0000'),
  control('a BEL', '\u0007bell', '0007'),
  control('a line feed', 'a\nb', '000A'),
  control('a carriage return', 'a\rb', '000D'),
  control('a tab', 'a\tb', '0009'),
  control('an ANSI escape sequence', '\u001b[31mred', '001B'),
  control('a DEL', 'a\u007f', '007F'),
  control('a C1 next-line', 'a\u0085b', '0085'),
  { name: 'a lone high surrogate', loginId: 'dev-\uD800', fate: 'unpaired' },
  { name: 'a lone low surrogate', loginId: 'a\uDC00b', fate: 'unpaired' },
  { name: 'a reversed surrogate pair', loginId: '\uDC00\uD800', fate: 'unpaired' },
  { name: 'nothing at all', loginId: '', fate: 'empty' },
  { name: 'a single dot', loginId: '.', fate: 'dotSegment' },
  { name: 'two dots', loginId: '..', fate: 'dotSegment' },
];
