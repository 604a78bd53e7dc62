// Caps and enums shared by the host's schemas and the pages' inputs. This file must stay free of zod:
// a page that imports a value from a schema file would bundle zod (about 12 KB) for nothing.
// The facts about users and roles belong to the domain; the protocol only re-exports them for the pages.
import { USER_LIMITS } from '../../users/limits';

export { ROLES, type Role } from '../../projects/capabilities';

/** Longest text the host accepts per field; the pages set the same `maxlength`, so a valid form is never dropped. */
export const MAX_LENGTH = {
  requestId: 64,
  loginId: USER_LIMITS.loginId,
  secret: USER_LIMITS.password,
  name: 200,
  baseUrl: 2048,
  mqttId: USER_LIMITS.mqttId,
} as const;

export const USER_ACTIONS = ['refresh', 'enable', 'disable', 'changePassword', 'delete', 'copyLoginId', 'copyMqttId'] as const;
export type UserAction = (typeof USER_ACTIONS)[number];

/**
 * The connection snippets the details page offers (src/provisioning's SnippetFormat: the panels' host checks at
 * compile time that the two lists hold the same names). Here because a page may import values only from this file.
 */
export const SNIPPET_FORMATS = ['curl', 'python', 'node', 'mosquitto', 'paho'] as const;
export type SnippetFormat = (typeof SNIPPET_FORMATS)[number];
