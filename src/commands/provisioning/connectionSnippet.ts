import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { UserNode } from '../../tree/nodes';
import { readSettings } from '../../settings';
import { mqttEndpointFor } from '../mqttEndpoint';
import { capabilitiesOf } from '../../projects/capabilities';
import { roleLabel } from '../../projects/roleLabels';
import { isMediumOneError } from '../../api/errors';
import { SNIPPET_FORMATS, connectionSnippet, isMqttFormat, type SnippetFormat } from '../../provisioning';
import { checkDeviceId, checkStream } from '../../settingChecks';
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
  // Every snippet names the stream: a setting that cannot be one stops the flow before any question.
  const settings = readSettings();
  const stream = checkStream(settings.eventsStream);
  const chosen = isFormat(format) ? format : await pickFormat(s, entry.loginId);
  const mqtt = isMqttFormat(chosen);
  if (mqtt) checkDeviceId(settings.deviceId);
  const apiKey = await askApiKey(s, user, chosen);
  const client = await s.clients.for(project);
  const snippet = connectionSnippet(chosen, {
    baseUrl: client.baseUrl,
    loginId: entry.loginId,
    stream,
    deviceId: settings.deviceId,
    mqtt: mqttEndpointFor(s, project),
    projectMqttId: mqtt ? await projectMqttId(s, project) : undefined,
    userMqttId: mqtt ? entry.mqttId ?? (await userMqttId(s, user)) : undefined,
    apiKey,
  });
  await vscode.env.clipboard.writeText(snippet);
  s.log.info(`Copied a ${chosen} connection snippet for ${entry.loginId} of ${project.name}${apiKey ? ' (with the API key; not logged)' : ''}`);
  const copied = vscode.l10n.t('Copied the {0} snippet for "{1}". Set {2} in the environment before running it.', LABELS[chosen], entry.loginId, apiKey ? 'M1_PASSWORD' : 'M1_API_KEY, M1_PASSWORD');
  // A snippet holding the key stays on the clipboard only: an untitled editor is backed up to disk by VS Code
  // (hot exit) until it is closed, a file the user never picked.
  if (apiKey) {
    void s.prompts.info(copied);
    return snippet;
  }
  const open = vscode.l10n.t('Open in Editor');
  void s.prompts.info(copied, open).then(async (choice) => {
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

/**
 * The user's mqtt_id from the server, for a row that does not know it yet (a login_id-only list, a 202 creation).
 * Where the project's account may not read this user (Registration; Basic for another user), no call is made: the
 * server's refusal would say less than this.
 */
async function userMqttId(s: Services, user: UserNode): Promise<string> {
  const { project, entry } = user;
  const read = capabilitiesOf(project.role).read;
  if (read === 'none' || (read === 'self' && entry.loginId !== project.loginId)) {
    throw new Error(vscode.l10n.t('The MQTT id of "{0}" is not known, and the {1} account of {2} may not read users to learn it. Use a REST format, or copy the MQTT snippet from a project with a Business account.', entry.loginId, roleLabel(project.role), project.name));
  }
  const client = await s.clients.for(project);
  const got = await client.getUser(entry.loginId).catch((e: unknown) => {
    // A 202 creation the server has not made yet has no mqtt_id to give (SPEC section 2): say that, not "no such user".
    if (entry.state === 'pending' && isMediumOneError(e, 'notFound')) {
      throw new Error(vscode.l10n.t('"{0}" is still being created (the server accepted it with 202), so it has no MQTT id yet. Try again once it shows as created, or use a REST format.', entry.loginId));
    }
    throw e;
  });
  if (!got.mqttId) throw new Error(vscode.l10n.t('The server gave no MQTT id for "{0}", so an MQTT snippet cannot be made. Try a REST format.', entry.loginId));
  return got.mqttId;
}
