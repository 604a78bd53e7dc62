import * as os from 'node:os';
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { isActive, matches, matchesText } from '../../users/userFilter';
import { describeFilter } from '../../tree/filterText';
import type { ExportFormat } from '../../users/exportUsers';
import { loadFileFormats } from '../project/fileFormats';
import { UserCancelled } from '../errors';
import type { Project } from '../../projects/project';
import { readSettings } from '../../settings';
import { settleStates } from '../settleStates';

/**
 * Writes a project's users, as the view lists them (its filter applies), to a CSV or JSON file. No password is
 * ever in it: the extension holds none for a user and the server returns none.
 */
export async function exportUsersFlow(s: Services, project: Project): Promise<vscode.Uri> {
  const load = await s.users.ensureLoaded(project);
  if (load.status === 'error') throw load.error;
  if (load.status !== 'loaded') throw new UserCancelled();
  const filter = s.tree.getFilter();
  // A state filter needs the states of the users it judges: read those first (into the tree too).
  if (filter.states?.length) await settleStates(s, project, load.users.filter((u) => matchesText(filter, u)));
  const listed = load.users.filter((u) => matches(filter, u));
  const filterNote = isActive(filter) ? ` (${describeFilter(filter)})` : '';
  if (listed.length === 0) throw new Error(vscode.l10n.t('"{0}" lists no user to export{1}.', project.name, filterNote));

  const choices: (vscode.QuickPickItem & { format: ExportFormat })[] = [
    { label: 'CSV', description: 'login_id, state, disabled, mqtt_id, user_data', format: 'csv' },
    { label: 'JSON', description: vscode.l10n.t('the API\'s field names, user_data as an object'), format: 'json' },
  ];
  const placeHolder = listed.length === 1
    ? vscode.l10n.t('Export 1 user of "{0}"{1} as', project.name, filterNote)
    : vscode.l10n.t('Export {0} users of "{1}"{2} as', listed.length, project.name, filterNote);
  const picked = await s.prompts.pick(choices, { placeHolder });
  if (!picked) throw new UserCancelled();
  const uri = await s.prompts.saveFile({
    title: vscode.l10n.t('Export the users of {0}', project.name),
    saveLabel: vscode.l10n.t('Export'),
    defaultUri: vscode.Uri.joinPath(defaultFolder(), `${fileSafe(project.name)}-users.${picked.format}`),
    filters: picked.format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
  });
  if (!uri) throw new UserCancelled();

  const users = await settleStates(s, project, listed);
  const formats = loadFileFormats(s);
  // Formula prefixes neutralised unless mediumOne.export.rawCsv; every value passes the redactor on its way to disk.
  const redact = (text: string) => s.redactor.redact(text);
  const text = picked.format === 'csv'
    ? formats.usersToCsv(users, { raw: readSettings().exportRawCsv, redact })
    : formats.usersToJson(project.name, users, new Date(), { redact });
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  s.log.info(`Exported ${users.length} users of ${project.name} to ${uri.toString(true)}`);
  const open = vscode.l10n.t('Open');
  void s.prompts.info(vscode.l10n.t('Exported {0} users of {1} to {2}.', users.length, project.name, vscode.workspace.asRelativePath(uri)), open)
    .then((choice) => (choice === open ? vscode.window.showTextDocument(uri) : undefined));
  return uri;
}

const defaultFolder = () => vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
/** A project name as a file name: the characters file systems refuse become '-'. */
const fileSafe = (name: string) => name.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '') || 'project';
