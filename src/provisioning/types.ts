// The provisioning kit's vocabulary (issue 11): what a connection snippet and a credentials file are made from.
// Knows nothing of VS Code, so the commands, the panels and the tests all build the same text.

export type SnippetFormat = 'curl' | 'python' | 'node' | 'mosquitto' | 'paho';

/** Where devices reach the project's MQTT broker: settings, because the public documents do not fix them (SPEC §7). */
export interface MqttEndpoint {
  host: string;
  port: number;
  tls: boolean;
}

export interface SnippetInput {
  /** The project's API base URL (client.baseUrl form, no trailing slash). */
  baseUrl: string;
  /** The basic user the snippet logs in as (REST) or connects as (MQTT). */
  loginId: string;
  /** The events stream (setting, default 'raw'). */
  stream: string;
  /** The MQTT topic's device id (setting). */
  deviceId: string;
  mqtt: MqttEndpoint;
  /** Needed by the MQTT formats. */
  projectMqttId?: string;
  /** Needed by the MQTT formats. */
  userMqttId?: string;
  /** Only when the user chose to include it after a warning; otherwise the snippet reads M1_API_KEY from the environment. */
  apiKey?: string;
}

export type CredentialsFormat = 'csv' | 'json';

/** A user just created, with the password it was given (held only until the file is written). */
export interface NewCredential {
  loginId: string;
  password: string;
  mqttId?: string;
}
