// Plain-language error messages: the status meaning from the reference documents plus the server's own text.

import { l10n } from '../util/l10n';

export type Operation = 'login' | 'list' | 'create' | 'get' | 'update' | 'delete' | 'sendEvents' | 'queryEvents';

const reasonPhrases: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** What each documented status means for each call (reference: crud-basic-users.txt, SPEC section 2). */
function callMeaning(operation: Operation, status: number): string | undefined {
  // Each text is a literal in its own l10n.t call, read at use time: `npm run l10n` finds it, and the translator is
  // installed by then.
  switch (`${operation} ${status}`) {
    case 'login 400':
      return l10n.t('a login field is missing or malformed');
    case 'login 401':
      return l10n.t('the login_id, password or API key is wrong');
    case 'login 403':
      return l10n.t('the credentials are wrong or this account may not use the API');
    case 'list 401':
      return l10n.t('the session is not signed in');
    case 'list 403':
      return l10n.t('only a Business user may list users');
    case 'list 404':
    case 'list 405':
      return l10n.t('this server has no call to list users');
    case 'create 400':
      return l10n.t('a field is missing, the user already exists, or the password does not meet the requirements');
    case 'create 401':
      return l10n.t('the signed-in account may not create users');
    case 'create 403':
      return l10n.t('the user could not be created (for example, it already exists)');
    case 'get 401':
      return l10n.t('the signed-in account may not read this user');
    case 'get 403':
      return l10n.t('there is no such user, or the signed-in account may not read it');
    case 'get 404':
    case 'update 404':
    case 'delete 404':
      return l10n.t('there is no such user');
    case 'update 400':
      return l10n.t('a field is missing or the password does not meet the requirements');
    case 'update 401':
    case 'update 403':
      return l10n.t('the signed-in account may not change this user');
    case 'delete 401':
      return l10n.t('the signed-in account may not delete users');
    case 'delete 403':
      return l10n.t('the signed-in account may not delete users (only a Business user may)');
  }
  return undefined;
}

function generalMeaning(status: number): string | undefined {
  switch (status) {
    case 400:
      return l10n.t('the request was not accepted');
    case 401:
      return l10n.t('the session is not signed in or not permitted');
    case 403:
      return l10n.t('the signed-in account is not permitted to do this');
    case 404:
      return l10n.t('not found');
    case 429:
      return l10n.t('too many requests in a short time');
    case 500:
      return l10n.t('the server had an internal error');
    case 502:
      return l10n.t('a gateway in front of the server failed');
    case 503:
      return l10n.t('the service is temporarily unavailable');
    case 504:
      return l10n.t('a gateway in front of the server timed out');
  }
  return undefined;
}

export function statusLabel(status: number): string {
  const phrase = reasonPhrases[status];
  return phrase ? `${status} ${phrase}` : `HTTP ${status}`;
}

export function statusMeaning(operation: Operation, status: number): string {
  return callMeaning(operation, status) ?? generalMeaning(status) ?? l10n.t('the server gave an unexpected answer');
}

/** A login_id as a message shows it: quoted, with control characters and broken characters as escapes. */
export function shownLoginId(loginId: string): string {
  return JSON.stringify(loginId).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** e.g. `create "joe"`, `list the users`. */
export function actionPhrase(operation: Operation, loginId?: string): string {
  const who = loginId === undefined ? undefined : shownLoginId(loginId);
  switch (operation) {
    case 'login':
      return who === undefined ? l10n.t('sign in') : l10n.t('sign in as {0}', who);
    case 'list':
      return l10n.t('list the users');
    case 'create':
      return who === undefined ? l10n.t('create') : l10n.t('create {0}', who);
    case 'get':
      return who === undefined ? l10n.t('read') : l10n.t('read {0}', who);
    case 'update':
      return who === undefined ? l10n.t('update') : l10n.t('update {0}', who);
    case 'delete':
      return who === undefined ? l10n.t('delete') : l10n.t('delete {0}', who);
    case 'sendEvents':
      return who === undefined ? l10n.t('send events') : l10n.t('send events for {0}', who);
    case 'queryEvents':
      return who === undefined ? l10n.t('read the events') : l10n.t('read the events of {0}', who);
  }
}

function sentence(text: string): string {
  // A translation may end with a full-width stop.
  return /[.!?…。！？]$/.test(text) ? text : `${text}.`;
}

/** What each status means for a call whose texts live with it (events); undefined: the general meaning. */
export type StatusMeanings = (status: number) => string | undefined;

/** `Medium One refused to create "joe" (400 Bad Request): password too short.` */
export function statusMessage(
  operation: Operation,
  status: number,
  loginId: string | undefined,
  server?: string,
  own?: StatusMeanings,
): string {
  // A refusal is about permission or input; a 404 or a 5xx is not the server saying no.
  const action = actionPhrase(operation, loginId);
  const detail = server ?? own?.(status) ?? statusMeaning(operation, status);
  return sentence(
    status >= 500 || status === 404
      ? l10n.t('Medium One could not {0} ({1}): {2}', action, statusLabel(status), detail)
      : l10n.t('Medium One refused to {0} ({1}): {2}', action, statusLabel(status), detail),
  );
}
