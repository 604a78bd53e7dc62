// Caps and enums shared by the host's schemas and the pages' inputs. This file must stay free of zod:
// a page that imports a value from a schema file would bundle zod (about 12 KB) for nothing.

/** Longest text the host accepts per field; the pages set the same `maxlength`, so a valid form is never dropped. */
export const MAX_LENGTH = {
  requestId: 64,
  loginId: 256,
  secret: 512,
  name: 200,
  baseUrl: 2048,
  mqttId: 256,
} as const;

export const ROLES = ['business', 'registration', 'basic'] as const;
export type Role = (typeof ROLES)[number];

export const USER_ACTIONS = ['refresh', 'enable', 'disable', 'changePassword', 'delete', 'copyLoginId', 'copyMqttId'] as const;
export type UserAction = (typeof USER_ACTIONS)[number];
