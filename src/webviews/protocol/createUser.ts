import * as z from 'zod/mini';
import { MAX_LENGTH } from './limits';

// The create-user form's messages. The host parses every ToHost with the schema; the page imports
// only types from here (values it needs live in ./limits, so zod stays out of its bundle).

export type FieldName = 'loginId' | 'password';
export interface FieldError {
  field?: FieldName;
  message: string;
}

/** Every label the page shows: localised by the host, sent in `init`. */
export type CreateUserStrings = Record<
  | 'title' | 'loginId' | 'loginIdHint' | 'password' | 'confirm' | 'generate' | 'show' | 'hide'
  | 'create' | 'creating' | 'cancel' | 'required' | 'mismatch'
  | 'strengthWeak' | 'strengthFair' | 'strengthStrong' | 'strengthNote',
  string
>;

export type CreateUserToView =
  | { type: 'init'; projectName: string; strings: CreateUserStrings }
  | { type: 'result'; requestId: string; error?: FieldError };

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

// Strict objects: a message with keys the protocol does not know is not ours.
export const createUserToHost = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('cancel') }),
  z.strictObject({
    type: z.literal('submit'),
    requestId: text(MAX_LENGTH.requestId),
    loginId: text(MAX_LENGTH.loginId),
    password: text(MAX_LENGTH.secret),
  }),
]);
export type CreateUserToHost = z.infer<typeof createUserToHost>;

/** Handled one at a time (see inboundHandler): the form is busy while it creates, so a second submit is forged. */
export const createUserOneAtATime: readonly CreateUserToHost['type'][] = ['submit'];
