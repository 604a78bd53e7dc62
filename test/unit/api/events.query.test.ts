import * as assert from 'node:assert/strict';
import { queryEvents, sendEvents, type ReceivedEvent } from '../../../src/api/events';
import { emulatorProfiles } from '../../../src/emulator';
import { alice, apiKey, bob, makeClient, projectName, rejectsWith, seen, useEmulator } from './fixture';

const dataOf = (events: ReceivedEvent[]) => events.map((e) => e.data);

describe('api/events: reading', function () {
  const world = useEmulator();
  beforeEach(() => world.emulator.configure({ eventsAnswers: undefined, disabledStatus: undefined }));

  /** Three events for alice, observed an hour apart, sent in an order unlike their times. */
  async function threeEvents(): Promise<void> {
    const { client } = makeClient(world.emulator);
    await sendEvents(client, 'raw', alice.loginId, [
      { event_data: { n: 2 }, observed_at: '2024-05-01T11:00:00Z' },
      { event_data: { n: 1 }, observed_at: '2024-05-01T10:00:00Z' },
      { event_data: { n: 3 }, observed_at: '2024-05-01T12:00:00Z' },
    ]);
  }

  it('sent events read back with their data and times, newest first, as many as asked', async () => {
    await threeEvents();
    const { client } = makeClient(world.emulator);
    const events = await queryEvents(client, 'raw', alice.loginId, { sortBy: 'observed_at', sortDirection: 'desc', limit: 2 });
    assert.deepEqual(dataOf(events), [{ n: 3 }, { n: 2 }]);
    assert.equal(Date.parse(events[0]?.observedAt ?? ''), Date.parse('2024-05-01T12:00:00Z'));
    assert.ok(events[0]?.receivedAt && Number.isFinite(Date.parse(events[0].receivedAt)), 'received_at is a time');
    assert.deepEqual(events[0]?.raw.event_data, { n: 3 }, 'raw keeps every field the server sent');
    const [call] = seen(world.emulator, 'GET', '/v2/events/');
    assert.match(call?.path ?? '', /^\/v2\/events\/raw\/alice%40example\.com/);
  });

  it('since and until (with their offsets) bound the observed times; the default order is ascending', async () => {
    await threeEvents();
    const { client } = makeClient(world.emulator);
    // 10:30Z to 12:30Z: read without their offsets they would be 11:30Z to 14:30Z, and n=2 would be left out.
    const events = await queryEvents(client, 'raw', alice.loginId, {
      sortBy: 'observed_at',
      since: '2024-05-01T11:30:00+01:00',
      until: '2024-05-01T14:30:00+02:00',
    });
    assert.deepEqual(dataOf(events), [{ n: 2 }, { n: 3 }]);
  });

  it('the wrapped answer ({"events": [...]}) reads the same', async () => {
    await threeEvents();
    world.emulator.configure({ eventsAnswers: 'wrapped' });
    const { client } = makeClient(world.emulator);
    const events = await queryEvents(client, 'raw', alice.loginId, { sortBy: 'observed_at', sortDirection: 'asc' });
    assert.deepEqual(dataOf(events), [{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('a user with no events in the stream: an empty list', async () => {
    const { client } = makeClient(world.emulator);
    assert.deepEqual(await queryEvents(client, 'other', alice.loginId), []);
  });

  it('a Basic user reads its own events without naming itself', async () => {
    await threeEvents();
    const { client } = makeClient(world.emulator, { credentials: { loginId: alice.loginId, password: alice.password, apiKey }, role: 'basic' });
    assert.equal((await queryEvents(client, 'raw', undefined, { limit: 10 })).length, 3);
  });

  it('a disabled user\'s events can still be read', async () => {
    const { client } = makeClient(world.emulator);
    // Sent while bob was enabled; disabled since (another admin, behind the client's back).
    world.emulator.setDisabled(projectName, bob.loginId, false);
    await sendEvents(client, 'raw', bob.loginId, [{ event_data: { before: 'disabled' } }]);
    world.emulator.setDisabled(projectName, bob.loginId, true);
    assert.deepEqual(dataOf(await queryEvents(client, 'raw', bob.loginId)), [{ before: 'disabled' }]);
  });

  it('limit, since, sortBy out of range are refused before anything is sent', async () => {
    const { client } = makeClient(world.emulator);
    for (const limit of [0, 10_001, 2.5]) {
      const e = await rejectsWith(queryEvents(client, 'raw', alice.loginId, { limit }), 'badRequest');
      assert.match(e.message, new RegExp(`^Nothing was sent: limit must be a whole number from 1 to 10,000 \\(got ${limit}\\)`));
    }
    const e = await rejectsWith(queryEvents(client, 'raw', alice.loginId, { since: '2024-05-01 10:00' }), 'badRequest');
    assert.match(e.message, /since "2024-05-01 10:00" is not an ISO 8601 time with a time zone/);
    await rejectsWith(queryEvents(client, 'raw', alice.loginId, { sortBy: 'newest' as 'internal' }), 'badRequest');
    assert.deepEqual(world.emulator.calls(), []);
  });

  it('the largest limit, 10,000, is accepted by the server', async () => {
    await threeEvents();
    const { client } = makeClient(world.emulator);
    assert.equal((await queryEvents(client, 'raw', alice.loginId, { limit: 10_000 })).length, 3);
  });

  it('an answer that is not events (the garbled body the server sends on a fault) is a malformedResponse, after repeats', async () => {
    world.emulator.configure({ faults: { routes: { 'GET /v2/events/:stream/:id': { malformedJson: 1 } } } });
    const { client } = makeClient(world.emulator, { retry: { maxAttempts: 2 } });
    const e = await rejectsWith(queryEvents(client, 'raw', alice.loginId), 'malformedResponse');
    assert.match(e.message, /when asked to read the events of "alice@example\.com"/);
    assert.equal(seen(world.emulator, 'GET', '/v2/events/').length, 2, 'a read is safe to repeat');
  });

  describe('on every server profile', () => {
    for (const name of Object.keys(emulatorProfiles)) {
      it(`${name}: sends two events and reads the newest back`, async () => {
        world.emulator.useProfiles(name);
        const { client } = makeClient(world.emulator);
        const sent = await sendEvents(client, 'raw', alice.loginId, [{ event_data: { p: name, n: 1 } }, { event_data: { p: name, n: 2 } }]);
        assert.equal(sent.created, 2);
        const events = await queryEvents(client, 'raw', alice.loginId, { sortBy: 'internal', sortDirection: 'desc', limit: 1 });
        assert.deepEqual(dataOf(events), [{ p: name, n: 2 }]);
        assert.equal(world.emulator.events(projectName, alice.loginId).length, 2, 'stored once each');
      });
    }
  });
});
