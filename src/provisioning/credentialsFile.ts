// The one-time credentials file offered after users are created (issue 11): the only place a generated password
// is ever written, to the file the user picks.
import { mqttPassword, mqttUsername } from './mqtt';
import type { CredentialsFormat, NewCredential } from './types';

type Row = Record<string, string | null>;

/**
 * Columns: login_id, password, mqtt_id, then mqtt_username when the project's MQTT id is known (empty/null for a
 * user whose mqtt_id is not), then mqtt_password ONLY when the API key is given (`<API key>/<password>`).
 */
export function credentialsFile(
  format: CredentialsFormat,
  rows: readonly NewCredential[],
  mqtt: { projectMqttId?: string; apiKey?: string },
): string {
  const { projectMqttId, apiKey } = mqtt;
  const records: Row[] = rows.map((r) => ({
    login_id: r.loginId,
    password: r.password,
    mqtt_id: r.mqttId ?? null,
    ...(projectMqttId ? { mqtt_username: r.mqttId ? mqttUsername(projectMqttId, r.mqttId) : null } : {}),
    ...(apiKey !== undefined ? { mqtt_password: mqttPassword(apiKey, r.password) } : {}),
  }));
  if (format === 'json') return `${JSON.stringify(records, null, 2)}\n`;
  const header = ['login_id', 'password', 'mqtt_id', ...(projectMqttId ? ['mqtt_username'] : []), ...(apiKey !== undefined ? ['mqtt_password'] : [])];
  const lines = [header, ...records.map((r) => header.map((column) => r[column] ?? ''))];
  return lines.map((cells) => cells.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * One RFC 4180 field: quoted (inner quotes doubled) when it holds a comma, a quote, a line break or edge spaces.
 * Formula prefixes (`=`, `+`, `-`, `@`) are deliberately NOT neutralised, unlike the users export: a `'` added in
 * front would change the password the file exists to deliver. The file is for devices, not for a spreadsheet.
 */
function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
