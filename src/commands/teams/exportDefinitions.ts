import * as os from 'node:os';
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { UserCancelled } from '../errors';
import { projectToDefinition } from '../../projects/settingsProjects';
import { scopeLabel } from '../../projects/settingsScopes';
import { hostOf } from '../../projects/project';

/**
 * Export Project Definitions…: the chosen projects (never the Local Sandbox) as `{ "mediumOne.projects": [ … ] }`,
 * exactly the setting's fields, ready to commit or to paste into settings.json. No password or API key is read.
 */
export async function exportProjectDefinitions(s: Services): Promise<vscode.Uri> {
  const projects = s.projects.list().filter((p) => !p.sandbox);
  if (projects.length === 0) throw new Error(vscode.l10n.t('There is no project to export. The Local Sandbox is not exported: every machine starts its own.'));
  const picked = await s.prompts.pickMany(
    projects.map((p) => ({ label: p.name, description: p.origin ? `${hostOf(p.baseUrl)} · ${scopeLabel(p.origin)}` : hostOf(p.baseUrl), picked: true, project: p })),
    { title: vscode.l10n.t('Export Project Definitions'), placeHolder: vscode.l10n.t('Projects to export (no password or API key is written)') },
  );
  if (!picked || picked.length === 0) throw new UserCancelled();
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
  const uri = await s.prompts.saveFile({
    title: vscode.l10n.t('Export Project Definitions'),
    saveLabel: vscode.l10n.t('Export'),
    defaultUri: vscode.Uri.joinPath(folder, 'medium-one-projects.json'),
    filters: { JSON: ['json'] },
  });
  if (!uri) throw new UserCancelled();
  // In the tree's order, whatever order the picker hands them back in.
  const chosen = new Set(picked.map((p) => p.project.id));
  const definitions = projects.filter((p) => chosen.has(p.id)).map(projectToDefinition);
  // The redactor sees the text too: a name that happens to equal a known secret never reaches the file.
  const text = s.redactor.redact(`${JSON.stringify({ 'mediumOne.projects': definitions }, null, 2)}\n`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  s.log.info(`Exported ${definitions.length} project definitions to ${uri.toString(true)}`);
  void s.prompts.info(vscode.l10n.t('Exported {0} project definitions to {1}. The file holds no password or API key.', definitions.length, vscode.workspace.asRelativePath(uri)));
  return uri;
}
