import * as z from 'zod/mini';
import { MAX_LENGTH, ROLES, type Role } from './limits';
import type { Project } from '../../projects/project';

// The project form's messages. The host parses every ToHost with the schema; the page imports types only.
// Secrets flow one way: the page learns only whether each is stored, and sends one only when typed.

/** The project's own editable fields, plus each secret only when the user typed a new one (absent = keep it). */
export type ProjectFormValues = Pick<Project, 'name' | 'baseUrl' | 'role' | 'loginId' | 'mqttId' | 'production'> & {
  password?: string;
  apiKey?: string;
};

export interface ProjectFormInitial extends Omit<ProjectFormValues, 'password' | 'apiKey'> {
  hasPassword: boolean;
  hasApiKey: boolean;
  knownHosts: { label: string; url: string }[];
}

export interface SaveError {
  field?: keyof ProjectFormValues;
  message: string;
}

export type EditProjectStrings = Record<
  | 'heading' | 'name' | 'server' | 'custom' | 'baseUrl' | 'baseUrlHint' | 'badUrl' | 'role' | Role
  | 'loginId' | 'password' | 'apiKey' | 'stored' | 'mqttId' | 'production'
  | 'save' | 'testing' | 'saving' | 'saveAnyway' | 'cancel' | 'required',
  string
>;

export type EditProjectToView =
  | { type: 'init'; initial: ProjectFormInitial; strings: EditProjectStrings }
  | { type: 'result'; error?: SaveError };

const text = (max: number) => z.string().check(z.maxLength(max));
const secret = z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_LENGTH.secret)));

export const editProjectToHost = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('cancel') }),
  z.strictObject({
    type: z.literal('save'),
    skipConnectionTest: z.boolean(),
    values: z.strictObject({
      name: text(MAX_LENGTH.name),
      baseUrl: text(MAX_LENGTH.baseUrl),
      role: z.enum(ROLES),
      loginId: text(MAX_LENGTH.loginId),
      mqttId: z.optional(text(MAX_LENGTH.mqttId)),
      production: z.boolean(),
      password: secret,
      apiKey: secret,
    }),
  }),
]);
export type EditProjectToHost = z.infer<typeof editProjectToHost>;

/** Handled one at a time (see inboundHandler): the form is busy while it saves, so a second save is forged. */
export const editProjectOneAtATime: readonly EditProjectToHost['type'][] = ['save'];
