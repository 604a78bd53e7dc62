import * as z from 'zod/mini';
import { MAX_LENGTH } from './limits';

// The create-user form's messages. The host parses every ToHost with the schema; the page imports
// only types from here (values it needs live in ./limits, so zod stays out of its bundle).
// The password goes to the host once, in `submit`; it never comes back: after a create the page shows the one it
// holds, and Copy and Save Credentials File use the host's copy, kept only while the form is open.

export type FieldName = 'loginId' | 'password';
export interface FieldError {
  field?: FieldName;
  message: string;
}

/** Every label the page shows: localised by the host, sent in `init`. */
export type CreateUserStrings = Record<
  | 'title' | 'loginId' | 'loginIdHint' | 'password' | 'confirm' | 'generate' | 'show' | 'hide'
  | 'create' | 'creating' | 'cancel' | 'required' | 'mismatch'
  | 'strengthWeak' | 'strengthFair' | 'strengthStrong' | 'strengthNote'
  | 'createdTitle' | 'mqttId' | 'passwordOnce' | 'passwordGone' | 'copy' | 'copied'
  | 'saveCredentials' | 'createAnother' | 'close',
  string
>;

/** The user just created, as the "created" state shows it (never its password). */
export interface CreatedUser {
  loginId: string;
  /** The user's MQTT ID, or why it is not known (`mqttIdMissing`). */
  mqttId?: string;
  mqttIdMissing?: string;
  /** What happened, e.g. `User "x" created in P.` or that the server accepted it and will create it shortly. */
  summary: string;
}

export type CreateUserToView =
  | { type: 'init'; projectName: string; strings: CreateUserStrings }
  | { type: 'result'; requestId: string; error?: FieldError }
  /**
   * The create succeeded (`requestId` names the submit), or, without one, the page was reloaded while showing it:
   * the page then no longer holds the password, and says that Copy still works.
   */
  | { type: 'created'; requestId?: string; user: CreatedUser }
  /** What is known of the created user changed (a pending creation landed, with its MQTT ID): update, keep the rest. */
  | { type: 'createdChanged'; user: CreatedUser }
  /** Copy put the password on the clipboard. */
  | { type: 'copied' };

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
  // After a create: each acts on the user the host holds; none carries a secret.
  z.strictObject({ type: z.literal('copyPassword') }),
  z.strictObject({ type: z.literal('saveCredentials') }),
  z.strictObject({ type: z.literal('createAnother') }),
]);
export type CreateUserToHost = z.infer<typeof createUserToHost>;

/**
 * Handled one at a time (see inboundHandler): the form is busy while it creates, so a second submit is forged; the
 * credentials file opens dialogs, so a second Save while they are open is a double click.
 */
export const createUserOneAtATime: readonly CreateUserToHost['type'][] = ['submit', 'saveCredentials'];
