import * as http from 'http';
import type { AddressInfo, Server, Socket } from 'net';
import { send, text } from './http';

export interface Listening {
  port: number;
  /** Stops accepting, ends every open connection (keep-alive ones too) and resolves once the server is closed. */
  close(): Promise<void>;
}

/** The HTTP server on `host:port` (0: a free port); a handler that throws answers 500 instead of hanging. */
export async function listen(
  host: string,
  port: number,
  handle: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>,
): Promise<Listening> {
  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, text(500, `Emulator error: ${e instanceof Error ? e.message : String(e)}`));
    });
  });
  return listenServer(server, host, port);
}

/** Any TCP server (HTTP, or the MQTT broker) on `host:port`, its connections tracked so that close ends them all. */
export async function listenServer(server: Server, host: string, port: number): Promise<Listening> {
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await closed;
    },
  };
}
