import * as os from 'node:os';
import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { ActivityEntry } from '../../activity/activityEntry';
import { readSettings } from '../../settings';
import { activityToCsv, activityToJson } from './activityFile';

/**
 * Show Activity's Export… (in the panels' bundle, reached through loadPanels()): the entries the page lists, written
 * where the user picks. Cancelling the dialog writes nothing and says nothing. Resolves to the file, if written.
 */
export async function exportActivity(s: Services, entries: readonly ActivityEntry[], format: 'csv' | 'json'): Promise<vscode.Uri | undefined> {
  if (entries.length === 0) throw new Error(vscode.l10n.t('No entry to export: the filters match none.'));
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
  const uri = await s.prompts.saveFile({
    title: vscode.l10n.t('Export the activity history'),
    saveLabel: vscode.l10n.t('Export'),
    defaultUri: vscode.Uri.joinPath(folder, `medium-one-activity.${format}`),
    filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
  });
  if (!uri) return undefined;
  const redact = (text: string) => s.redactor.redact(text);
  const text = format === 'csv' ? activityToCsv(entries, { raw: readSettings().exportRawCsv, redact }) : activityToJson(entries, { redact });
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  s.log.info(`Exported ${entries.length} activity entries to ${uri.toString(true)}`);
  const open = vscode.l10n.t('Open');
  const said = entries.length === 1
    ? vscode.l10n.t('Exported 1 activity entry to {0}.', vscode.workspace.asRelativePath(uri))
    : vscode.l10n.t('Exported {0} activity entries to {1}.', entries.length, vscode.workspace.asRelativePath(uri));
  void s.prompts.info(said, open).then((choice) => (choice === open ? vscode.window.showTextDocument(uri) : undefined));
  return uri;
}
