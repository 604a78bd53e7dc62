import type { BasicUser, UserSummary } from '../api/types';

export type UserState = 'enabled' | 'disabled' | 'pending' | 'notFound' | 'error' | 'unknown';

/** One basic user as the tree shows it: what the server last said, plus what the extension is doing to it. */
export interface UserEntry {
  loginId: string;
  state: UserState;
  mqttId?: string;
  userData?: Record<string, unknown>;
  /** Every field of the last GET, for tooltips and the details view. */
  raw?: Record<string, unknown>;
  /** Why the state is 'error' or 'unknown'. */
  reason?: string;
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
