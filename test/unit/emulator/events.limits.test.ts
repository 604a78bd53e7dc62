import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import { emulatorPerTest, login } from './fixture';
import { eventsPath, held, postEvents, refused } from './eventsFixture';

const EVENT_BYTES = 64 * 1024;
const BODY_BYTES = 10 * 1024 * 1024;

/** An event line of exactly `bytes` UTF-8 bytes, from its opening to its closing brace. */
function eventOf(bytes: number, fill = 'x'): string {
  const empty = JSON.stringify({ event_data: { p: '' } });
  const line = JSON.stringify({ event_data: { p: fill.repeat(Math.floor((bytes - empty.length) / Buffer.byteLength(fill))) } });
  assert.equal(Buffer.byteLength(line), bytes, 'the test builds the size it means');
  return line;
}

describe('emulator: POST /v2/events, the limits (64 KB per event, 10 MB per body)', function () {
  const world = emulatorPerTest();
  const path = eventsPath('raw', 'zeta');

  it('an event of exactly 64 KB is accepted; one byte more is a 400 naming the line, and nothing of that body is stored', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    const atLimit = eventOf(EVENT_BYTES);
    const res = await postEvents(emu, cookie, path, `  ${atLimit}  `);
    assert.equal(res.text, '1', 'spaces around the document do not count');
    assert.equal(JSON.stringify(held(emu, 'zeta')[0].eventData).length, EVENT_BYTES - '{"event_data":}'.length);
    refused(await postEvents(emu, cookie, path, `${eventOf(100)}\n${eventOf(EVENT_BYTES + 1)}`), 400, /line 2: the event is 65537 bytes, over the limit of 65536 bytes per event/);
    // Bytes, not characters: 2-byte characters reach the limit in half as many characters.
    const wide = eventOf(EVENT_BYTES + 1, 'é');
    assert.ok(wide.length < EVENT_BYTES / 2 + 100);
    refused(await postEvents(emu, cookie, path, wide), 400, /the event is 65537 bytes, over the limit of 65536 bytes/);
    assert.equal(held(emu, 'zeta').length, 1);
  });

  it('a body of exactly 10 MB is accepted; one byte more is a 400 and nothing is stored', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    // 159 events of 64 KB and one that fills the body to exactly 10 MB with the 159 newlines between them.
    const events = [...Array<string>(159).fill(eventOf(EVENT_BYTES)), eventOf(BODY_BYTES - 159 * EVENT_BYTES - 159)];
    const body = events.join('\n');
    assert.equal(Buffer.byteLength(body), BODY_BYTES);
    refused(await postEvents(emu, cookie, path, `${body}\n`), 400, /the body is over the limit of 10485760 bytes/);
    assert.equal(held(emu, 'zeta').length, 0);
    const res = await postEvents(emu, cookie, path, body);
    assert.equal(res.status, 200, res.text.slice(0, 200));
    assert.equal(res.text, '160');
    assert.equal(held(emu, 'zeta').length, 160);
  });

  it('a body over 10 MB sent without a Content-Length (chunked) is cut off at the limit: 400, nothing stored, and the next call is served', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    const chunk = Buffer.alloc(1024 * 1024, ' ');
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: emu.port, method: 'POST', path, headers: { Cookie: cookie, 'Content-Type': 'application/json' } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      let sent = 0;
      const more = () => {
        while (sent < 12) {
          sent += 1;
          if (!req.write(chunk)) return void req.once('drain', more);
        }
        req.end(JSON.stringify({ event_data: { late: true } }));
      };
      more();
    });
    assert.equal(status, 400);
    assert.equal(held(emu, 'zeta').length, 0);
    const after = await postEvents(emu, cookie, path, JSON.stringify({ event_data: { after: true } }));
    assert.equal(after.text, '1');
    assert.deepEqual(held(emu, 'zeta').map((e) => e.eventData), [{ after: true }]);
  });
});
