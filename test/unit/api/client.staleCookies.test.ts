// The emulator never sets cookies after login, but real servers may refresh a cookie on any answer. This small
// server does, to show that an answer from an ended session cannot overwrite the cookies of the new one.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { MediumOneClient } from '../../../src/api/client';

describe('api/client: cookies refreshed by answers of an ended session', function () {
  let server: http.Server;
  let url = '';
  let current = '';
  let loginCount = 0;
  /** Called when the slow request has reached the server; then `answerSlow` answers it. */
  let slowArrived = () => {};
  let answerSlow = () => {};

  before(async () => {
    server = http.createServer((req, res) => {
      const sent = /session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
      const answer = (status: number, body: unknown, cookie?: string) => {
        res.writeHead(status, { 'Content-Type': 'application/json', ...(cookie ? { 'Set-Cookie': `session=${cookie}; Path=/` } : {}) });
        res.end(JSON.stringify(body));
      };
      req.resume();
      if (req.url === '/v2/login') {
        current = `s${++loginCount}`;
        answer(200, true, current);
      } else if (sent !== current) {
        answer(401, 'no session');
      } else if (req.url === '/v2/users/slow') {
        // Held until the test has replaced the session; then it refreshes the cookie it was sent.
        answerSlow = () => answer(200, { login_id: 'slow', disabled: false }, sent);
        slowArrived();
      } else {
        answer(200, { login_id: 'fast', disabled: false });
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('keeps the new session: one more login, not one per stale answer', async () => {
    const client = new MediumOneClient({ baseUrl: url, credentials: () => ({ loginId: 'a', password: 'b', apiKey: 'c' }) });
    await client.login();
    const arrived = new Promise<void>((resolve) => {
      slowArrived = resolve;
    });
    const slow = client.getUser('slow');
    await arrived;
    current = 'ended';
    await client.getUser('fast');
    assert.equal(loginCount, 2, 'the fast call signed in again');
    answerSlow();
    assert.equal((await slow).loginId, 'slow');
    await client.getUser('fast');
    assert.equal(loginCount, 2, 'the slow answer from the old session did not replace the new cookie');
  });
});
