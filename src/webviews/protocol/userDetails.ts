import * as z from 'zod/mini';
import { USER_ACTIONS, type UserAction } from './limits';

// The user-details page's messages. The host parses every ToHost with the schema; the page imports types only.

export type { UserAction } from './limits';

export interface UserDetailsModel {
  projectName: string;
  loginId: string;
  state: string;
  mqttId?: string;
  /** Every field the server sent. */
  fields: Record<string, unknown>;
  userData?: Record<string, unknown>;
  /** A read of the user failed: shown as an error. */
  error?: string;
  /**
   * Information, not an error: why the page shows less than every field (e.g. a Registration account cannot read
   * users, so only what this extension knows is shown, and no state).
   */
  notice?: string;
  actions: UserAction[];
}

export type UserDetailsStrings = Record<
  'project' | 'state' | 'mqttId' | 'fields' | 'userData' | 'noUserData' | 'loading' | UserAction,
  string
>;

export type UserDetailsToView =
  | { type: 'strings'; strings: UserDetailsStrings }
  | { type: 'model'; model: UserDetailsModel }
  /** Loading or an action failed; the last model (if any) stays on screen. */
  | { type: 'error'; message: string }
  | { type: 'busy'; busy: boolean };

export const userDetailsToHost = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('action'), action: z.enum(USER_ACTIONS) }),
]);
export type UserDetailsToHost = z.infer<typeof userDetailsToHost>;
