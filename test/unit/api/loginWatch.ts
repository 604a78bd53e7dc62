// A pass-through HTTP hop in front of the emulator that sees what the emulator's call log cannot: how many logins
// were in flight at the same moment. Everything else is forwarded byte for byte, cookies included.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoginWatch {
  /** Base URL to give the client instead of the emulator's. */
  readonly url: string;
  /** Most POST /v2/login requests the server was handling at once. */
  readonly maxConcurrentLogins: number;
  /** Every login's status, in the order answered. */
  readonly loginStatuses: readonly number[];
  stop(): Promise<void>;
}

export async function watchLogins(targetUrl: string): Promise<LoginWatch> {
  const target = new URL(targetUrl);
  let inFlight = 0;
  let maxConcurrentLogins = 0;
  const loginStatuses: number[] = [];

  const server = http.createServer((req, res) => {
    const isLogin = req.method === 'POST' && req.url === '/v2/login';
    let settled = false;
    const done = () => {
      if (settled) return;
      settled = true;
      if (isLogin) inFlight--;
    };
    if (isLogin) maxConcurrentLogins = Math.max(maxConcurrentLogins, ++inFlight);
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      (answer) => {
        if (isLogin) loginStatuses.push(answer.statusCode ?? 0);
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('end', done);
        answer.on('error', () => res.destroy());
      },
    );
    // A dropped upstream connection is dropped downstream too, as the client would see it without this hop.
    upstream.on('error', () => {
      done();
      res.destroy();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get maxConcurrentLogins() {
      return maxConcurrentLogins;
    },
    loginStatuses,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
