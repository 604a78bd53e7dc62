import * as assert from 'node:assert/strict';
import { createdCount, decodeEvents, decodeSendAnswer } from '../../../src/api/eventAnswers';
import { isIsoTimeWithZone } from '../../../src/api/events';
import type { HttpResponse } from '../../../src/api/http';

// The events answers' shapes are not documented: these are the shapes other servers may choose, beyond the two
// the emulator offers (bare and wrapped, proven over HTTP in events.send / events.query).

const answer = (text: string, status = 200): HttpResponse => ({ status, path: '/v2/events/raw/a', text, header: () => undefined });

describe('api/events: answer shapes', () => {
  it('the created count from a number, a numeric string, or an object holding one', () => {
    assert.equal(createdCount('3'), 3);
    assert.equal(createdCount('"3"'), 3);
    assert.equal(createdCount('{"created": 2}'), 2);
    assert.equal(createdCount('{"count": "4"}'), 4);
    assert.equal(createdCount('{"events_created": 5, "status": "ok"}'), 5);
    assert.equal(createdCount('{"ok": true, "n_events": 6}'), 6, 'the only number of an object');
  });

  it('no count when the answer holds none, or several it cannot choose between', () => {
    for (const text of ['', '   ', 'OK', 'true', 'null', '"three"', '-1', '1.5', '{}', '{"a": 1, "b": 2}', '[1]']) {
      assert.equal(createdCount(text), undefined, text);
    }
  });

  it('a status, a code or a time is never taken for the count, however alone it is', () => {
    for (const text of ['{"status": 200}', '{"ok": true, "code": 0}', '{"statusCode": 201}', '{"took_ms": 3}', '{"timestamp": 1714564800}', '{"request_id": 7}']) {
      assert.equal(createdCount(text), undefined, text);
    }
  });

  it('any 2xx is a success whatever its body: only the count is unknown', () => {
    assert.deepEqual(decodeSendAnswer(answer('<html>ok</html>')), { ok: true, value: { status: 200 } });
    assert.deepEqual(decodeSendAnswer(answer('', 204)), { ok: true, value: { status: 204 } });
    assert.deepEqual(decodeSendAnswer(answer('2', 201)), { ok: true, value: { created: 2, status: 201 } });
  });

  it('events from an array, or from an object under a telling key or its first list', () => {
    const event = { event_data: { t: 1 }, observed_at: '2024-05-01T10:00:00Z' };
    for (const body of [[event], { events: [event] }, { data: [event] }, { total: 1, hits: [event] }, { meta: [], results: [event] }]) {
      const decoded = decodeEvents(answer(JSON.stringify(body)));
      assert.ok(decoded.ok, JSON.stringify(body));
      assert.deepEqual(
        decoded.value.map((e) => e.data),
        [{ t: 1 }],
        JSON.stringify(body),
      );
    }
  });

  it('an event without event_data is its own data; times as strings, epoch ms or epoch seconds; events as JSON text', () => {
    const decoded = decodeEvents(
      answer(
        JSON.stringify([
          { temperature: 3, receivedAt: 1714557600000 },
          { event_data: { a: 1 }, observed_at: 1714557600, received_at: '2024-05-01T10:00:01Z' },
          JSON.stringify({ event_data: { b: 2 } }),
        ]),
      ),
    );
    assert.ok(decoded.ok);
    const [first, second, third] = decoded.value;
    assert.deepEqual(first, { data: { temperature: 3, receivedAt: 1714557600000 }, receivedAt: '2024-05-01T10:00:00.000Z', raw: { temperature: 3, receivedAt: 1714557600000 } });
    assert.equal(second?.observedAt, '2024-05-01T10:00:00.000Z');
    assert.equal(second?.receivedAt, '2024-05-01T10:00:01Z');
    assert.deepEqual(third?.data, { b: 2 });
  });

  it('an answer that is neither a list of events nor an object holding one is unreadable', () => {
    for (const text of ['', 'nope', '42', '"events"', '{"count": 0}', '[1, 2]', '{"events": ["x"]}']) {
      const decoded = decodeEvents(answer(text));
      assert.equal(decoded.ok, false, text);
    }
    assert.deepEqual(decodeEvents(answer('', 204)), { ok: true, value: [] }, 'a 204 is no events');
  });

  it('ISO 8601 with a time zone: Z or an offset, a day that exists', () => {
    for (const ok of ['2024-05-01T10:00:00Z', '2024-05-01T10:00Z', '2024-05-01T10:00:00.123+02:00', '2024-05-01t10:00:00-0530', '2024-02-29T00:00:00Z']) {
      assert.ok(isIsoTimeWithZone(ok), ok);
    }
    for (const bad of ['2024-05-01T10:00:00', '2024-05-01', '2024-05-01 10:00:00Z', '2023-02-29T00:00:00Z', '2024-13-01T00:00:00Z', 'May 1 2024 UTC', '']) {
      assert.ok(!isIsoTimeWithZone(bad), bad);
    }
  });
});
