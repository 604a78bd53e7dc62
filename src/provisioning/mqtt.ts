// The Medium One MQTT facts (SPEC §7, from the public "MQTT Introduction" and "Topics" documents): how a device
// names itself to the broker and where it publishes.

/** The broker username: `<project MQTT id>/<user MQTT id>`. */
export function mqttUsername(projectMqttId: string, userMqttId: string): string {
  return `${projectMqttId}/${userMqttId}`;
}

/** The broker password: `<API key>/<user password>`. */
export function mqttPassword(apiKey: string, password: string): string {
  return `${apiKey}/${password}`;
}

/** The topic a device publishes its events to: `0/<project MQTT id>/<user MQTT id>/<device id>`. */
export function mqttTopic(projectMqttId: string, userMqttId: string, deviceId: string): string {
  return `0/${projectMqttId}/${userMqttId}/${deviceId}`;
}

/** C0 and C1 control characters and DEL (U+0000 is forbidden in any MQTT string anyway). */
const isControl = (ch: string) => {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code < 0xa0);
};

/** The broker accepts client ids of at most this many characters. */
export const MQTT_CLIENT_ID_MAX = 32;

/** The recommended client id, the username, cut to MQTT_CLIENT_ID_MAX characters (whole code points). */
export function mqttClientId(projectMqttId: string, userMqttId: string): string {
  return Array.from(mqttUsername(projectMqttId, userMqttId)).slice(0, MQTT_CLIENT_ID_MAX).join('');
}

/**
 * Our own bound on a device id. MQTT allows a whole topic of 65,535 bytes; the documents set no limit for the
 * device id, and a setting longer than this is far more likely a paste by mistake than a device's name.
 */
export const DEVICE_ID_MAX = 128;

/** Why a device id cannot be one (see deviceIdFault): a code, which the editor puts into its own language. */
export type DeviceIdFault = 'empty' | 'reserved' | 'control' | 'surrogate' | 'tooLong';

/**
 * Why `deviceId` cannot be a device id, or undefined when it can: it is one MQTT topic level (SPEC §7), so it is
 * not empty and holds no `/` (a level separator), no `+` or `#` (wildcards) and no control character.
 */
export function deviceIdFault(deviceId: string): DeviceIdFault | undefined {
  if (deviceId.length === 0) return 'empty';
  if (/[/+#]/.test(deviceId)) return 'reserved';
  if (Array.from(deviceId).some(isControl)) return 'control';
  if (/[\ud800-\udfff]/.test(deviceId.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))) return 'surrogate';
  if (Array.from(deviceId).length > DEVICE_ID_MAX) return 'tooLong';
  return undefined;
}

const DEVICE_ID_FAULTS: Record<DeviceIdFault, string> = {
  empty: 'The device id is empty.',
  reserved: "The device id must not contain '/', '+' or '#' (they have a meaning in MQTT topics).",
  control: 'The device id must not contain control characters (such as a line break or a tab).',
  surrogate: 'The device id holds a broken character (a lone UTF-16 surrogate).',
  tooLong: `The device id is longer than ${DEVICE_ID_MAX} characters.`,
};

/** deviceIdFault in English words, for callers without a language of their own; undefined when valid. */
export function deviceIdProblem(deviceId: string): string | undefined {
  const fault = deviceIdFault(deviceId);
  return fault && DEVICE_ID_FAULTS[fault];
}
