import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import { parseBaseUrl } from '../api/url';
import { describeError } from '../util/errorText';
import { KNOWN_HOSTS, type Project, type ProjectOrigin } from './project';

/**
 * Project definitions from the `mediumOne.projects` setting (and from an imported definitions file): parsing,
 * validation, stable ids and the workspace-trust rule. No VS Code here: unit tests cover it all.
 */

/** The setting's fields, exactly: the JSON schema in package.json says the same (additionalProperties false). */
export const projectDefinitionSchema = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  server: z.string().check(z.trim(), z.minLength(1), z.maxLength(2048)),
  role: z.enum(['business', 'basic', 'registration']),
  loginId: z.string().check(z.trim(), z.minLength(1), z.maxLength(256)),
  mqttId: z.optional(z.string().check(z.trim(), z.maxLength(256))),
  production: z.optional(z.boolean()),
});

export type ProjectDefinition = z.infer<typeof projectDefinitionSchema>;

/** Keys that look like a secret: a definitions file or setting holding one is refused, whatever its value. */
const SECRET_KEY = /pass(word)?|api[-_ ]?key|secret|token|credential|auth/i;

/** What is wrong with one entry, in words the caller wraps (with the scope and entry) into its message. */
export type DefinitionProblem =
  | { kind: 'notAnObject' }
  | { kind: 'secretKeys'; keys: string[] }
  | { kind: 'fields'; fields: string[] }
  | { kind: 'server'; detail: string }
  | { kind: 'duplicate' };

export interface ParsedDefinitions {
  definitions: { index: number; definition: ProjectDefinition }[];
  problems: { index: number; name?: string; problem: DefinitionProblem }[];
}

/** Keys of an entry that look like secrets (never their values: those are not repeated anywhere). */
export function secretKeysOf(entry: unknown): string[] {
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return [];
  return Object.keys(entry).filter((k) => SECRET_KEY.test(k));
}

/** The base URL a definition's server means: a KNOWN_HOSTS id, or an https URL (http only on loopback). Throws. */
export function serverUrl(server: string): string {
  const known = KNOWN_HOSTS.find((h) => h.id === server.trim());
  if (known) return known.url;
  const parsed = parseBaseUrl(server);
  return parsed.origin + parsed.prefix;
}

/** Validates every entry; a bad one is reported (by index and name when it has one) and skipped, never thrown. */
export function parseDefinitions(raw: unknown): ParsedDefinitions {
  const out: ParsedDefinitions = { definitions: [], problems: [] };
  if (raw === undefined || raw === null) return out;
  const entries: unknown[] = Array.isArray(raw) ? raw : [raw];
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const name = entryName(entry);
    const fail = (problem: DefinitionProblem) => out.problems.push({ index, name, problem });
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return fail({ kind: 'notAnObject' });
    const secrets = secretKeysOf(entry);
    if (secrets.length > 0) return fail({ kind: 'secretKeys', keys: secrets });
    const result = projectDefinitionSchema.safeParse(entry);
    if (!result.success) {
      const fields = [...new Set(result.error.issues.flatMap((i) => (i.code === 'unrecognized_keys' ? i.keys : [String(i.path[0] ?? '?')])))];
      return fail({ kind: 'fields', fields });
    }
    try {
      serverUrl(result.data.server);
    } catch (e) {
      return fail({ kind: 'server', detail: describeError(e) });
    }
    const key = identity(result.data);
    if (seen.has(key)) return fail({ kind: 'duplicate' });
    seen.add(key);
    out.definitions.push({ index, definition: result.data });
  });
  return out;
}

function entryName(entry: unknown): string | undefined {
  const name = entry && typeof entry === 'object' ? (entry as { name?: unknown }).name : undefined;
  return typeof name === 'string' && name.trim() ? name.trim().slice(0, 80) : undefined;
}

const identity = (d: ProjectDefinition) => JSON.stringify([d.name, serverUrl(d.server), d.loginId]);

/**
 * `settings-<hash of origin|name|server|loginId>`: the same definition gets the same id after a restart, so its
 * secrets in SecretStorage are found again; a definition that points elsewhere gets another id (and is asked again).
 */
export function settingsProjectId(origin: ProjectOrigin, d: ProjectDefinition): string {
  const hash = createHash('sha256').update(JSON.stringify([origin, d.name, serverUrl(d.server), d.loginId])).digest('hex');
  return `settings-${hash.slice(0, 16)}`;
}

export function definitionToProject(origin: ProjectOrigin, d: ProjectDefinition): Project {
  return {
    id: settingsProjectId(origin, d),
    name: d.name,
    baseUrl: serverUrl(d.server),
    role: d.role,
    loginId: d.loginId,
    mqttId: d.mqttId || undefined,
    production: d.production ?? false,
    origin,
  };
}

/** A project as a definition: exactly the setting's fields, a KNOWN_HOSTS id for a known server. Never a secret. */
export function projectToDefinition(p: Pick<Project, 'name' | 'baseUrl' | 'role' | 'loginId' | 'mqttId' | 'production'>): ProjectDefinition {
  const known = KNOWN_HOSTS.find((h) => h.url === p.baseUrl);
  const d: ProjectDefinition = { name: p.name, server: known?.id ?? p.baseUrl, role: p.role, loginId: p.loginId };
  if (p.mqttId) d.mqttId = p.mqttId;
  if (p.production) d.production = true;
  return d;
}

/** The workspace-trust rule: user definitions always count; workspace and folder ones only in a trusted workspace. */
export function originUsable(origin: ProjectOrigin, trusted: boolean): boolean {
  return origin === 'user' || trusted;
}

/** The definitions files hold: `{ "mediumOne.projects": [ … ] }` or a bare array. Undefined when it is neither. */
export function definitionsInFile(json: unknown): unknown[] | undefined {
  if (Array.isArray(json)) return json as unknown[];
  if (json && typeof json === 'object') {
    const list = (json as Record<string, unknown>)['mediumOne.projects'];
    if (Array.isArray(list)) return list as unknown[];
  }
  return undefined;
}

/** How an imported definition meets the existing ones: by name (case-insensitive, as the tree shows them). */
export type MergeChoice = 'replace' | 'keepBoth' | 'skip';

export interface MergeResult {
  merged: unknown[];
  added: ProjectDefinition[];
  replaced: string[];
  skipped: string[];
}

/**
 * Adds `incoming` to `existing` (the target scope's raw setting value, kept as is, bad entries included). A name
 * already there is resolved by `choose`; "keep both" gives the newcomer a free name "<name> (2)".
 */
export async function mergeDefinitions(existing: readonly unknown[], incoming: readonly ProjectDefinition[], choose: (name: string) => Promise<MergeChoice | undefined>): Promise<MergeResult | undefined> {
  const merged = [...existing];
  const added: ProjectDefinition[] = [];
  const replaced: string[] = [];
  const skipped: string[] = [];
  const nameAt = (i: number) => entryName(merged[i])?.toLowerCase();
  for (const d of incoming) {
    const at = merged.findIndex((_, i) => nameAt(i) === d.name.toLowerCase());
    if (at < 0) {
      merged.push(d);
      added.push(d);
      continue;
    }
    const choice = await choose(d.name);
    if (choice === undefined) return undefined;
    if (choice === 'skip') skipped.push(d.name);
    else if (choice === 'replace') {
      merged[at] = d;
      replaced.push(d.name);
      added.push(d);
    } else {
      const taken = new Set(merged.map((_, i) => nameAt(i)));
      let n = 2;
      while (taken.has(`${d.name} (${n})`.toLowerCase())) n++;
      const renamed = { ...d, name: `${d.name} (${n})` };
      merged.push(renamed);
      added.push(renamed);
    }
  }
  return { merged, added, replaced, skipped };
}
