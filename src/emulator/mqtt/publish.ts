// A device's PUBLISH as an event (SPEC section 7): topic `0/<project MQTT id>/<user MQTT id>/<device id>` of the
// connected user, payload `{"event_data": {...}, "observed_at"?: ISO with zone, "stream"?: name}` (no stream:
// raw). The event itself is checked by events.ts, as a line of POST /v2/events would be.
import type { EmulatorState } from '../state';
import { parseEventLines, type EventInput, type EventStore } from '../events';
import { ProtocolError, utf8, type Publish } from './codec';

/** Who the connection authenticated as, by name: the user is read again at each PUBLISH (it may be disabled or gone since). */
export interface Connected {
  projectName: string;
  loginId: string;
  projectMqttId: string;
  userMqttId: string;
  clientIp: string;
}

const FIELDS = ['event_data', 'observed_at', 'stream'];

/**
 * Stores the event a PUBLISH carries and returns its stream, or returns why it cannot be stored (the broker
 * then closes the connection: MQTT 3.1.1 has no negative acknowledgement).
 */
export function storePublish(state: EmulatorState, events: EventStore, who: Connected, publish: Publish): { stream: string } | { refused: string } {
  const levels = publish.topic.split('/');
  const [kind, projectId, userId, deviceId] = levels;
  if (levels.length !== 4 || kind !== '0' || projectId !== who.projectMqttId || userId !== who.userMqttId) {
    return { refused: `topic ${JSON.stringify(publish.topic)} is not 0/${who.projectMqttId}/${who.userMqttId}/<device id>` };
  }
  if (!isTopicLevel(deviceId)) return { refused: `the device id ${JSON.stringify(deviceId)} is not a valid topic level` };
  const user = state.project(who.projectName)?.users.get(who.loginId);
  if (!user || user.mqttId !== who.userMqttId) return { refused: `user ${who.loginId} no longer exists` };
  if (user.disabled) return { refused: `user ${who.loginId} is disabled: it cannot send event data` };
  const event = readPayload(publish.payload);
  if ('refused' in event) return event;
  events.add(who.projectName, who.loginId, event.stream, [event.input], who.clientIp);
  return { stream: event.stream };
}

function readPayload(payload: Buffer): { input: EventInput; stream: string } | { refused: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(utf8(payload, 'the payload'));
  } catch (e) {
    return { refused: e instanceof ProtocolError ? e.message : 'the payload is not a JSON document' };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return { refused: 'the payload is not a JSON object with event_data' };
  const fields = doc as Record<string, unknown>;
  const unknown = Object.keys(fields).find((k) => !FIELDS.includes(k));
  if (unknown !== undefined) return { refused: `unknown field "${unknown}" (known: ${FIELDS.join(', ')})` };
  const { stream = 'raw', ...event } = fields;
  if (typeof stream !== 'string' || stream === '') return { refused: 'stream must be a non-empty string' };
  // The same checks as one line of an events POST body (event_data object, observed_at with a zone, 64 KB).
  const inputs = parseEventLines(JSON.stringify(event));
  if (typeof inputs === 'string') return { refused: inputs.replace(/^line 1: /, '') };
  return { input: inputs[0], stream };
}

/** A device id is one topic level: not empty, no control character (wildcards and `/` cannot reach here). */
function isTopicLevel(level: string): boolean {
  const control = (ch: string) => {
    const code = ch.codePointAt(0) ?? 0;
    return code < 0x20 || (code >= 0x7f && code < 0xa0);
  };
  return level !== '' && !Array.from(level).some(control);
}
