// Hostile base URLs for a project, through parseBaseUrl (what Add/Edit Project check) and the client built on them.
// `{emu}` stands for the running emulator's host:port, so "what the server receives" is observed, not assumed.

export interface BaseUrlCase {
  name: string;
  url: string;
  expect: { origin: string; prefix: string } | { refused: RegExp };
  /** Parts that must never appear in the message: user-info and query strings. */
  hidden?: string[];
}

const scheme = (got: string) => ({ refused: new RegExp(`the scheme must be https \\(got ${got}\\)`) });
const plainHttp = { refused: /plain http is only allowed for loopback hosts/ };
const userInfo = { refused: /must not contain a user name or password/ };
const query = { refused: /must not contain a query \(\?\) or fragment \(#\)/ };
const notAUrl = { refused: /not a valid URL/ };

export const BASE_URLS: BaseUrlCase[] = [
  { name: 'javascript:', url: 'javascript:alert(document.cookie)', expect: scheme('javascript') },
  { name: 'file:', url: 'file:///etc/passwd', expect: scheme('file') },
  { name: 'ftp:', url: 'ftp://api.example.com', expect: scheme('ftp') },
  { name: 'data:', url: 'data:text/html,<script>alert(1)</script>', expect: scheme('data') },
  { name: 'ws:', url: 'ws://127.0.0.1:8080', expect: scheme('ws') },
  { name: 'plain http to a public host', url: 'http://api.mediumone.com', expect: plainHttp },
  { name: 'plain http to a private address', url: 'http://10.0.0.5:8080', expect: plainHttp },
  { name: 'plain http to a look-alike of 127.0.0.1', url: 'http://127.0.0.1.evil.example', expect: plainHttp },
  { name: 'plain http to a look-alike of localhost', url: 'http://localhost.evil.example', expect: plainHttp },
  { name: 'plain http to IPv6 ::2', url: 'http://[::2]:8080', expect: plainHttp },
  { name: 'plain http to IPv4-mapped loopback (refused: not plainly loopback)', url: 'http://[::ffff:127.0.0.1]', expect: plainHttp },
  { name: 'user and password', url: 'https://admin:Url-Secret-1@api.example.com', expect: userInfo, hidden: ['admin', 'Url-Secret-1'] },
  { name: 'a user name only', url: 'https://operator@api.example.com', expect: userInfo, hidden: ['operator'] },
  { name: 'user-info over plain http (checked first)', url: 'http://admin:Url-Secret-2@example.com', expect: userInfo, hidden: ['Url-Secret-2'] },
  { name: 'an encoded @ in the password', url: 'https://user:p%40ss-Secret-3@host.example', expect: userInfo, hidden: ['p%40ss-Secret-3', 'user:'] },
  { name: 'a password holding / and #', url: 'https://u:pa/ss#Secret-4@host.example', expect: userInfo, hidden: ['pa/ss', 'Secret-4'] },
  { name: 'user-info on the emulator', url: 'http://admin:Url-Secret-5@{emu}', expect: userInfo, hidden: ['Url-Secret-5'] },
  { name: 'a token in the query', url: 'https://api.example.com/?token=Tok-Secret-6', expect: query, hidden: ['Tok-Secret-6', 'token='] },
  { name: 'an API key in the query, no slash', url: 'https://api.example.com?api_key=Key-Secret-7&x=1', expect: query, hidden: ['Key-Secret-7'] },
  { name: 'a fragment', url: 'https://api.example.com/#Frag-Secret-8', expect: query, hidden: ['Frag-Secret-8'] },
  { name: 'a query on the emulator', url: 'http://{emu}/?session=Sess-Secret-9', expect: query, hidden: ['Sess-Secret-9'] },
  { name: 'an empty string', url: '', expect: notAUrl },
  { name: 'only spaces', url: '    ', expect: notAUrl },
  { name: 'words', url: 'not a url', expect: notAUrl },
  { name: 'a scheme and nothing else', url: 'https://', expect: notAUrl },
  { name: 'a space in the host', url: 'https://exa mple.com', expect: notAUrl },
  { name: 'scheme-relative', url: '//api.example.com', expect: notAUrl },
  { name: 'the production server', url: 'https://api.mediumone.com', expect: { origin: 'https://api.mediumone.com', prefix: '' } },
  { name: 'a trailing slash', url: 'https://api.mediumone.com/', expect: { origin: 'https://api.mediumone.com', prefix: '' } },
  { name: 'a path prefix with slashes', url: 'https://api.example.com/medium-one///', expect: { origin: 'https://api.example.com', prefix: '/medium-one' } },
  { name: 'capitals', url: 'HTTPS://API.EXAMPLE.COM', expect: { origin: 'https://api.example.com', prefix: '' } },
  { name: 'spaces around it', url: '  https://api.example.com  ', expect: { origin: 'https://api.example.com', prefix: '' } },
  { name: 'the emulator on 127.0.0.1', url: 'http://{emu}', expect: { origin: 'http://{emu}', prefix: '' } },
  { name: 'the emulator with a trailing slash', url: 'http://{emu}/', expect: { origin: 'http://{emu}', prefix: '' } },
  { name: 'another 127/8 address', url: 'http://127.255.255.254:8080', expect: { origin: 'http://127.255.255.254:8080', prefix: '' } },
  { name: 'localhost', url: 'http://localhost:8080', expect: { origin: 'http://localhost:8080', prefix: '' } },
  { name: 'localhost with a trailing dot', url: 'http://LOCALHOST.:8080', expect: { origin: 'http://localhost.:8080', prefix: '' } },
  { name: 'IPv6 loopback', url: 'http://[::1]:8080', expect: { origin: 'http://[::1]:8080', prefix: '' } },
  { name: 'IPv6 loopback written out', url: 'http://[0:0:0:0:0:0:0:1]', expect: { origin: 'http://[::1]', prefix: '' } },
  { name: '127.0.0.1 as one number', url: 'http://2130706433', expect: { origin: 'http://127.0.0.1', prefix: '' } },
  { name: '127.0.0.1 in hex', url: 'http://0x7f.1', expect: { origin: 'http://127.0.0.1', prefix: '' } },
];
