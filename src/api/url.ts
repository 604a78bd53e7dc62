import { MediumOneError } from './errors';

/** A validated project base URL: `origin` plus an optional path prefix without a trailing slash. */
export interface BaseUrl {
  origin: string;
  /** '' or e.g. '/medium-one' (no trailing slash). */
  prefix: string;
}

const loopbackNames = new Set(['localhost', '[::1]']);

/** 127.0.0.0/8, ::1 and localhost: the only hosts where plain http cannot be read or changed on the way. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return loopbackNames.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function invalid(raw: string, why: string): MediumOneError {
  return new MediumOneError({
    kind: 'invalidUrl',
    method: '',
    path: '',
    message: `"${raw}" is not a usable Medium One base URL: ${why}.`,
  });
}

/**
 * Validates a base URL such as https://api.mediumone.com. https is required except on loopback, where the
 * local sandbox runs over http. Credentials, queries and fragments are refused: they would leak into logs or
 * change every request. Trailing slashes are dropped so paths join cleanly.
 */
export function parseBaseUrl(raw: string): BaseUrl {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid(text, 'it is not a valid URL (expected something like https://api.mediumone.com)');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid(text, `the scheme must be https (got ${url.protocol.replace(/:$/, '')})`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw invalid(text, 'plain http is only allowed for loopback hosts (127.0.0.1, ::1, localhost); use https');
  }
  if (url.username || url.password) throw invalid('(hidden)', 'it must not contain a user name or password');
  if (url.search || url.hash) throw invalid(text, 'it must not contain a query (?) or fragment (#)');
  return { origin: url.origin, prefix: url.pathname.replace(/\/+$/, '') };
}

/**
 * The path of one user, login_id percent-encoded so `/`, `?`, `#`, `%`, spaces, `+`, `@` and unicode survive.
 *
 * A login_id of exactly `.` or `..` cannot be addressed at all: WHATWG URL parsing (which node-fetch uses) treats
 * `.`/`..` segments, and their encoded forms `%2E`/`%2E%2E`, as "this/parent directory" and collapses them, so a
 * GET for user `..` would become a GET of `/v2/`; proxies in front of real servers normalise the same way. An
 * empty login_id would address the collection itself. For those we refuse before sending anything; such users can
 * still be created, because POST /v2/users/ carries the login_id in its body.
 */
export function userPath(loginId: string, method = ''): string {
  if (loginId === '.' || loginId === '..' || loginId === '') {
    const why =
      loginId === ''
        ? 'An empty login_id cannot be used in a Medium One URL: the request would address the list of users instead.'
        : `The login_id "${loginId}" cannot be used in a Medium One URL: URLs treat "." and ".." as folder steps, so ` +
          'no request can reach this user. Manage it in the Medium One portal instead.';
    throw new MediumOneError({ kind: 'unaddressableLoginId', method, path: '/v2/users/', message: why });
  }
  return `/v2/users/${encodeURIComponent(loginId)}`;
}

export const paths = {
  login: '/v2/login',
  users: '/v2/users',
  /** The reference documents create with a trailing slash. */
  create: '/v2/users/',
} as const;
