import * as assert from 'node:assert/strict';
import { basic, emulatorPerTest, login } from './fixture';
import { eventsPath, heldData, held, lines, postEvents, refused } from './eventsFixture';

describe('emulator: POST /v2/events, the body', function () {
  const world = emulatorPerTest();
  const path = eventsPath('raw', 'zeta');

  it('one JSON document per line: 3 events → 3 stored, in order, and the answer is 3; blank lines and CRLF are fine', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    const res = await postEvents(emu, cookie, path, lines({ event_data: { n: 1 } }, { event_data: { n: 2 } }, { event_data: { n: 3 } }));
    assert.equal(res.status, 200, res.text);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    assert.equal(JSON.parse(res.text), 3);
    const crlf = await postEvents(emu, cookie, path, `\r\n${JSON.stringify({ event_data: { n: 4 } })}\r\n\r\n   \n${JSON.stringify({ event_data: { n: 5 } })}\r\n`);
    assert.equal(crlf.text, '2');
    assert.deepEqual(heldData(emu, 'zeta'), [{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }, { n: 5 }]);
    const [first, second] = held(emu, 'zeta');
    assert.ok(first.sequence < second.sequence, 'an internal order, as received');
  });

  it('a malformed line refuses the whole body (400 naming the line); nothing is stored', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    const body = `${JSON.stringify({ event_data: { n: 1 } })}\n{"event_data": {"n": 2}\n${JSON.stringify({ event_data: { n: 3 } })}`;
    refused(await postEvents(emu, cookie, path, body), 400, /line 2 is not a JSON document/);
    // The documents' INCORRECT example: two documents on one line.
    refused(await postEvents(emu, cookie, path, '{"event_data": {"a": 1}}{"event_data": {"a": 2}}'), 400, /line 1 is not a JSON document/);
    refused(await postEvents(emu, cookie, path, ''), 400, /no events/);
    refused(await postEvents(emu, cookie, path, '\n \n'), 400, /no events/);
    assert.deepEqual(heldData(emu, 'zeta'), []);
  });

  it('event_data is required and must be a JSON object; an event is an object; unknown fields are refused', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    const cases: [unknown, RegExp][] = [
      [{ observed_at: '2024-01-01T00:00:00Z' }, /line 1: event_data is required/],
      [{ event_data: [1, 2] }, /event_data must be a JSON object/],
      [{ event_data: 'hot' }, /event_data must be a JSON object/],
      [{ event_data: null }, /event_data must be a JSON object/],
      [[{ event_data: {} }], /an event is a JSON object/],
      [42, /an event is a JSON object/],
      [{ event_data: {}, observedAt: '2024-01-01T00:00:00Z' }, /unknown field "observedAt"/],
      [{ event_data: {}, add_client_ip: 'yes' }, /add_client_ip must be true or false/],
    ];
    for (const [event, reason] of cases) {
      refused(await postEvents(emu, cookie, path, lines({ event_data: { ok: true } }, event)), 400, new RegExp(reason.source.replace('line 1', 'line 2')));
    }
    assert.deepEqual(heldData(emu, 'zeta'), []);
  });

  it('observed_at must be ISO 8601 with a time zone; any offset form is accepted and held in UTC', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    for (const bad of ['2024-05-01T10:00:00', '2024-05-01', '2024-05-01 10:00:00Z', '2024-02-30T10:00:00Z', '2024-05-01T24:00:00Z', 'yesterday', 1714557600000, null]) {
      refused(await postEvents(emu, cookie, path, lines({ event_data: {}, observed_at: bad })), 400, /observed_at must be an ISO 8601 time with a time zone/);
    }
    assert.deepEqual(heldData(emu, 'zeta'), []);
    const good = ['2014-06-11T02:11:25.076001Z', '2014-07-25T12:12:56.2345-08:00', '2016-02-16T15:14:08-08:00', '2024-05-01T10:00+0530', '2024-05-01T10:00:00+05', '0050-01-01T00:00:00Z'];
    const res = await postEvents(emu, cookie, path, lines(...good.map((observed_at) => ({ event_data: {}, observed_at }))));
    assert.equal(res.text, String(good.length));
    assert.deepEqual(held(emu, 'zeta').map((e) => e.observedAt), [
      '2014-06-11T02:11:25.076Z', '2014-07-25T20:12:56.234Z', '2016-02-16T23:14:08.000Z', '2024-05-01T04:30:00.000Z', '2024-05-01T05:00:00.000Z',
      '0050-01-01T00:00:00.000Z',
    ]);
  });

  it('add_client_ip: true puts the client address into event_data.ip_address; false or absent does not', async () => {
    const emu = await world.start();
    const cookie = await login(emu, basic);
    const res = await postEvents(emu, cookie, eventsPath('raw'), lines({ event_data: { a: 1 }, add_client_ip: true }, { event_data: { b: 2 }, add_client_ip: false }, { event_data: { c: 3 } }));
    assert.equal(res.text, '3');
    assert.deepEqual(heldData(emu, 'zeta'), [{ a: 1, ip_address: '127.0.0.1' }, { b: 2 }, { c: 3 }]);
  });
});
