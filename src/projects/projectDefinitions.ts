import * as vscode from 'vscode';
import type { Project, ProjectOrigin } from './project';
import { definitionToProject, originUsable, parseDefinitions, settingsProjectId, type DefinitionProblem } from './settingsProjects';
import { PROJECTS_SETTING_NAME, rawDefinitions, scopeLabel, writeDefinitions, type SettingsProjects } from './settingsScopes';

/**
 * The projects-from-settings bundle (dist/projectDefinitions.js): the zod schema and what uses it, loaded by
 * SettingsSource only when `mediumOne.projects` holds something, so the main bundle stays under its size bar.
 */

const ORIGINS: ProjectOrigin[] = ['user', 'workspace', 'workspaceFolder'];

/** Every scope's definitions as projects; workspace ones only when trusted. `problems`: one message per bad entry. */
export function readSettingsProjects(raw: Record<ProjectOrigin, unknown[]>, trusted: boolean): SettingsProjects & { problems: string[] } {
  const result: SettingsProjects & { problems: string[] } = { projects: [], ignoredUntrusted: 0, problems: [] };
  for (const origin of ORIGINS) {
    const parsed = parseDefinitions(raw[origin]);
    if (!originUsable(origin, trusted)) {
      result.ignoredUntrusted += parsed.definitions.length;
      continue;
    }
    for (const { definition } of parsed.definitions) result.projects.push(definitionToProject(origin, definition));
    for (const p of parsed.problems) result.problems.push(problemText(origin, p.index, p.name, p.problem));
  }
  return result;
}

/** Removes the project's definition from the scope it came from; false when it is no longer there. */
export async function removeDefinition(project: Project): Promise<boolean> {
  if (!project.origin) return false;
  const origin = project.origin;
  const raw = rawDefinitions(origin);
  const keep = raw.filter((entry) => {
    const one = parseDefinitions([entry]).definitions[0];
    return !one || settingsProjectId(origin, one.definition) !== project.id;
  });
  if (keep.length === raw.length) return false;
  await writeDefinitions(origin, keep);
  return true;
}

/** "mediumOne.projects in User Settings, entry 2 ("Fleet"), is ignored: …" */
export function problemText(origin: ProjectOrigin, index: number, name: string | undefined, problem: DefinitionProblem): string {
  const entry = name ? vscode.l10n.t('entry {0} ("{1}")', index + 1, name) : vscode.l10n.t('entry {0}', index + 1);
  return vscode.l10n.t('{0} in {1}, {2}, is ignored: {3}', PROJECTS_SETTING_NAME, scopeLabel(origin), entry, problemWords(problem));
}

export function problemWords(problem: DefinitionProblem): string {
  switch (problem.kind) {
    case 'notAnObject':
      return vscode.l10n.t('it is not an object with name, server, role and loginId.');
    case 'secretKeys':
      return vscode.l10n.t('it holds {0}; a project definition never holds a secret (the extension asks for them and keeps them in Secret Storage).', problem.keys.join(', '));
    case 'fields':
      return vscode.l10n.t('check {0} (expected name, server, role "business" | "basic" | "registration", loginId, optional mqttId and production).', problem.fields.join(', '));
    case 'server':
      return vscode.l10n.t('server: {0}', problem.detail);
    case 'duplicate':
      return vscode.l10n.t('the same project (name, server and loginId) is defined earlier in this scope.');
  }
}
