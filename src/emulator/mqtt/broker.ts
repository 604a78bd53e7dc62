// The emulator's MQTT broker (SPEC section 7): plain TCP on the emulator's loopback host, no TLS. Devices
// connect as a project's basic users and publish events, which land in the same store as POST /v2/events.
import * as net from 'net';
import { listenServer, type Listening } from '../listener';
import { serveConnection, type BrokerContext } from './connection';

export type { BrokerContext } from './connection';

/** Listens on `host:port` (0: a free port); `close()` ends every connection. */
export function startBroker(host: string, port: number, ctx: BrokerContext): Promise<Listening> {
  const server = net.createServer((socket) => serveConnection(socket, ctx));
  return listenServer(server, host, port);
}
