import * as z from 'zod/mini';

// The create-user form's messages. Imported by the host (which parses ToHost with the schema) and,
// as types only, by the page.

export type FieldName = 'loginId' | 'password';
export interface FieldError {
  field?: FieldName;
  message: string;
}

export type CreateUserToView =
  | { type: 'init'; projectName: string; strings: Record<string, string> }
  | { type: 'result'; requestId: string; error?: FieldError };

const MAX = 1024;
export const createUserToHost = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('cancel') }),
  z.object({
    type: z.literal('submit'),
    requestId: z.string().check(z.minLength(1), z.maxLength(64)),
    loginId: z.string().check(z.minLength(1), z.maxLength(MAX)),
    password: z.string().check(z.minLength(1), z.maxLength(MAX)),
  }),
]);
export type CreateUserToHost = z.infer<typeof createUserToHost>;
