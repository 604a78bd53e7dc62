// The device provisioning kit (issue 11): connection snippets and the one-time credentials file. The entry of
// the on-demand bundle dist/provisioning.js (also imported by the panels' bundle), so it knows nothing of VS Code.
import { mosquittoSnippet, pahoSnippet } from './mqttSnippets';
import { curlSnippet, nodeFetchSnippet, pythonRequestsSnippet } from './restSnippets';
import type { SnippetFormat, SnippetInput } from './types';

export type { DeviceIdFault } from './mqtt';
export type { CredentialsFormat, MqttEndpoint, NewCredential, SnippetFormat, SnippetInput } from './types';
export { credentialsFile } from './credentialsFile';
export { deviceIdFault, deviceIdProblem, mqttClientId, mqttPassword, mqttTopic, mqttUsername, DEVICE_ID_MAX, MQTT_CLIENT_ID_MAX } from './mqtt';
export { TEST_EVENT_JSON } from './restSnippets';

const BUILDERS: Readonly<Record<SnippetFormat, (input: SnippetInput) => string>> = {
  curl: curlSnippet,
  python: pythonRequestsSnippet,
  node: nodeFetchSnippet,
  mosquitto: mosquittoSnippet,
  paho: pahoSnippet,
};

/** Every format, in the order the quick pick shows them: REST first, then MQTT. */
export const SNIPPET_FORMATS: readonly SnippetFormat[] = Object.freeze(['curl', 'python', 'node', 'mosquitto', 'paho']);

export function isMqttFormat(format: SnippetFormat): boolean {
  return format === 'mosquitto' || format === 'paho';
}

/**
 * A complete, runnable program (or shell script) that connects as `input.loginId` and sends one test event.
 * The user's password is always the M1_PASSWORD environment variable; the API key is M1_API_KEY unless
 * `input.apiKey` is given. Throws an Error when an MQTT format lacks either MQTT id, or when the login_id or
 * stream cannot go into a URL (empty, `.`, `..`, a lone surrogate).
 */
export function connectionSnippet(format: SnippetFormat, input: SnippetInput): string {
  const build = Object.prototype.hasOwnProperty.call(BUILDERS, format) ? BUILDERS[format] : undefined;
  if (!build) throw new Error(`Unknown snippet format "${String(format)}".`);
  return build(input);
}

export type Provisioning = typeof import('./index');
