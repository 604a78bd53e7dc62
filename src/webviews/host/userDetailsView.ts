import * as vscode from 'vscode';
import { deviceIdFault, mqttClientId, mqttTopic, mqttUsername, type SnippetFormat as ProvisioningFormat } from '../../provisioning';
import { SNIPPET_FORMATS, type SnippetFormat } from '../protocol/limits';
import type { ConnectionFact, ConnectionView, RecentEventsView, UserDetailsModel, UserDetailsStrings } from '../protocol/userDetails';
import { eventRows, newestTime, relativeTime, formatTime, type EventLike } from './eventRows';
import { deviceIdFaultText } from '../../settingChecks';

// The details page's texts, composed here (in the panels' bundle, with the MQTT facts of src/provisioning) from what
// the command knows: the page gets finished, localised text and never a secret.

/** A format added to src/provisioning but not to the page's protocol (or the reverse) fails to compile here. */
const sameFormats: [SnippetFormat, ProvisioningFormat] extends [ProvisioningFormat, SnippetFormat] ? true : never = true;
void sameFormats;

/** What the command knows about connecting this user as a device (settings and ids; nothing secret). */
export interface DeviceFacts {
  projectMqttId?: string;
  userMqttId?: string;
  stream: string;
  /** How many events Recent Events reads. */
  limit: number;
  deviceId: string;
  /** The broker the snippets use: the Local Sandbox's own (`source: 'sandbox'`), else the mediumOne.mqtt.* settings. */
  mqtt: { host: string; port: number; tls: boolean; source?: 'sandbox' | 'settings' };
  /** The project's account may send events for this user: Send Test Event is offered. */
  canSendEvents: boolean;
}

/** What the command's load() answers: the page's model, with the device facts still raw. */
export interface UserDetailsData extends Omit<UserDetailsModel, 'connection' | 'eventsCaption'> {
  device?: DeviceFacts;
}

/** A read of the user's recent events: what the server sent, or why there is nothing to show. */
export type EventsRead = { stream: string } & ({ events: readonly EventLike[] } | { error: string });

const SNIPPET_LABELS: Record<SnippetFormat, string> = {
  curl: 'cURL',
  python: 'Python requests',
  node: 'Node fetch',
  mosquitto: 'mosquitto_pub',
  paho: 'Python paho-mqtt',
};

export const detailsStrings = (): UserDetailsStrings => ({
  project: vscode.l10n.t('Project'),
  state: vscode.l10n.t('State'),
  mqttId: vscode.l10n.t('MQTT ID'),
  fields: vscode.l10n.t('Fields'),
  userData: vscode.l10n.t('user_data'),
  noUserData: vscode.l10n.t('No user_data.'),
  loading: vscode.l10n.t('Loading…'),
  refresh: vscode.l10n.t('Refresh'),
  enable: vscode.l10n.t('Enable'),
  disable: vscode.l10n.t('Disable'),
  changePassword: vscode.l10n.t('Change Password…'),
  delete: vscode.l10n.t('Delete…'),
  copyLoginId: vscode.l10n.t('Copy Login ID'),
  copyMqttId: vscode.l10n.t('Copy MQTT ID'),
  connection: vscode.l10n.t('Connect a device'),
  copySnippets: vscode.l10n.t('Copy a connection snippet (secrets as placeholders unless you choose otherwise):'),
  sendTestEvent: vscode.l10n.t('Send Test Event…'),
  recentEvents: vscode.l10n.t('Recent events'),
  showRecentEvents: vscode.l10n.t('Show Recent Events'),
  refreshEvents: vscode.l10n.t('Refresh Events'),
  observed: vscode.l10n.t('Observed'),
  received: vscode.l10n.t('Received'),
  data: vscode.l10n.t('Data'),
  showAll: vscode.l10n.t('Show all'),
});

function brokerText({ host, port, tls, source }: DeviceFacts['mqtt']): string {
  if (source === 'sandbox') {
    return tls
      ? vscode.l10n.t('{0}:{1} with TLS (the Local Sandbox\'s broker)', host, String(port))
      : vscode.l10n.t('{0}:{1} without TLS (the Local Sandbox\'s broker)', host, String(port));
  }
  return tls
    ? vscode.l10n.t('{0}:{1} with TLS (settings mediumOne.mqtt.*)', host, String(port))
    : vscode.l10n.t('{0}:{1} without TLS (settings mediumOne.mqtt.*)', host, String(port));
}

function connectionView(d: DeviceFacts): ConnectionView {
  const fact = (label: string, value: string, missing?: boolean): ConnectionFact => ({ label, value, missing });
  const { projectMqttId: p, userMqttId: u } = d;
  const why = !p
    ? vscode.l10n.t('needs the project\'s MQTT ID')
    : vscode.l10n.t('needs the user\'s MQTT ID, which the server has not given yet');
  const fault = deviceIdFault(d.deviceId);
  const deviceProblem = fault && deviceIdFaultText(fault);
  const topic = deviceProblem
    ? fact(vscode.l10n.t('MQTT topic'), vscode.l10n.t('the setting mediumOne.mqtt.deviceId is not a valid topic level: {0}', deviceProblem), true)
    : p && u ? fact(vscode.l10n.t('MQTT topic'), mqttTopic(p, u, d.deviceId)) : fact(vscode.l10n.t('MQTT topic'), why, true);
  const facts = [
    p && u ? fact(vscode.l10n.t('MQTT username'), mqttUsername(p, u)) : fact(vscode.l10n.t('MQTT username'), why, true),
    fact(vscode.l10n.t('MQTT password'), vscode.l10n.t('<API key>/<user password> (never shown here)')),
    p && u ? fact(vscode.l10n.t('MQTT client ID'), mqttClientId(p, u)) : fact(vscode.l10n.t('MQTT client ID'), why, true),
    topic,
    fact(vscode.l10n.t('MQTT broker'), brokerText(d.mqtt)),
    fact(vscode.l10n.t('Events stream'), d.stream),
  ];
  return {
    facts,
    notice: p ? undefined : vscode.l10n.t('This project has no MQTT ID yet: the MQTT snippets ask for it (it is on the project\'s MQTT page in the Medium One portal).'),
    snippets: SNIPPET_FORMATS.map((format) => ({ format, label: SNIPPET_LABELS[format] })),
    sendTestEvent: d.canSendEvents,
  };
}

/** The page's model: the command's data with the connection section and the events caption composed. */
export function detailsModel(data: UserDetailsData): UserDetailsModel {
  const { device, ...model } = data;
  if (!device) return model;
  return {
    ...model,
    connection: connectionView(device),
    eventsCaption: vscode.l10n.t('The last {0} events of stream "{1}", newest first. Read only when you ask.', device.limit, device.stream),
  };
}

/** The Recent Events section for a read, with times in the editor's language. */
export function eventsView(read: EventsRead, now = Date.now()): RecentEventsView {
  if ('error' in read) return { loading: false, rows: [], error: read.error };
  const lang = vscode.env.language;
  if (read.events.length === 0) return { loading: false, rows: [], empty: vscode.l10n.t('No events yet in stream "{0}".', read.stream) };
  const newest = newestTime(read.events);
  const lastSeen = newest
    ? vscode.l10n.t('Last seen: {0} ({1})', formatTime(newest, lang), relativeTime(Date.parse(newest), now, lang))
    : undefined;
  return { loading: false, rows: eventRows(read.events, lang), lastSeen };
}
