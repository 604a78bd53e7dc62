import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { UserNode } from '../../tree/nodes';
import { readSettings } from '../../settings';
import { SNIPPET_FORMATS, connectionSnippet, deviceIdProblem, isMqttFormat, type SnippetFormat } from '../../provisioning';
import { projectMqttId } from './projectMqttId';
import { askForApiKey } from './secrets';

const LABELS: Record<SnippetFormat, string> = {
  curl: 'REST — cURL',
  python: 'REST — Python requests',
  node: 'REST — Node fetch',
  mosquitto: 'MQTT — mosquitto_pub',
  paho: 'MQTT — Python paho-mqtt',
};
/** The untitled editor's language, for "Open in Editor". */
const LANGUAGES: Record<SnippetFormat, string> = { curl: 'shellscript', python: 'python', node: 'javascript', mosquitto: 'shellscript', paho: 'python' };

const isFormat = (f: unknown): f is SnippetFormat => typeof f === 'string' && (SNIPPET_FORMATS as readonly string[]).includes(f);

/**
 * Copy Connection Snippet for one user: a format (unless `format` names one), placeholders or the API key (after a
 * warning), then the snippet on the clipboard with what to set before running it. The password is always a
 * placeholder; a snippet holding the key is never logged.
 */
export async function copyConnectionSnippetFlow(s: Services, user: UserNode, format?: unknown): Promise<string> {
  const { project, entry } = user;
  const chosen = isFormat(format) ? format : await pickFormat(s, entry.loginId);
  const settings = readSettings();
  const mqtt = isMqttFormat(chosen);
  if (mqtt) checkDeviceId(settings.deviceId);
  const apiKey = await askApiKey(s, user, chosen);
  const client = await s.clients.for(project);
  const snippet = connectionSnippet(chosen, {
    baseUrl: client.baseUrl,
    loginId: entry.loginId,
    stream: settings.eventsStream,
    deviceId: settings.deviceId,
    mqtt: settings.mqtt,
    projectMqttId: mqtt ? await projectMqttId(s, project) : undefined,
    userMqttId: mqtt ? entry.mqttId ?? (await userMqttId(s, user)) : undefined,
    apiKey,
  });
  await vscode.env.clipboard.writeText(snippet);
  s.log.info(`Copied a ${chosen} connection snippet for ${entry.loginId} of ${project.name}${apiKey ? ' (with the API key; not logged)' : ''}`);
  const toSet = apiKey ? 'M1_PASSWORD' : 'M1_API_KEY, M1_PASSWORD';
  const open = vscode.l10n.t('Open in Editor');
  void s.prompts.info(vscode.l10n.t('Copied the {0} snippet for "{1}". Set {2} in the environment before running it.', LABELS[chosen], entry.loginId, toSet), open)
    .then(async (choice) => {
      if (choice !== open) return;
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: LANGUAGES[chosen], content: snippet }));
    });
  return snippet;
}

async function pickFormat(s: Services, loginId: string): Promise<SnippetFormat> {
  const picked = await s.prompts.pick(SNIPPET_FORMATS.map((f) => ({
    label: LABELS[f],
    detail: isMqttFormat(f) ? vscode.l10n.t('Connect as the device and publish one event (host and port from settings)') : vscode.l10n.t('Log in as the user, then send one event'),
    format: f,
  })), { title: vscode.l10n.t('Connection snippet for "{0}"', loginId), placeHolder: vscode.l10n.t('Choose a language'), ignoreFocusOut: true });
  if (!picked) throw new vscode.CancellationError();
  return picked.format;
}

/** The API key only after the warning; placeholders (the default) need no secret at all. */
function askApiKey(s: Services, user: UserNode, format: SnippetFormat): Promise<string | undefined> {
  return askForApiKey(s, user.project, {
    title: LABELS[format],
    placeHolder: vscode.l10n.t('Secrets in the snippet'),
    safe: { label: vscode.l10n.t('Use placeholders ($M1_API_KEY, $M1_PASSWORD)'), description: vscode.l10n.t('recommended'), detail: vscode.l10n.t('The snippet reads the API key and the password from environment variables.') },
    withKey: { label: vscode.l10n.t('Include the API key…'), detail: vscode.l10n.t('The password stays a placeholder.') },
    warning: vscode.l10n.t('Put the API key of "{0}" in the snippet?', user.project.name),
    detail: vscode.l10n.t('The API key grants access to the whole project: anyone with the snippet and a password can act as "{0}" or any other user of {1}. The snippet goes to the clipboard; keep it out of repositories, tickets and chats.', user.entry.loginId, user.project.name),
  });
}

function checkDeviceId(deviceId: string): void {
  const problem = deviceIdProblem(deviceId);
  if (problem) {
    throw new Error(vscode.l10n.t('The setting mediumOne.mqtt.deviceId ("{0}") cannot be an MQTT device id: {1} Change it in Settings, then copy the snippet again.', deviceId, problem));
  }
}

/** The user's mqtt_id from the server, for a row that does not know it yet (a login_id-only list). */
async function userMqttId(s: Services, user: UserNode): Promise<string> {
  const client = await s.clients.for(user.project);
  const read = await client.getUser(user.entry.loginId);
  if (!read.mqttId) throw new Error(vscode.l10n.t('The server gave no MQTT id for "{0}", so an MQTT snippet cannot be made. Try a REST format.', user.entry.loginId));
  return read.mqttId;
}
