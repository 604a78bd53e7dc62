import * as assert from 'node:assert/strict';
import type { Emulator } from '../../../src/emulator/types';
import { emulatorPerTest, login, sleep } from './fixture';
import { answered, eventsPath, getEvents, held, lines, postEvents, refused } from './eventsFixture';

/** Observed out of the order received: b (received 1st), c (2nd), a (3rd), each body received at least 5 ms apart. */
async function seedEvents(emu: Emulator, cookie: string): Promise<void> {
  for (const [name, observed_at] of [['b', '2024-05-01T10:00:00Z'], ['c', '2024-05-01T13:00:00+02:00'], ['a', '2024-05-01T09:00:00Z']]) {
    assert.equal((await postEvents(emu, cookie, eventsPath('raw', 'zeta'), lines({ event_data: { name }, observed_at }))).text, '1');
    await sleep(5);
  }
}

describe('emulator: GET /v2/events, the query', function () {
  const world = emulatorPerTest();
  let emu: Emulator;
  let cookie: string;
  const names = async (query: string, loginId = 'zeta') =>
    answered(await getEvents(emu, cookie, eventsPath('raw', loginId, query))).map((e) => (e.event_data as { name: string }).name);

  beforeEach(async () => {
    emu = await world.start();
    cookie = await login(emu);
    await seedEvents(emu, cookie);
  });
  afterEach(() => {
    assert.equal(held(emu, 'zeta').length, 3, 'a query never changes what the server holds');
  });

  it('no parameters: every event, by observed_at ascending', async () => {
    assert.deepEqual(await names(''), ['a', 'b', 'c']);
  });

  it('sort_by observed_at, received_at or internal; sort_direction asc (the default) or desc', async () => {
    assert.deepEqual(await names('sort_by=observed_at&sort_direction=desc'), ['c', 'b', 'a']);
    assert.deepEqual(await names('sort_by=received_at'), ['b', 'c', 'a']);
    assert.deepEqual(await names('sort_by=received_at&sort_direction=desc'), ['a', 'c', 'b']);
    assert.deepEqual(await names('sort_by=internal&sort_direction=asc'), ['b', 'c', 'a']);
    assert.deepEqual(await names('sort_by=internal&sort_direction=desc'), ['a', 'c', 'b']);
    assert.deepEqual(await names('sort_direction=desc'), ['c', 'b', 'a']);
  });

  it('events of one body keep the order received among themselves, reversed by desc', async () => {
    const same = lines({ event_data: { name: 'x' }, observed_at: '2030-01-01T00:00:00Z' }, { event_data: { name: 'y' }, observed_at: '2030-01-01T00:00:00Z' });
    assert.equal((await postEvents(emu, cookie, eventsPath('raw', 'Mid'), same)).text, '2');
    assert.deepEqual(await names('sort_by=received_at&sort_direction=desc', 'Mid'), ['y', 'x']);
    assert.deepEqual(await names('sort_by=observed_at', 'Mid'), ['x', 'y']);
    assert.deepEqual(await names('sort_by=internal&sort_direction=desc&limit=1', 'Mid'), ['y']);
    assert.equal(held(emu, 'Mid').length, 2);
  });

  it('limit: a whole number from 1 to 10000 (the default); the first events of the order asked for', async () => {
    assert.deepEqual(await names('limit=1'), ['a']);
    assert.deepEqual(await names('limit=2&sort_direction=desc'), ['c', 'b']);
    assert.deepEqual(await names('limit=10000'), ['a', 'b', 'c']);
    for (const bad of ['10001', '0', '-1', '1.5', '1e3', 'ten', '', ' 5']) {
      refused(await getEvents(emu, cookie, eventsPath('raw', 'zeta', `limit=${encodeURIComponent(bad)}`)), 400, /limit must be a whole number from 1 to 10000/);
    }
  });

  it('since (inclusive) and until (exclusive) on observed_at, in any time zone', async () => {
    assert.deepEqual(await names('since=2024-05-01T10:00:00Z'), ['b', 'c']);
    assert.deepEqual(await names('until=2024-05-01T10:00:00Z'), ['a']);
    assert.deepEqual(await names('until=2024-05-01T10:00:00.001Z'), ['a', 'b']);
    assert.deepEqual(await names(`since=${encodeURIComponent('2024-05-01T11:00:00+02:00')}&until=${encodeURIComponent('2024-05-01T07:00:00-04:00')}`), ['a', 'b']);
    assert.deepEqual(await names('since=2024-05-01T10:00:00.001Z&until=2024-05-01T10:00:00Z'), []);
    // internal sorts by arrival but filters on observed_at.
    assert.deepEqual(await names('sort_by=internal&since=2024-05-01T09:30:00Z'), ['b', 'c']);
  });

  it('since and until on received_at when sort_by is received_at', async () => {
    const [b, c, a] = held(emu, 'zeta');
    assert.deepEqual(await names(`sort_by=received_at&since=${c.receivedAt}`), ['c', 'a']);
    assert.deepEqual(await names(`sort_by=received_at&until=${c.receivedAt}`), ['b']);
    assert.deepEqual(await names(`sort_by=received_at&since=${b.receivedAt}&until=${a.receivedAt}`), ['b', 'c']);
  });

  it('400 for a time without a zone, a bad sort_by or sort_direction, an unknown or repeated parameter', async () => {
    const cases: [string, RegExp][] = [
      ['since=2024-05-01T10:00:00', /since must be an ISO 8601 time with a time zone/],
      ['until=2024-05-01', /until must be an ISO 8601 time with a time zone/],
      ['since=1714557600', /since must be an ISO 8601/],
      // An unencoded "+" reads as a space, as in any form-encoded query: the offset is lost, so it is refused.
      ['since=2024-05-01T10:00:00+02:00', /since must be an ISO 8601/],
      ['sort_by=time', /sort_by must be observed_at, received_at or internal/],
      ['sort_by=OBSERVED_AT', /sort_by must be/],
      ['sort_direction=descending', /sort_direction must be asc or desc/],
      ['sort_direction=DESC', /sort_direction must be asc or desc/],
      ['sortBy=internal', /unknown query parameter "sortBy"/],
      ['limit=1&limit=2', /"limit" is given more than once/],
    ];
    for (const [query, reason] of cases) refused(await getEvents(emu, cookie, eventsPath('raw', 'zeta', query)), 400, reason);
  });
});
