import type { BasicUser, Role, UserSummary } from '../api/types';

export type UserState = 'enabled' | 'disabled' | 'pending' | 'notFound' | 'error' | 'unknown';

/**
 * Why a row's state is what it is, as the model learned it: a code the tree turns into words in the UI language
 * (this layer knows no VS Code). Commands may still give their own, already localized, text.
 */
export type UserReason =
  /** The server listed it, but a GET found no such user. */
  | { code: 'listedButNotFound' }
  /** A tracked user the server does not know. */
  | { code: 'notFoundOnServer' }
  /** Reading its state failed (after the client's own retries). */
  | { code: 'readFailed'; error: unknown }
  /** A tracked user whose GET failed: the error says it all. */
  | { code: 'failed'; error: unknown }
  /** The role may not read users: the row shows what this extension knows. */
  | { code: 'roleCannotRead'; role: Role };

/** One basic user as the tree shows it: what the server last said, plus what the extension is doing to it. */
export interface UserEntry {
  loginId: string;
  state: UserState;
  mqttId?: string;
  userData?: Record<string, unknown>;
  /** Every field of the last GET, for tooltips and the details view. */
  raw?: Record<string, unknown>;
  /** Why the state is 'error', 'notFound' or 'unknown': a code from the model, or a command's own words. */
  reason?: string | UserReason;
  /** A running operation, e.g. "Disabling…": shown instead of the mqtt_id. */
  busy?: string;
  /** In this extension's tracked list (created here or added by login_id), so "Remove from List" applies. */
  tracked?: boolean;
}

export function entryFromSummary(s: UserSummary): UserEntry {
  const state = s.disabled === undefined ? 'unknown' : s.disabled ? 'disabled' : 'enabled';
  return { loginId: s.loginId, state, mqttId: s.mqttId, userData: s.userData };
}

export function entryFromUser(u: BasicUser): UserEntry {
  return { loginId: u.loginId, state: u.disabled ? 'disabled' : 'enabled', mqttId: u.mqttId, userData: u.userData, raw: u.raw };
}
