import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { ProjectOrigin } from '../../projects/project';
import { UserCancelled } from '../errors';
import { definitionsInFile, mergeDefinitions, parseDefinitions, settingsProjectId, type MergeChoice, type MergeResult } from '../../projects/settingsProjects';
import { rawDefinitions, scopeLabel, writeDefinitions } from '../../projects/settingsScopes';
import { problemWords } from '../../projects/projectDefinitions';
import { recordProjects } from '../project/projectActivity';

/**
 * Import Project Definitions…: a file as Export writes it (or a bare array), each entry checked with the setting's
 * own schema; an entry holding anything secret-like (password, apiKey, token…) is refused by name. The definitions
 * go into User or Workspace Settings, merged by name (the user decides for each name already there).
 */
export async function importProjectDefinitions(s: Services): Promise<MergeResult & { target: ProjectOrigin }> {
  const uri = await s.prompts.openFile({ title: vscode.l10n.t('Import Project Definitions'), openLabel: vscode.l10n.t('Import'), filters: { JSON: ['json'] } });
  if (!uri) throw new UserCancelled();
  const file = vscode.workspace.asRelativePath(uri);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
  } catch {
    throw new Error(vscode.l10n.t('{0} is not a JSON file.', file));
  }
  const entries = definitionsInFile(json);
  if (!entries) throw new Error(vscode.l10n.t('{0} holds no project definitions: expected {1} or an array of definitions.', file, '{ "mediumOne.projects": [ … ] }'));
  const parsed = parseDefinitions(entries);
  const refusals = parsed.problems.map((p) => vscode.l10n.t('Entry {0}{1}: {2}', p.index + 1, p.name ? ` ("${p.name}")` : '', problemWords(p.problem)));
  if (parsed.definitions.length === 0) {
    throw new Error(refusals.length > 0 ? vscode.l10n.t('Nothing imported from {0}. {1}', file, refusals.join(' ')) : vscode.l10n.t('{0} holds no project definitions.', file));
  }
  if (refusals.length > 0) {
    const others = vscode.l10n.t('Import the Others');
    const choice = await s.prompts.confirm(vscode.l10n.t('{0} of the entries in {1} cannot be imported.', refusals.length, file), refusals.join('\n'), others);
    if (choice !== others) throw new UserCancelled();
  }
  const target = await pickTarget(s);
  const result = await mergeDefinitions(rawDefinitions(target), parsed.definitions.map((d) => d.definition), (name) => askOnClash(s, name, target));
  if (!result) throw new UserCancelled();
  if (result.added.length > 0) await writeDefinitions(target, result.merged);
  recordProjects(s, 'projectAdded', result.added.map((d) => ({ id: settingsProjectId(target, d), name: d.name })), vscode.l10n.t('imported into {0}', scopeLabel(target)));
  s.log.info(`Imported ${result.added.length} project definitions from ${uri.toString(true)} into ${target} settings`);
  const parts = [vscode.l10n.t('Imported {0} project definitions into {1}.', result.added.length, scopeLabel(target))];
  if (result.replaced.length > 0) parts.push(vscode.l10n.t('Replaced: {0}.', result.replaced.join(', ')));
  if (result.skipped.length > 0) parts.push(vscode.l10n.t('Skipped: {0}.', result.skipped.join(', ')));
  if (refusals.length > 0) parts.push(vscode.l10n.t('Not imported: {0}.', refusals.length));
  if (result.added.length > 0) parts.push(vscode.l10n.t('Their passwords and API keys are asked for on first use.'));
  void s.prompts.info(parts.join(' '));
  return { ...result, target };
}

/** Workspace Settings only when a folder is open and trusted (untrusted workspace definitions would not be used). */
async function pickTarget(s: Services): Promise<ProjectOrigin> {
  const options: { label: string; detail: string; origin: ProjectOrigin }[] = [
    { label: scopeLabel('user'), detail: vscode.l10n.t('Yours, in every window.'), origin: 'user' },
  ];
  if (vscode.workspace.workspaceFolders?.length && vscode.workspace.isTrusted) {
    options.push({ label: scopeLabel('workspace'), detail: vscode.l10n.t('This workspace\'s settings, shared with the repository if you commit them.'), origin: 'workspace' });
  }
  const picked = await s.prompts.pick(options, { title: vscode.l10n.t('Import Project Definitions'), placeHolder: vscode.l10n.t('Where should the definitions go?') });
  if (!picked) throw new UserCancelled();
  return picked.origin;
}

async function askOnClash(s: Services, name: string, target: ProjectOrigin): Promise<MergeChoice | undefined> {
  const options: { label: string; choice: MergeChoice }[] = [
    { label: vscode.l10n.t('Replace'), choice: 'replace' },
    { label: vscode.l10n.t('Keep Both'), choice: 'keepBoth' },
    { label: vscode.l10n.t('Skip'), choice: 'skip' },
  ];
  const picked = await s.prompts.pick(options, { title: vscode.l10n.t('Import Project Definitions'), placeHolder: vscode.l10n.t('{0} already defines a project named "{1}".', scopeLabel(target), name) });
  return picked?.choice;
}
