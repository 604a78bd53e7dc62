import * as path from 'node:path';
import type { Services } from '../services';

/**
 * What dist/teams.js exports: the project flows (Add and Edit Project, definitions from settings with their secrets
 * on first use, export, import), the activity history's files and Undo. Types only here: a value import would pull them back into the main bundle, which must stay
 * under its size bar (SPEC section 6).
 */
export type TeamsBundle = typeof import('./teams/index');

/** The teams bundle, loaded on first use; Node caches it after the first call. */
export function loadTeams(s: Services): TeamsBundle {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle of its own, loaded on demand
  return require(path.join(s.context.extensionPath, 'dist', 'teams.js')) as TeamsBundle;
}

/**
 * ClientRegistry's question for a settings project's missing secrets: the prompts load with the teams bundle. After
 * a cancel the project's failed load is dropped (once it has settled), so the next command asks again instead of
 * meeting the cancellation, and the tree offers to sign in.
 */
export const secretsOnFirstUse = (s: Services) => async (project: Parameters<TeamsBundle['askSecretsOnFirstUse']>[1]) => {
  const secrets = await loadTeams(s).askSecretsOnFirstUse(s, project);
  if (!secrets) setTimeout(() => s.users.invalidate(project.id), 0);
  return secrets;
};
