import { MediumOneError, type ErrorKind } from './errors';
import type { HttpResponse, Method, TransportError } from './http';
import { actionPhrase, shownLoginId, statusLabel, statusMessage, type Operation, type StatusMeanings } from './messages';
import { scrubSecrets } from './scrub';
import { serverText } from './serverText';
import { l10n } from '../util/l10n';

/** What a failure is about, for its message. */
export interface Subject {
  operation: Operation;
  method: Method;
  /** The user concerned (or the admin account for a login). */
  loginId?: string;
  /** Secrets to keep out of every text: the login's password and API key, and any password this call sends. */
  secrets: readonly string[];
  /**
   * True when the signed-in account may reach this user, so a 403 can only mean the user does not exist (the
   * reference documents 403 for both; some servers answer it for unknown users). Asked when a 403 arrives.
   */
  forbiddenMeansMissing?: () => boolean;
  /** What each status means for this call, when its module says so rather than messages.ts. */
  meanings?: StatusMeanings;
}

export function mentionsLock(text: string | undefined): boolean {
  return !!text && /\block(ed|out)?\b/i.test(text);
}

function kindForStatus(operation: Operation, status: number, server: string | undefined): ErrorKind {
  if (operation === 'login' && (status === 400 || status === 401 || status === 403)) return 'loginFailed';
  // A lockout some servers answer with 429: it is about the credentials, not a rate to wait out.
  if (operation === 'login' && status === 429 && mentionsLock(server)) return 'loginFailed';
  if (operation === 'list' && (status === 404 || status === 405)) return 'listingNotSupported';
  if (status === 400) return 'badRequest';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 429) return 'rateLimited';
  if (status === 503) return 'unavailable';
  if (status >= 400 && status < 500) return 'badRequest';
  return 'server';
}

/** A 403 about a user the account may reach: the server's way of saying there is no such user. */
function isMissingUser(subject: Subject, status: number): boolean {
  return status === 403 && subject.loginId !== undefined && (subject.forbiddenMeansMissing?.() ?? false);
}

/** The error for an HTTP answer the call cannot use. `tries` is how many times it was sent. */
export function statusFailure(subject: Subject, res: HttpResponse, tries: number): MediumOneError {
  const server = serverText(res.text, subject.secrets, res.status);
  const missing = isMissingUser(subject, res.status);
  const kind = missing ? 'notFound' : kindForStatus(subject.operation, res.status, server);
  let message = statusMessage(subject.operation, res.status, subject.loginId, server, subject.meanings);
  if (missing) {
    message = l10n.t(
      'There is no user {0} (Medium One answered {1} when asked to {2}, which it also answers for a user that does not exist).',
      shownLoginId(subject.loginId ?? ''),
      statusLabel(res.status),
      actionPhrase(subject.operation, subject.loginId),
    );
  } else if (res.status >= 300 && res.status < 400) {
    message = l10n.t(
      "Medium One answered with a redirect ({0}) when asked to {1}. Check the project's base URL.",
      statusLabel(res.status),
      actionPhrase(subject.operation, subject.loginId),
    );
  } else if (kind === 'loginFailed') {
    message +=
      ' ' +
      (mentionsLock(server)
        ? l10n.t('The account is locked after too many failed sign-ins: wait 5 minutes, check the password and API key, then sign in again.')
        : l10n.t(
            "Check the project's login_id, password and API key. The extension will not try again on its own: repeated failed sign-ins lock the account for 5 minutes.",
          ));
  } else if (kind === 'listingNotSupported') {
    message = l10n.t('This Medium One server has no call to list users ({0}).', statusLabel(res.status));
  } else if ((kind === 'rateLimited' || kind === 'unavailable' || kind === 'server') && tries > 1) {
    message += ' ' + l10n.t('Tried {0} times; wait a moment and try again.', tries);
  } else if (kind === 'unauthorized') {
    message += ' ' + l10n.t('Signing in again did not help, so the signed-in account is probably not permitted to do this.');
  }
  return new MediumOneError({
    kind,
    status: res.status,
    serverMessage: server,
    method: subject.method,
    path: res.path,
    message: scrubSecrets(message, subject.secrets),
  });
}

/**
 * A call that met a 401 on every session it was given, never on a fresh one of its own: the server ended the
 * sessions faster than the call could use them. Not a refusal, so it does not say "not permitted".
 */
export function sessionsKeptEnding(subject: Subject, res: HttpResponse, rounds: number): MediumOneError {
  const message = l10n.t(
    'Medium One ended the session each time before the extension could {0} ({1}, {2} times). Other calls kept using up the new sessions; try again with fewer at once.',
    actionPhrase(subject.operation, subject.loginId),
    statusLabel(401),
    rounds,
  );
  return new MediumOneError({
    kind: 'unauthorized',
    status: res.status,
    serverMessage: serverText(res.text, subject.secrets, res.status),
    method: subject.method,
    path: res.path,
    message: scrubSecrets(message, subject.secrets),
  });
}

/** What a network error code means, read when a failure is told (so it is translated); else the code itself. */
function codeExplanation(code: string): string {
  switch (code) {
    case 'ECONNREFUSED':
      return l10n.t('the connection was refused');
    case 'ECONNRESET':
      return l10n.t('the connection was reset');
    case 'ENOTFOUND':
      return l10n.t('the host name was not found');
    case 'EAI_AGAIN':
      return l10n.t('the host name could not be looked up');
    case 'ETIMEDOUT':
      return l10n.t('the connection timed out');
    case 'EPIPE':
      return l10n.t('the connection was closed');
    case 'ERR_STREAM_PREMATURE_CLOSE':
      return l10n.t('the connection closed before the answer was complete');
  }
  return code;
}

/** The error for a try that got no HTTP answer. */
export function transportFailure(
  subject: Subject,
  failure: TransportError,
  detail: { origin: string; timeoutMs: number; tries: number },
): MediumOneError {
  const action = actionPhrase(subject.operation, subject.loginId);
  const base = { method: subject.method, path: failure.path, code: failure.code, cause: failure };
  if (failure.type === 'cancelled') {
    return new MediumOneError({ ...base, kind: 'cancelled', message: l10n.t('Cancelled: {0}.', action) });
  }
  if (failure.type === 'timeout') {
    const seconds = Math.round(detail.timeoutMs / 100) / 10;
    return new MediumOneError({
      ...base,
      kind: 'timeout',
      message: scrubSecrets(l10n.t('Medium One did not answer within {0} s when asked to {1}.', seconds, action), subject.secrets),
    });
  }
  const why = failure.code ? codeExplanation(failure.code) : l10n.t('the connection failed');
  const message =
    detail.tries > 1
      ? l10n.t('Could not reach Medium One at {0} to {1}: {2} (tried {3} times).', detail.origin, action, why, detail.tries)
      : l10n.t('Could not reach Medium One at {0} to {1}: {2}.', detail.origin, action, why);
  return new MediumOneError({ ...base, kind: 'network', message: scrubSecrets(message, subject.secrets) });
}

/** A 2xx answer whose body is not JSON, or not of the documented shape. */
export function malformedFailure(subject: Subject, res: HttpResponse, tries: number, why: string): MediumOneError {
  const action = actionPhrase(subject.operation, subject.loginId);
  return new MediumOneError({
    kind: 'malformedResponse',
    status: res.status,
    method: subject.method,
    path: res.path,
    serverMessage: serverText(res.text, subject.secrets, res.status),
    message: scrubSecrets(
      tries > 1
        ? l10n.t(
            'Medium One sent an answer that could not be read when asked to {0} ({1}: {2}, even after {3} tries). The server, or a proxy in front of it, may be misbehaving; try again later.',
            action,
            statusLabel(res.status),
            why,
            tries,
          )
        : l10n.t(
            'Medium One sent an answer that could not be read when asked to {0} ({1}: {2}). The server, or a proxy in front of it, may be misbehaving; try again later.',
            action,
            statusLabel(res.status),
            why,
          ),
      subject.secrets,
    ),
  });
}
