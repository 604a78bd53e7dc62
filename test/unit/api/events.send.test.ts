import * as assert from 'node:assert/strict';
import { EVENT_LIMITS, sendEvents } from '../../../src/api/events';
import type { MediumOneClient } from '../../../src/api/client';
import type { MediumOneError } from '../../../src/api/errors';
import { alice, apiKey, business, makeClient, projectName, rejectsWith, seen, useEmulator } from './fixture';

/** The sends a client makes, as its observer hook sees them (sign-ins included). */
function countSends(client: MediumOneClient): { readonly count: number } {
  const seenSends = { count: 0 };
  client.observe({ beforeSend: () => Promise.resolve(void seenSends.count++) });
  return seenSends;
}

describe('api/events: sending', function () {
  const world = useEmulator();
  const held = (loginId = alice.loginId, stream = 'raw') => world.emulator.events(projectName, loginId, stream);
  beforeEach(() => world.emulator.configure({ eventsAnswers: undefined, disabledStatus: undefined }));

  it('one event on behalf of a user: the server holds its data and observed_at, and the count comes back', async () => {
    const { client } = makeClient(world.emulator);
    const result = await sendEvents(client, 'raw', alice.loginId, [
      { event_data: { temperature: 21.5, label: 'café ☕' }, observed_at: '2024-05-01T12:00:00+02:00' },
    ]);
    assert.deepEqual(result, { created: 1, status: 200 });
    const events = held();
    assert.equal(events.length, 1);
    assert.deepEqual(events[0]?.eventData, { temperature: 21.5, label: 'café ☕' });
    assert.equal(Date.parse(events[0]?.observedAt ?? ''), Date.parse('2024-05-01T10:00:00Z'));
  });

  it('several events in one request, one JSON document per line, kept in order; without observed_at the server stamps them', async () => {
    const { client } = makeClient(world.emulator);
    const before = Date.now();
    const result = await sendEvents(client, 'raw', alice.loginId, [{ event_data: { n: 1 } }, { event_data: { n: 2 } }, { event_data: { n: 3 } }]);
    assert.deepEqual(result, { created: 3, status: 200 });
    assert.equal(seen(world.emulator, 'POST', '/v2/events/').length, 1, 'one request');
    const events = held();
    assert.deepEqual(events.map((e) => e.eventData), [{ n: 1 }, { n: 2 }, { n: 3 }]);
    for (const e of events) assert.ok(Date.parse(e.observedAt) >= before - 1000, `observed_at ${e.observedAt} is the time received`);
  });

  it('a stream and a login_id that need percent-encoding reach the right user and stream', async () => {
    const odd = 'dev/ice #1?+@é';
    world.emulator.putUser(projectName, { loginId: odd, password: 'odd-Pw-123' });
    const { client } = makeClient(world.emulator);
    await sendEvents(client, 'my stream/2', odd, [{ event_data: { ok: true } }]);
    assert.deepEqual(held(odd, 'my stream/2').map((e) => e.eventData), [{ ok: true }]);
    assert.deepEqual(held(odd), [], 'nothing in raw');
  });

  it('the wrapped answer ({"created": n}) gives the same count', async () => {
    world.emulator.configure({ eventsAnswers: 'wrapped' });
    const { client } = makeClient(world.emulator);
    assert.deepEqual(await sendEvents(client, 'raw', alice.loginId, [{ event_data: { a: 1 } }, { event_data: { a: 2 } }]), { created: 2, status: 200 });
    assert.equal(held().length, 2);
  });

  it('a Basic user sends for itself, leaving the login_id out of the path', async () => {
    const { client } = makeClient(world.emulator, { credentials: { loginId: alice.loginId, password: alice.password, apiKey }, role: 'basic' });
    assert.deepEqual(await sendEvents(client, 'raw', undefined, [{ event_data: { self: true } }]), { created: 1, status: 200 });
    assert.deepEqual(held().map((e) => e.eventData), [{ self: true }]);
    assert.deepEqual(seen(world.emulator, 'POST', '/v2/events/').map((c) => c.path), ['/v2/events/raw']);
  });

  it('add_client_ip is passed on: the server adds the address it saw', async () => {
    const { client } = makeClient(world.emulator);
    await sendEvents(client, 'raw', alice.loginId, [{ event_data: { x: 1 }, add_client_ip: true }, { event_data: { x: 2 } }]);
    const [asked, notAsked] = held();
    assert.match(String(asked?.eventData.ip_address), /127\.0\.0\.1$/, 'the address the server saw: this loopback client');
    assert.deepEqual(notAsked?.eventData, { x: 2 }, 'no address where it was not asked for');
  });

  it('an event of exactly 65,536 bytes (its JSON line) is sent and accepted: client and server count alike', async () => {
    const { client } = makeClient(world.emulator);
    const overhead = JSON.stringify({ event_data: { blob: '' } }).length;
    const blob = 'x'.repeat(EVENT_LIMITS.eventBytes - overhead);
    assert.deepEqual(await sendEvents(client, 'raw', alice.loginId, [{ event_data: { blob } }]), { created: 1, status: 200 });
    assert.equal(held().length, 1);
  });

  describe('refused before sending: nothing goes out, not even a sign-in', () => {
    /** Runs `send` on a fresh client and checks it was refused locally with a message matching `message`. */
    async function refusedLocally(send: (c: MediumOneClient) => Promise<unknown>, message: RegExp): Promise<MediumOneError> {
      const { client } = makeClient(world.emulator);
      const sends = countSends(client);
      const e = await rejectsWith(send(client), 'badRequest');
      assert.match(e.message, message);
      assert.match(e.message, /^Nothing was sent: /);
      assert.equal(e.status, undefined, 'no server answered');
      assert.equal(sends.count, 0, 'the observer saw no send');
      assert.deepEqual(world.emulator.calls(), [], 'the emulator saw no call');
      assert.deepEqual(held(), []);
      return e;
    }

    it('one byte over 64 KB (counted in UTF-8): the message says its size and the limit', async () => {
      const overhead = JSON.stringify({ event_data: { blob: '' } }).length;
      // "é" is two bytes in UTF-8: the string is short in characters but over the limit in bytes.
      const blob = 'é'.repeat((EVENT_LIMITS.eventBytes - overhead) / 2) + 'x';
      await refusedLocally(
        (c) => sendEvents(c, 'raw', alice.loginId, [{ event_data: { ok: 1 } }, { event_data: { ok: 2 } }, { event_data: { blob } }]),
        /event 3 is 65,537 bytes; the limit is 65,536 bytes per event\. Make its event_data smaller or split it/,
      );
    });

    it('a body over 10 MB of events each under 64 KB: the message says to send smaller batches', async () => {
      const event = { event_data: { blob: 'y'.repeat(60_000) } };
      await refusedLocally(
        (c) => sendEvents(c, 'raw', alice.loginId, Array.from({ length: 180 }, () => event)),
        /the 180 events come to 10,\d{3},\d{3} bytes; the limit is 10,485,760 bytes per request\. Send them in smaller batches/,
      );
    });

    it('event_data that is not a plain object (an array, a string, missing)', async () => {
      for (const bad of [[1, 2], 'text', undefined, null]) {
        await refusedLocally(
          (c) => sendEvents(c, 'raw', alice.loginId, [{ event_data: bad as unknown as Record<string, unknown> }]),
          /the event has no event_data object \(event_data must be a JSON object/,
        );
      }
    });

    it('observed_at without a time zone, or not a time at all', async () => {
      for (const bad of ['2024-05-01T12:00:00', '2024-05-01', 'yesterday', '2024-02-30T00:00:00Z']) {
        await refusedLocally(
          (c) => sendEvents(c, 'raw', alice.loginId, [{ event_data: { a: 1 }, observed_at: bad }]),
          new RegExp(`the event's observed_at "${bad}" is not an ISO 8601 time with a time zone`),
        );
      }
    });

    it('no events, an empty stream name, a stream of ".."', async () => {
      await refusedLocally((c) => sendEvents(c, 'raw', alice.loginId, []), /there are no events to send/);
      await refusedLocally((c) => sendEvents(c, '', alice.loginId, [{ event_data: {} }]), /the stream name is empty/);
      await refusedLocally((c) => sendEvents(c, '..', alice.loginId, [{ event_data: {} }]), /the stream name "\.\." cannot be put in a URL/);
    });

    it('an event_data JSON cannot carry (a BigInt)', async () => {
      await refusedLocally(
        (c) => sendEvents(c, 'raw', alice.loginId, [{ event_data: { big: 1n } }]),
        /the event's event_data holds a value JSON cannot carry/,
      );
    });

    it('an empty login_id is not taken for "myself"', async () => {
      const { client } = makeClient(world.emulator);
      await rejectsWith(sendEvents(client, 'raw', '', [{ event_data: {} }]), 'invalidLoginId');
      assert.deepEqual(world.emulator.calls(), []);
    });
  });

  it('the business password typed as a login_id by mistake: no error text shows it', async () => {
    const { client } = makeClient(world.emulator);
    const e = await rejectsWith(sendEvents(client, 'raw', business.password, [{ event_data: {} }]), ['notFound', 'forbidden']);
    for (const text of [e.message, e.serverMessage ?? '']) {
      assert.ok(!text.includes(business.password), text);
      assert.ok(!text.includes(apiKey), text);
    }
    assert.equal(seen(world.emulator, 'POST', '/v2/events/').length, 1);
  });
});
