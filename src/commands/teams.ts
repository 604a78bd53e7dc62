import * as path from 'node:path';
import type { Services } from '../services';

/**
 * What dist/teams.js exports: the flows for project definitions from settings (secrets on first use, export,
 * import, editing). Types only here: a value import would pull them back into the main bundle, which must stay
 * under its size bar (SPEC section 6).
 */
export type TeamsBundle = typeof import('./teams/index');

/** The teams bundle, loaded on first use; Node caches it after the first call. */
export function loadTeams(s: Services): TeamsBundle {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle of its own, loaded on demand
  return require(path.join(s.context.extensionPath, 'dist', 'teams.js')) as TeamsBundle;
}

/** ClientRegistry's question for a settings project's missing secrets: the prompts load with the teams bundle. */
export const secretsOnFirstUse = (s: Services) => (project: Parameters<TeamsBundle['askSecretsOnFirstUse']>[1]) => loadTeams(s).askSecretsOnFirstUse(s, project);
