import * as os from 'node:os';
import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { Project } from '../../projects/project';
import { capabilitiesOf } from '../../projects/capabilities';
import { credentialsFile, type CredentialsFormat, type NewCredential } from '../../provisioning';
import { runPool } from '../../util/concurrency';
import { withCancellableProgress } from '../../ui/progress';
import { projectMqttId } from './projectMqttId';
import { askForApiKey } from './secrets';

/** Reads of missing mqtt_ids at once: a handful, so a large import's file does not crowd the server. */
const READS_AT_ONCE = 4;

/**
 * "Save Credentials File…" for users just created (the create form, Import Users): CSV or JSON, with the MQTT
 * password (which holds the project's API key) only after a warning, written only to the file the user picks.
 * The rows are never stored, logged or shown. Backing out of any question ends it quietly (no error to show);
 * `modal` first asks in a modal dialog whether to save at all (for callers that offer it unprompted).
 */
export async function offerCredentialsFile(s: Services, project: Project, rows: readonly NewCredential[], options: { modal?: boolean } = {}): Promise<void> {
  if (rows.length === 0) return;
  try {
    await saveCredentials(s, project, rows, options.modal === true);
  } catch (e) {
    if (!(e instanceof vscode.CancellationError)) throw e;
  }
}

async function saveCredentials(s: Services, project: Project, rows: readonly NewCredential[], modal: boolean): Promise<void> {
  const count = rows.length;
  if (modal) {
    const save = vscode.l10n.t('Save Credentials File…');
    const answer = await s.prompts.confirm(
      count === 1 ? vscode.l10n.t('Save the credentials of "{0}" to a file?', rows[0].loginId) : vscode.l10n.t('Save the credentials of {0} new users to a file?', count),
      vscode.l10n.t('This is the only time their passwords are available: the extension does not keep them.'), save);
    if (answer !== save) throw new vscode.CancellationError();
  }
  const title = vscode.l10n.t('Save Credentials File ({0} users of {1})', count, project.name);
  const format = await s.prompts.pick<vscode.QuickPickItem & { format: CredentialsFormat }>([
    { label: 'CSV', description: 'login_id, password, mqtt_id, mqtt_username', format: 'csv' },
    { label: 'JSON', description: vscode.l10n.t('the same fields, one object per user'), format: 'json' },
  ], { title, placeHolder: vscode.l10n.t('Save the credentials as'), ignoreFocusOut: true });
  if (!format) throw new vscode.CancellationError();
  const apiKey = await askIncludeApiKey(s, project, title);
  // The MQTT password is `<API key>/<password>`, useful only with the username, which needs the project's MQTT id.
  const mqttId = apiKey !== undefined ? await projectMqttId(s, project) : (s.projects.get(project.id) ?? project).mqttId;
  const complete = await withMqttIds(s, project, rows);
  const uri = await s.prompts.saveFile({
    title,
    saveLabel: vscode.l10n.t('Save'),
    // The home folder, not the workspace: a file of passwords offered inside a repository is one commit from leaking.
    defaultUri: vscode.Uri.joinPath(vscode.Uri.file(os.homedir()), `credentials.${format.format}`),
    filters: format.format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
  });
  if (!uri) throw new vscode.CancellationError();
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(credentialsFile(format.format, complete, { projectMqttId: mqttId, apiKey })));
  // Where, and how many: never a row.
  s.log.info(`Saved the credentials of ${count} users of ${project.name} to ${uri.toString(true)}${apiKey !== undefined ? ' (with MQTT passwords)' : ''}`);
  const saved = vscode.l10n.t('Saved credentials of {0} users to {1}. Keep it safe: it holds their passwords.', count, vscode.workspace.asRelativePath(uri));
  // An empty mqtt_id column is said, not left to be found on the device: a 202 creation has none yet.
  const noMqttId = complete.filter((r) => !r.mqttId).length;
  void s.prompts.info(noMqttId === 0 ? saved : `${saved} ${vscode.l10n.t('{0} of them have no MQTT ID in it yet (not created yet, or not readable): their details page shows it once the server has it.', noMqttId)}`);
}

/** The project's API key when the user chose the MQTT password after the warning; undefined without it. */
function askIncludeApiKey(s: Services, project: Project, title: string): Promise<string | undefined> {
  return askForApiKey(s, project, {
    title,
    placeHolder: vscode.l10n.t('Include each user\'s MQTT password?'),
    safe: { label: vscode.l10n.t('Without the MQTT password'), description: vscode.l10n.t('recommended'), detail: vscode.l10n.t('Devices combine the API key and their password themselves.') },
    withKey: { label: vscode.l10n.t('With the MQTT password (includes the project\'s API key)…'), detail: vscode.l10n.t('mqtt_password is <API key>/<password>: the file then holds the key to the whole project.') },
    warning: vscode.l10n.t('Write the API key of "{0}" into the credentials file?', project.name),
    detail: vscode.l10n.t('The API key grants access to the whole project: anyone with this file can sign in to {0} as any of these users, and with any user\'s password as that user. Keep the file out of repositories, tickets and chats.', project.name),
  });
}

/**
 * Rows missing an mqtt_id get it from what the tree already holds, else from a read of the user where the role may
 * read it. A read that fails (a 202 user not created yet) leaves the column empty: the file is still worth saving.
 */
async function withMqttIds(s: Services, project: Project, rows: readonly NewCredential[]): Promise<NewCredential[]> {
  const load = s.users.get(project.id);
  const known = new Map(load?.status === 'loaded' ? load.users.filter((e) => e.mqttId).map((e) => [e.loginId, e.mqttId]) : []);
  const filled = rows.map((r) => (r.mqttId || !known.has(r.loginId) ? { ...r } : { ...r, mqttId: known.get(r.loginId) }));
  const read = capabilitiesOf(project.role).read;
  const missing = filled.filter((r) => !r.mqttId && (read === 'any' || (read === 'self' && r.loginId === project.loginId)));
  if (missing.length === 0) return filled;
  const client = await s.clients.for(project);
  await withCancellableProgress(vscode.l10n.t('Reading the MQTT ids of {0} users…', missing.length), async (progress, signal) => {
    await runPool(missing.length, READS_AT_ONCE, async (i) => {
      try {
        missing[i].mqttId = (await client.getUser(missing[i].loginId, { signal })).mqttId;
      } catch {
        // Left empty (see above); the file says nothing wrong, just less.
      }
      progress.report({ increment: 100 / missing.length });
    }, signal);
    if (signal.aborted) throw new vscode.CancellationError();
  });
  return filled;
}
