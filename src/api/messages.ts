// Plain-language error messages: the status meaning from the reference documents plus the server's own text.

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
const meanings: Partial<Record<Operation, Record<number, string>>> = {
  login: {
    400: 'a login field is missing or malformed',
    401: 'the login_id, password or API key is wrong',
    403: 'the credentials are wrong or this account may not use the API',
  },
  list: {
    401: 'the session is not signed in',
    403: 'only a Business user may list users',
    404: 'this server has no call to list users',
    405: 'this server has no call to list users',
  },
  create: {
    400: 'a field is missing, the user already exists, or the password does not meet the requirements',
    401: 'the signed-in account may not create users',
    403: 'the user could not be created (for example, it already exists)',
  },
  get: {
    401: 'the signed-in account may not read this user',
    403: 'there is no such user, or the signed-in account may not read it',
    404: 'there is no such user',
  },
  update: {
    400: 'a field is missing or the password does not meet the requirements',
    401: 'the signed-in account may not change this user',
    403: 'the signed-in account may not change this user',
    404: 'there is no such user',
  },
  delete: {
    401: 'the signed-in account may not delete users',
    403: 'the signed-in account may not delete users (only a Business user may)',
    404: 'there is no such user',
  },
};

const generalMeanings: Record<number, string> = {
  400: 'the request was not accepted',
  401: 'the session is not signed in or not permitted',
  403: 'the signed-in account is not permitted to do this',
  404: 'not found',
  429: 'too many requests in a short time',
  500: 'the server had an internal error',
  502: 'a gateway in front of the server failed',
  503: 'the service is temporarily unavailable',
  504: 'a gateway in front of the server timed out',
};

export function statusLabel(status: number): string {
  const phrase = reasonPhrases[status];
  return phrase ? `${status} ${phrase}` : `HTTP ${status}`;
}

export function statusMeaning(operation: Operation, status: number): string {
  return meanings[operation]?.[status] ?? generalMeanings[status] ?? 'the server gave an unexpected answer';
}

/** A login_id as a message shows it: quoted, with control characters and broken characters as escapes. */
export function shownLoginId(loginId: string): string {
  return JSON.stringify(loginId).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** e.g. `create "joe"`, `list the users`. */
export function actionPhrase(operation: Operation, loginId?: string): string {
  const who = loginId === undefined ? '' : ` ${shownLoginId(loginId)}`;
  switch (operation) {
    case 'login':
      return `sign in${loginId === undefined ? '' : ` as ${shownLoginId(loginId)}`}`;
    case 'list':
      return 'list the users';
    case 'create':
      return `create${who}`;
    case 'get':
      return `read${who}`;
    case 'update':
      return `update${who}`;
    case 'delete':
      return `delete${who}`;
    case 'sendEvents':
      return loginId === undefined ? 'send events' : `send events for${who}`;
    case 'queryEvents':
      return loginId === undefined ? 'read the events' : `read the events of${who}`;
  }
}

function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

/** What each status means for a call whose texts live with it (events, in the bundles loaded on demand). */
export type StatusMeanings = Readonly<Partial<Record<number, string>>>;

/** `Medium One refused to create "joe" (400 Bad Request): password too short.` */
export function statusMessage(
  operation: Operation,
  status: number,
  loginId: string | undefined,
  server?: string,
  own?: StatusMeanings,
): string {
  // A refusal is about permission or input; a 404 or a 5xx is not the server saying no.
  const lead = status >= 500 || status === 404 ? 'Medium One could not' : 'Medium One refused to';
  const detail = server ?? own?.[status] ?? statusMeaning(operation, status);
  return sentence(`${lead} ${actionPhrase(operation, loginId)} (${statusLabel(status)}): ${detail}`);
}
