import * as z from 'zod/mini';

export const USER_ACTIONS = ['refresh', 'enable', 'disable', 'changePassword', 'delete', 'copyLoginId', 'copyMqttId'] as const;
export type UserAction = (typeof USER_ACTIONS)[number];

export interface UserDetailsModel {
  projectName: string;
  loginId: string;
  state: string;
  mqttId?: string;
  /** Every field the server sent. */
  fields: Record<string, unknown>;
  userData?: Record<string, unknown>;
  /** Why the data may be incomplete (a failed read, a role that cannot read). */
  error?: string;
  actions: UserAction[];
}

export type UserDetailsToView =
  | { type: 'model'; model: UserDetailsModel; strings: Record<string, string> }
  | { type: 'busy'; busy: boolean };

export const userDetailsToHost = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('action'), action: z.enum(USER_ACTIONS) }),
]);
export type UserDetailsToHost = z.infer<typeof userDetailsToHost>;
