// Who a CONNECT speaks for (SPEC section 7): username `<project MQTT id>/<user MQTT id>`, password
// `<API key>/<user password>` (one of the project's API keys, the basic user's password), a client id of at
// most 32 characters. Refusals are CONNACK return codes (MQTT 3.1.1 section 3.2.2.3).
import type { EmulatorState, ProjectState, StoredUser } from '../state';
import type { Connect } from './codec';

export const ConnackCode = {
  accepted: 0,
  unacceptableProtocol: 1,
  identifierRejected: 2,
  badUsernameOrPassword: 4,
  notAuthorized: 5,
} as const;

/** "A client id of at most 32 characters" (SPEC section 7), counted in characters (code points). */
export const CLIENT_ID_MAX = 32;

export interface Device {
  project: ProjectState;
  user: StoredUser;
}

export interface Refusal {
  code: number;
  /** For the call log: never a password or API key. */
  reason: string;
}

/**
 * The project and basic user a CONNECT authenticates, or the refusal. Credentials are checked before the
 * user's state, so a disabled user is told so (5) only by someone who knows its password; anything else
 * wrong in the username or password is 4 (bad username or password).
 */
export function authenticate(state: EmulatorState, connect: Connect): Device | Refusal {
  const idLength = Array.from(connect.clientId).length;
  if (idLength > CLIENT_ID_MAX) {
    return { code: ConnackCode.identifierRejected, reason: `client id of ${idLength} characters (at most ${CLIENT_ID_MAX})` };
  }
  // The standard: a server that keeps no session for an empty client id refuses it unless the session is clean.
  if (idLength === 0 && !connect.cleanSession) return { code: ConnackCode.identifierRejected, reason: 'empty client id without a clean session' };
  const bad = (reason: string): Refusal => ({ code: ConnackCode.badUsernameOrPassword, reason });
  if (connect.username === undefined) return bad('no username');
  if (connect.password === undefined) return bad('no password');
  const ids = connect.username.split('/');
  if (ids.length !== 2) return bad('the username is not <project MQTT id>/<user MQTT id>');
  const project = state.all().find((p) => p.mqttId === ids[0]);
  if (!project) return bad(`no project has the MQTT id ${JSON.stringify(ids[0])}`);
  const user = [...project.users.values()].find((u) => u.mqttId === ids[1]);
  if (!user) return bad(`project "${project.name}" has no user with the MQTT id ${JSON.stringify(ids[1])}`);
  const password = connect.password.toString('utf8');
  if (!project.apiKeys.some((key) => password === `${key}/${user.password}`)) {
    return bad(`the password is not <API key>/<password> of project "${project.name}" and user ${user.loginId}`);
  }
  if (user.disabled) return { code: ConnackCode.notAuthorized, reason: `user ${user.loginId} is disabled: it cannot send event data` };
  return { project, user };
}
