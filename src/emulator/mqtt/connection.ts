// One device's TCP connection to the emulator's MQTT broker: CONNECT first (answered CONNACK), then PUBLISH
// (QoS 0, or 1 answered PUBACK), PINGREQ, SUBSCRIBE and DISCONNECT. What the broker does not serve, and any
// protocol violation or refused event, closes the connection; each CONNECT and PUBLISH is in the call log.
//
// Choices where the documents leave room (the tests pin them):
// - SUBSCRIBE is answered SUBACK with 0x80 (failure) for every filter: the emulator sends nothing to devices;
// - QoS 2 closes the connection (the snippets publish with QoS 1);
// - a will is read and never published; a session is never kept (CONNACK's session present is 0);
// - keep-alive: the connection is closed after 1.5 × the keep-alive of silence (none with keep-alive 0), and
//   10 s after opening it when no CONNECT came;
// - reset() and disabling or removing a user leave connections open: each PUBLISH reads the user again.
import { performance } from 'perf_hooks';
import type { Socket } from 'net';
import type { CallRecord } from '../types';
import type { CallLog } from '../callLog';
import type { EventStore } from '../events';
import { EVENT_BYTES } from '../events';
import type { EmulatorState } from '../state';
import { authenticate, ConnackCode } from './auth';
import { checkEmpty, connack, PacketReader, PacketType, pingresp, ProtocolError, puback, readConnect, readPublish, readSubscribe, suback, type Packet } from './codec';
import { storePublish, type Connected } from './publish';

export interface BrokerContext {
  state: EmulatorState;
  events: EventStore;
  calls: CallLog;
  log?: (line: string) => void;
}

/** One event (64 KB) plus room for the topic, the stream and observed_at fields and the packet id. */
export const MAX_REMAINING = EVENT_BYTES + 4096;
const CONNECT_WAIT_MS = 10_000;

/** Serves one connection until it ends. */
export function serveConnection(socket: Socket, ctx: BrokerContext): void {
  const reader = new PacketReader(MAX_REMAINING);
  const clientIp = (socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  let connected: Connected | undefined;
  let closing = false;

  const record = (path: string, status: CallRecord['status'], extra: Partial<CallRecord> = {}) => {
    const r = ctx.calls.open('MQTT', path);
    Object.assign(r, { status, answeredAt: performance.now(), project: connected?.projectName, loginId: connected?.loginId }, extra);
    ctx.log?.(`MQTT ${path} ${status}${r.reason ? ` (${r.reason})` : ''}`);
  };
  /** Ends the connection, after sending `last` when given; nothing read afterwards is served. */
  const close = (last?: Buffer) => {
    closing = true;
    if (last) socket.end(last);
    else socket.destroy();
  };

  const onConnect = (packet: Packet) => {
    const connect = readConnect(packet);
    if ('unsupported' in connect) {
      record('CONNECT', ConnackCode.unacceptableProtocol, { reason: `${connect.unsupported} (served: MQTT 3.1.1, 3.1)` });
      return close(connack(ConnackCode.unacceptableProtocol));
    }
    const device = authenticate(ctx.state, connect);
    if ('code' in device) {
      record('CONNECT', device.code, { reason: device.reason });
      return close(connack(device.code));
    }
    const { project, user } = device;
    connected = { projectName: project.name, loginId: user.loginId, projectMqttId: project.mqttId, userMqttId: user.mqttId, clientIp };
    socket.setTimeout(connect.keepAliveSeconds * 1500);
    record('CONNECT', ConnackCode.accepted);
    socket.write(connack(ConnackCode.accepted));
  };

  const onPublish = (packet: Packet, who: Connected) => {
    const publish = readPublish(packet);
    const path = `PUBLISH ${publish.topic}`;
    if (publish.qos === 2) {
      record(path, 'dropped', { reason: 'QoS 2 is not served (publish with QoS 0 or 1)' });
      return close();
    }
    const stored = storePublish(ctx.state, ctx.events, who, publish);
    if ('refused' in stored) {
      record(path, 'dropped', { reason: stored.refused });
      return close();
    }
    record(path, 0, { applied: true, reason: `stored in stream ${stored.stream}` });
    if (publish.packetId !== undefined) socket.write(puback(publish.packetId));
  };

  const onPacket = (packet: Packet) => {
    if (!connected) {
      if (packet.type !== PacketType.connect) throw new ProtocolError(`packet type ${packet.type} before CONNECT`);
      return onConnect(packet);
    }
    switch (packet.type) {
      case PacketType.publish:
        return onPublish(packet, connected);
      case PacketType.pingreq:
        checkEmpty(packet, 'PINGREQ');
        socket.write(pingresp());
        return;
      case PacketType.subscribe: {
        const { packetId, filters } = readSubscribe(packet);
        socket.write(suback(packetId, filters.map(() => 0x80)));
        return;
      }
      case PacketType.disconnect:
        checkEmpty(packet, 'DISCONNECT');
        return close();
      case PacketType.connect:
        throw new ProtocolError('a second CONNECT');
      default:
        throw new ProtocolError(`packet type ${packet.type} is not served by the emulator`);
    }
  };

  socket.setTimeout(CONNECT_WAIT_MS);
  socket.on('timeout', () => close());
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk: Buffer) => {
    if (closing) return;
    try {
      for (const packet of reader.push(chunk)) {
        if (closing) return;
        onPacket(packet);
      }
    } catch (e) {
      // A protocol violation, or a fault of the emulator's own: either way the connection cannot go on.
      const reason = e instanceof ProtocolError ? e.message : `emulator error: ${e instanceof Error ? e.message : String(e)}`;
      record('PROTOCOL', 'dropped', { reason });
      close();
    }
  });
}
