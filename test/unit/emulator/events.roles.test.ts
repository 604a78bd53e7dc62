import * as assert from 'node:assert/strict';
import { basic, business, emulatorPerTest, login, otherApiKey, project, registration, request } from './fixture';
import { answered, eventsPath, getEvents, held, heldData, lines, postEvents, refused } from './eventsFixture';

describe('emulator: /v2/events, who may send and read whose events', function () {
  const world = emulatorPerTest();

  it('a Business user posts on behalf of a basic user of its project and reads them back', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    const res = await postEvents(emu, cookie, eventsPath('raw', 'zeta'), lines({ event_data: { t: 21.5 }, observed_at: '2024-05-01T10:00:00+02:00' }));
    assert.equal(res.status, 200, res.text);
    assert.equal(JSON.parse(res.text), 1);
    const stored = held(emu, 'zeta');
    assert.equal(stored.length, 1);
    assert.deepEqual(stored[0].eventData, { t: 21.5 });
    assert.equal(stored[0].observedAt, '2024-05-01T08:00:00.000Z');
    assert.match(stored[0].receivedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.deepEqual(answered(await getEvents(emu, cookie, eventsPath('raw', 'zeta'))), [
      { event_data: { t: 21.5 }, observed_at: '2024-05-01T08:00:00.000Z', received_at: stored[0].receivedAt },
    ]);
    assert.deepEqual(heldData(emu, 'Mid'), [], 'nobody else holds it');
  });

  it('without observed_at the event is observed when received', async () => {
    const emu = await world.start();
    const before = Date.now();
    assert.equal((await postEvents(emu, await login(emu), eventsPath('raw', 'zeta'), lines({ event_data: {} }))).status, 200);
    const [event] = held(emu, 'zeta');
    assert.equal(event.observedAt, event.receivedAt);
    assert.ok(Date.parse(event.receivedAt) >= before - 1 && Date.parse(event.receivedAt) <= Date.now() + 1);
  });

  it('a Basic user posts and reads for itself, with its login_id in the path or without it', async () => {
    const emu = await world.start();
    const cookie = await login(emu, basic);
    for (const path of [eventsPath('raw', 'zeta'), eventsPath('raw'), `${eventsPath('raw')}/`]) {
      const res = await postEvents(emu, cookie, path, lines({ event_data: { path } }));
      assert.equal(res.status, 200, `${path}: ${res.text}`);
    }
    const expected = [eventsPath('raw', 'zeta'), eventsPath('raw'), `${eventsPath('raw')}/`].map((path) => ({ path }));
    assert.deepEqual(heldData(emu, 'zeta'), expected);
    assert.deepEqual(answered(await getEvents(emu, cookie, eventsPath('raw'))).map((e) => e.event_data), expected);
    assert.deepEqual(answered(await getEvents(emu, cookie, eventsPath('raw', 'zeta'))).map((e) => e.event_data), expected);
  });

  it('a Basic user naming another user is refused (403), posting or reading; nothing is stored', async () => {
    const emu = await world.start();
    const biz = await login(emu);
    assert.equal((await postEvents(emu, biz, eventsPath('raw', 'Mid'), lines({ event_data: { mine: 'Mid' } }))).status, 200);
    const cookie = await login(emu, basic);
    refused(await postEvents(emu, cookie, eventsPath('raw', 'Mid'), lines({ event_data: { a: 1 } })), 403, /Basic user may send and read only its own events/);
    refused(await postEvents(emu, cookie, eventsPath('raw', 'nobody'), lines({ event_data: { a: 1 } })), 403, /only its own/);
    refused(await getEvents(emu, cookie, eventsPath('raw', 'Mid')), 403, /only its own/);
    assert.deepEqual(heldData(emu, 'Mid'), [{ mine: 'Mid' }]);
    assert.deepEqual(heldData(emu, 'zeta'), []);
  });

  it('a Registration user is refused (403), posting or reading; nothing is stored', async () => {
    const emu = await world.start();
    const cookie = await login(emu, registration);
    refused(await postEvents(emu, cookie, eventsPath('raw', 'zeta'), lines({ event_data: { a: 1 } })), 403, /Registration user may not send or read events/);
    refused(await postEvents(emu, cookie, eventsPath('raw'), lines({ event_data: { a: 1 } })), 403, /Registration/);
    refused(await getEvents(emu, cookie, eventsPath('raw', 'zeta')), 403, /Registration/);
    assert.deepEqual(heldData(emu, 'zeta'), []);
  });

  it('no session, or an ended one: 401, nothing stored', async () => {
    const emu = await world.start();
    refused(await postEvents(emu, undefined, eventsPath('raw', 'zeta'), lines({ event_data: { a: 1 } })), 401, /log in/);
    refused(await getEvents(emu, undefined, eventsPath('raw', 'zeta')), 401, /log in/);
    const cookie = await login(emu);
    emu.expireSessions();
    refused(await postEvents(emu, cookie, eventsPath('raw', 'zeta'), lines({ event_data: { a: 1 } })), 401, /log in/);
    assert.deepEqual(heldData(emu, 'zeta'), []);
  });

  it('a Business user must name the user (400)', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    refused(await postEvents(emu, cookie, eventsPath('raw'), lines({ event_data: { a: 1 } })), 400, /must name the user/);
    refused(await getEvents(emu, cookie, eventsPath('raw')), 400, /must name the user/);
    assert.deepEqual(emu.listUsers(project).flatMap((u) => heldData(emu, u.loginId)), []);
  });

  it('an unknown user, or one of another project, answers the unknown-user status (404, or 403 where so configured)', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    refused(await postEvents(emu, cookie, eventsPath('raw', 'ghost'), lines({ event_data: { a: 1 } })), 404, /no user "ghost"/);
    refused(await getEvents(emu, cookie, eventsPath('raw', 'other-device')), 404, /no user "other-device"/);
    refused(await postEvents(emu, cookie, eventsPath('raw', business.login_id), lines({ event_data: { a: 1 } })), 404, /no user/);
    emu.useProfiles('unknown-403');
    refused(await postEvents(emu, cookie, eventsPath('raw', 'ghost'), lines({ event_data: { a: 1 } })), 403, /Forbidden/);
    const other = await login(emu, { login_id: business.login_id, password: 'Other-biz-1', api_key: otherApiKey });
    refused(await postEvents(emu, other, eventsPath('raw', 'zeta'), lines({ event_data: { a: 1 } })), 403, /Forbidden/);
    assert.deepEqual(heldData(emu, 'zeta'), []);
    assert.deepEqual(emu.events('Other', 'other-device'), []);
  });

  it('streams are kept apart, and a deleted user takes its events with it', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    assert.equal((await postEvents(emu, cookie, eventsPath('raw', 'zeta'), lines({ event_data: { s: 'raw' } }))).status, 200);
    assert.equal((await postEvents(emu, cookie, eventsPath('my stream/x', 'zeta'), lines({ event_data: { s: 'mine' } }))).status, 200);
    assert.deepEqual(heldData(emu, 'zeta'), [{ s: 'raw' }]);
    assert.deepEqual(heldData(emu, 'zeta', 'my stream/x'), [{ s: 'mine' }]);
    assert.deepEqual(answered(await getEvents(emu, cookie, eventsPath('my stream/x', 'zeta'))).map((e) => e.event_data), [{ s: 'mine' }]);
    assert.deepEqual(answered(await getEvents(emu, cookie, eventsPath('processed', 'zeta'))), []);
    assert.equal((await request(emu, 'DELETE', '/v2/users/zeta', { cookie })).status, 204);
    emu.putUser(project, { loginId: 'zeta', password: basic.password });
    assert.deepEqual(heldData(emu, 'zeta'), []);
    assert.deepEqual(heldData(emu, 'zeta', 'my stream/x'), []);
  });

  it('other methods: 405 naming GET and POST', async () => {
    const emu = await world.start();
    const res = await request(emu, 'PUT', eventsPath('raw', 'zeta'), { cookie: await login(emu), raw: lines({ event_data: {} }) });
    refused(res, 405, /not allowed/i);
    assert.equal(res.headers.allow, 'GET, POST');
    assert.deepEqual(heldData(emu, 'zeta'), []);
  });
});
