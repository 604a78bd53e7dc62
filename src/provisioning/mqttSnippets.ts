// MQTT connection snippets (SPEC §7): username `<project MQTT id>/<user MQTT id>`, password `<API key>/<user
// password>`, client id the username (at most 32 characters), one JSON event published to
// `0/<project MQTT id>/<user MQTT id>/<device id>`. Host, port and TLS are settings: no public document fixes them.
import { mqttClientId, mqttTopic, mqttUsername } from './mqtt';
import { jsonString, pyString, shQuote } from './quote';
import { pythonApiKeyLines, SHELL_PASSWORD_HINT, shellSecretLines } from './secrets';
import type { SnippetFormat, SnippetInput } from './types';

const SETTINGS_NOTE = 'Host and port come from the mediumOne.mqtt settings: check them against your project\'s MQTT page.';

interface MqttParts {
  username: string;
  clientId: string;
  topic: string;
  /** The payload as JSON text: the test event, with the stream when it is not the default `raw`. */
  payload: string;
}

function mqttParts(format: SnippetFormat, input: SnippetInput): MqttParts {
  const { projectMqttId, userMqttId } = input;
  if (!projectMqttId || !userMqttId) {
    const missing = [!projectMqttId && "the project's MQTT id", !userMqttId && "the user's MQTT id (mqtt_id)"].filter(Boolean).join(' and ');
    throw new Error(`The ${format} snippet needs ${missing}: MQTT usernames and topics are made of them.`);
  }
  if (!Number.isInteger(input.mqtt.port) || input.mqtt.port < 1 || input.mqtt.port > 65535) {
    throw new Error(`The MQTT port ${input.mqtt.port} is not a port number (1 to 65535).`);
  }
  const stream = input.stream === 'raw' ? '' : `, "stream": ${jsonString(input.stream)}`;
  return {
    username: mqttUsername(projectMqttId, userMqttId),
    clientId: mqttClientId(projectMqttId, userMqttId),
    topic: mqttTopic(projectMqttId, userMqttId, input.deviceId),
    payload: `{"event_data": {"test": true}${stream}}`,
  };
}

export function mosquittoSnippet(input: SnippetInput): string {
  const parts = mqttParts('mosquitto', input);
  const { host, port, tls } = input.mqtt;
  const tlsLines = tls
    ? ['# TLS with the system\'s CA certificates; a mosquitto_pub older than 2.0 takes --capath /etc/ssl/certs instead.']
    : ['# Without TLS: the password crosses the network in clear. Prefer the TLS port (mediumOne.mqtt.tls).'];
  return [
    '#!/usr/bin/env bash',
    '# Medium One: publish one test event for a basic user over MQTT (mosquitto_pub, from the Mosquitto clients).',
    `# ${SETTINGS_NOTE}`,
    SHELL_PASSWORD_HINT,
    '# mosquitto_pub shows its arguments (the password too) in the process list while it runs.',
    'set -euo pipefail',
    '',
    ...shellSecretLines(input.apiKey),
    '',
    '# Username <project MQTT id>/<user MQTT id>, password <API key>/<user password>, client id the username',
    '# (at most 32 characters), topic 0/<project MQTT id>/<user MQTT id>/<device id>.',
    ...tlsLines,
    'mosquitto_pub \\',
    `  -h ${shQuote(host)} -p ${port} \\`,
    ...(tls ? ['  --tls-use-os-certs \\'] : []),
    `  -i ${shQuote(parts.clientId)} \\`,
    `  -u ${shQuote(parts.username)} \\`,
    '  -P "$M1_API_KEY/$M1_PASSWORD" \\',
    `  -t ${shQuote(parts.topic)} \\`,
    `  -q 1 -m ${shQuote(parts.payload)}`,
    '',
  ].join('\n');
}

export function pahoSnippet(input: SnippetInput): string {
  const parts = mqttParts('paho', input);
  const { host, port, tls } = input.mqtt;
  return [
    '#!/usr/bin/env python3',
    '"""Medium One: publish one test event for a basic user over MQTT.',
    '',
    'Needs Python 3 and paho-mqtt 1.6 or later, 2.x included (pip install paho-mqtt).',
    `${SETTINGS_NOTE}`,
    "Give the user's password in the environment (M1_PASSWORD), never in this file.",
    '"""',
    'import os',
    'import threading',
    '',
    'import paho.mqtt.client as mqtt',
    '',
    `HOST = ${pyString(host)}`,
    `PORT = ${port}`,
    `USE_TLS = ${tls ? 'True' : 'False'}`,
    '# Username <project MQTT id>/<user MQTT id>; client id the username (at most 32 characters).',
    `USERNAME = ${pyString(parts.username)}`,
    `CLIENT_ID = ${pyString(parts.clientId)}`,
    '# Topic 0/<project MQTT id>/<user MQTT id>/<device id>.',
    `TOPIC = ${pyString(parts.topic)}`,
    `PAYLOAD = ${pyString(parts.payload)}`,
    ...pythonApiKeyLines(input.apiKey),
    '# The MQTT password is <API key>/<user password>.',
    'PASSWORD = API_KEY + "/" + os.environ["M1_PASSWORD"]',
    '',
    '# paho-mqtt 2.x asks which callback API the code is written for; 1.x has no such argument.',
    'if hasattr(mqtt, "CallbackAPIVersion"):',
    '    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=CLIENT_ID)',
    'else:',
    '    client = mqtt.Client(client_id=CLIENT_ID)',
    'client.username_pw_set(USERNAME, PASSWORD)',
    'if USE_TLS:',
    '    client.tls_set()  # the system\'s CA certificates',
    '',
    'connected = threading.Event()',
    'answer = {}',
    '',
    '',
    '# 1.x calls this with four arguments, 2.x with five; reason_code compares with 0 in both.',
    'def on_connect(client, userdata, flags, reason_code, properties=None):',
    '    answer["code"] = reason_code',
    '    connected.set()',
    '',
    '',
    'client.on_connect = on_connect',
    'client.connect(HOST, PORT, keepalive=60)',
    'client.loop_start()',
    'try:',
    '    if not connected.wait(30):',
    '        raise SystemExit("The broker did not answer within 30 seconds.")',
    '    if answer["code"] != 0:',
    '        raise SystemExit(f"The broker refused the connection: {answer[\'code\']}")',
    '    message = client.publish(TOPIC, PAYLOAD, qos=1)',
    '    message.wait_for_publish(timeout=30)',
    '    if not message.is_published():',
    '        raise SystemExit("The event was not acknowledged within 30 seconds.")',
    '    print("Event published to", TOPIC)',
    'finally:',
    '    client.disconnect()',
    '    client.loop_stop()',
    '',
  ].join('\n');
}
