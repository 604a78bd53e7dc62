import * as z from 'zod/mini';

export const ROLES = ['business', 'registration', 'basic'] as const;

export interface ProjectFormValues {
  name: string;
  baseUrl: string;
  role: (typeof ROLES)[number];
  loginId: string;
  mqttId?: string;
  production: boolean;
  /** Only when the user typed a new one: empty means "keep the stored secret". */
  password?: string;
  apiKey?: string;
}

export interface ProjectFormInitial extends Omit<ProjectFormValues, 'password' | 'apiKey'> {
  hasPassword: boolean;
  hasApiKey: boolean;
  knownHosts: { label: string; url: string }[];
}

export interface SaveError {
  field?: keyof ProjectFormValues;
  message: string;
}

export type EditProjectToView =
  | { type: 'init'; initial: ProjectFormInitial; strings: Record<string, string> }
  | { type: 'result'; error?: SaveError };

const text = (max: number) => z.string().check(z.maxLength(max));
export const editProjectToHost = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('cancel') }),
  z.object({
    type: z.literal('save'),
    skipConnectionTest: z.boolean(),
    values: z.object({
      name: text(200),
      baseUrl: text(2048),
      role: z.enum(ROLES),
      loginId: text(1024),
      mqttId: z.optional(text(256)),
      production: z.boolean(),
      password: z.optional(text(1024)),
      apiKey: z.optional(text(1024)),
    }),
  }),
]);
export type EditProjectToHost = z.infer<typeof editProjectToHost>;
