import { MediumOneError } from './errors';
import { shownLoginId } from './messages';
import { l10n } from '../util/l10n';

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

/**
 * A URL as it may be shown: without anything that could be a user name or password (everything between the
 * scheme and the last "@", since a password may itself hold "/", "?" or "#"), without a query or fragment, and
 * without control characters. Removing too much is the safe side: the result only ever appears in messages.
 */
export function redactUrl(raw: string): string {
  const text = stripControls(raw.trim());
  const scheme = /^[a-z][a-z0-9+.-]*:(\/\/)?/i.exec(text);
  // Without "//", "user:secret@host" may be user-info, not a scheme: then nothing before the "@" is kept.
  const lead = scheme && (scheme[1] || !text.includes('@')) ? scheme[0] : '';
  let rest = text.slice(lead.length);
  const at = rest.lastIndexOf('@');
  if (at >= 0) rest = rest.slice(at + 1);
  rest = rest.split(/[?#]/)[0] ?? '';
  const shown = lead + rest;
  return shown.length > maxShownUrlLength ? `${shown.slice(0, maxShownUrlLength - 1)}…` : shown;
}

const maxShownUrlLength = 200;

function stripControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}

function invalid(raw: string, why: string): MediumOneError {
  return new MediumOneError({
    kind: 'invalidUrl',
    method: '',
    path: '',
    message: l10n.t('"{0}" is not a usable Medium One base URL: {1}.', redactUrl(raw), why),
  });
}

/**
 * Validates a base URL such as https://api.mediumone.com. https is required except on loopback, where the
 * local sandbox runs over http. Credentials, queries and fragments are refused, and checked before anything
 * else so that no message can quote them: they would leak into logs or change every request. Trailing slashes
 * are dropped so paths join cleanly.
 */
export function parseBaseUrl(raw: string): BaseUrl {
  const text = raw.trim();
  // Checked on the text, not the parsed URL: a password holding "/" or "#" can make a parser see no user-info.
  if (text.includes('@')) throw invalid(text, l10n.t('it must not contain a user name or password (nothing before an "@")'));
  if (/[?#]/.test(text)) throw invalid(text, l10n.t('it must not contain a query (?) or fragment (#)'));
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid(text, l10n.t('it is not a valid URL (expected something like https://api.mediumone.com)'));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid(text, l10n.t('the scheme must be https (got {0})', url.protocol.replace(/:$/, '')));
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw invalid(text, l10n.t('plain http is only allowed for loopback hosts (127.0.0.1, ::1, localhost); use https'));
  }
  return { origin: url.origin, prefix: url.pathname.replace(/\/+$/, '') };
}

/**
 * Why (a sentence) no request may carry this login_id, or undefined when it is fine: empty (it would address the list, or
 * create a nameless user), or holding a lone UTF-16 surrogate (half of a character: it has no UTF-8 form, so it
 * cannot be percent-encoded or sent in JSON faithfully).
 */
function brokenLoginId(loginId: string): string | undefined {
  if (loginId === '') return l10n.t('A login_id cannot be empty.');
  // With the u flag a surrogate only matches when it is not half of a pair.
  if (/[\uD800-\uDFFF]/u.test(loginId)) {
    return l10n.t('The login_id {0} holds a broken character (half of a UTF-16 surrogate pair) that cannot be sent.', shownLoginId(loginId));
  }
  return undefined;
}

/** `why`: a whole sentence. */
function invalidLoginId(why: string, method: string, path: string): MediumOneError {
  return new MediumOneError({ kind: 'invalidLoginId', method, path, message: why });
}

/**
 * Before a create: the login_id must be sendable (see `brokenLoginId`) and hold no control characters (NUL,
 * line breaks, escape…), which no one can type or see and which break logs, files and other tools. Throws
 * `invalidLoginId` before anything is sent.
 */
export function checkNewLoginId(loginId: string): void {
  const broken = brokenLoginId(loginId);
  if (broken) throw invalidLoginId(broken, 'POST', paths.create);
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u001f\u007f-\u009f]/.exec(loginId);
  if (control) {
    const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    throw invalidLoginId(
      l10n.t('The login_id {0} holds a control character ({1}); use letters, digits and visible symbols only.', shownLoginId(loginId), code),
      'POST',
      paths.create,
    );
  }
}

/**
 * The path of one user, login_id percent-encoded so `/`, `?`, `#`, `%`, spaces, `+`, `@` and unicode survive.
 *
 * A login_id of exactly `.` or `..` cannot be addressed at all: WHATWG URL parsing (which node-fetch uses) treats
 * `.`/`..` segments, and their encoded forms `%2E`/`%2E%2E`, as "this/parent directory" and collapses them, so a
 * GET for user `..` would become a GET of `/v2/`; proxies in front of real servers normalise the same way. For
 * those we refuse before sending anything (`unaddressableLoginId`); such users can still be created, because POST
 * /v2/users/ carries the login_id in its body. An empty login_id or one with a lone surrogate is `invalidLoginId`.
 * Control characters are encoded and sent: a user that already has them must stay manageable.
 */
export function userPath(loginId: string, method = ''): string {
  return `${paths.users}/${loginIdSegment(loginId, method, '/v2/users/')}`;
}

/** A login_id as one percent-encoded path segment, refused as `userPath` explains; `base` is the path errors name. */
export function loginIdSegment(loginId: string, method: string, base: string): string {
  const broken = brokenLoginId(loginId);
  if (broken) throw invalidLoginId(broken, method, base);
  if (loginId === '.' || loginId === '..') {
    throw new MediumOneError({
      kind: 'unaddressableLoginId',
      method,
      path: base,
      message: l10n.t(
        'The login_id "{0}" cannot be used in a Medium One URL: URLs treat "." and ".." as folder steps, so no request can reach this user. Manage it in the Medium One portal instead.',
        loginId,
      ),
    });
  }
  return encodeURIComponent(loginId);
}

export const paths = {
  login: '/v2/login',
  users: '/v2/users',
  /** The reference documents create with a trailing slash. */
  create: '/v2/users/',
} as const;
