import * as z from 'zod/mini';
import type { BasicUser, UserSummary } from './types';

// Every response body goes through one of these. Objects are loose: fields the documents do not name are kept
// (the details view shows them), and optional fields tolerate null because servers write either.

const userData = z.nullable(z.record(z.string(), z.unknown()));

const userFields = {
  disabled: z.optional(z.nullable(z.boolean())),
  mqtt_id: z.optional(z.nullable(z.union([z.string(), z.number()]))),
  user_data: z.optional(userData),
};

/** GET /v2/users/<login_id>: {"disabled":false,"login_id":"...","user_data":{},"mqtt_id":"..."}. */
export const userSchema = z.looseObject({ login_id: z.optional(z.string()), ...userFields });

/** GET /v2/users: the public documents do not fix the shape, so login_id strings or user objects. */
export const userListSchema = z.array(z.union([z.string(), z.looseObject({ login_id: z.string(), ...userFields })]));

/** POST /v2/login: `true`. */
export const loginResponseSchema = z.boolean();

/** POST /v2/users/: {"login_id": "..."} on 200; anything (or nothing) on 202. */
export const createResponseSchema = z.union([
  z.looseObject({ login_id: z.optional(z.string()) }),
  z.string(),
  z.boolean(),
  z.null(),
]);

/** PATCH: "the fields that were updated", shown as `"password"`; an array or an object is accepted too. */
export const updateResponseSchema = z.union([
  z.array(z.string()),
  z.string(),
  z.looseObject({ updated: z.optional(z.array(z.string())), fields: z.optional(z.array(z.string())) }),
  z.null(),
]);

type UserBody = z.infer<typeof userSchema>;

/** A GET body as a BasicUser; `requestedLoginId` stands in if the server leaves login_id out. */
export function userFromBody(body: UserBody, requestedLoginId: string): BasicUser {
  const mqtt = body.mqtt_id;
  const user: BasicUser = {
    loginId: body.login_id ?? requestedLoginId,
    disabled: body.disabled ?? false,
    userData: body.user_data ?? {},
    raw: { ...body },
  };
  if (mqtt !== undefined && mqtt !== null) user.mqttId = String(mqtt);
  return user;
}

export function summaryFromEntry(entry: z.infer<typeof userListSchema>[number]): UserSummary {
  if (typeof entry === 'string') return { loginId: entry };
  const summary: UserSummary = { loginId: entry.login_id };
  if (typeof entry.disabled === 'boolean') summary.disabled = entry.disabled;
  if (entry.mqtt_id !== undefined && entry.mqtt_id !== null) summary.mqttId = String(entry.mqtt_id);
  if (entry.user_data) summary.userData = entry.user_data;
  return summary;
}

/** The updated field names, whatever shape the server chose; `sent` is used when the body says nothing. */
export function updatedFields(body: z.infer<typeof updateResponseSchema>, sent: readonly string[]): string[] {
  if (body === null) return [...sent];
  if (typeof body === 'string') return [body];
  if (Array.isArray(body)) return body;
  const listed = body.updated ?? body.fields;
  if (listed) return listed;
  const keys = Object.keys(body);
  return keys.length ? keys : [...sent];
}
