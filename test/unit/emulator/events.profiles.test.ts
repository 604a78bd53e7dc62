// The events answers under every server profile: their shape (`events-wrapped`) and the refusal of a disabled
// user (`events-refuse-400`), with each profile's sessions, cookies and error bodies.
import * as assert from 'node:assert/strict';
import { basic, project } from './fixture';
import { eventsPath, held, heldData, lines } from './eventsFixture';
import { forEachProfile } from './forEachProfile';

const alpha = { login_id: 'alpha', password: 'Alpha-pass-1', api_key: basic.api_key };
const DISABLED = /^user alpha is disabled: a disabled basic user cannot send event data, nor can data be sent on its behalf$/;

describe('emulator: /v2/events under each profile', function () {
  forEachProfile((p) => {
    const wrapped = p.settings.eventsAnswers === 'wrapped';
    const disabledStatus = p.settings.disabledStatus ?? 403;

    it(`answers ${wrapped ? 'objects: {"created": n} and {"events": [...]}' : 'a bare number and a bare array'}`, async () => {
      const emu = await p.start();
      const cookie = await p.login(emu);
      const posted = await p.request(emu, 'POST', eventsPath('raw', 'zeta'), { cookie, raw: lines({ event_data: { n: 1 } }, { event_data: { n: 2 } }) });
      assert.equal(posted.status, 200, posted.text);
      assert.deepEqual(JSON.parse(posted.text), wrapped ? { created: 2 } : 2);
      const read = await p.request(emu, 'GET', eventsPath('raw', 'zeta', 'sort_direction=desc'), { cookie });
      assert.equal(read.status, 200, read.text);
      const [second, first] = held(emu, 'zeta');
      const events = [first, second].map((e) => ({ event_data: e.eventData, observed_at: e.observedAt, received_at: e.receivedAt }));
      assert.deepEqual(JSON.parse(read.text), wrapped ? { events } : events);
      assert.deepEqual(heldData(emu, 'zeta'), [{ n: 1 }, { n: 2 }]);
    });

    it(`a disabled user is refused (${disabledStatus}) on its behalf and in its own session, its events still readable; accepted again once enabled`, async () => {
      const emu = await p.start();
      const business = await p.login(emu);
      const own = await p.login(emu, alpha);
      const send = (cookie: string, path: string) => p.request(emu, 'POST', path, { cookie, raw: lines({ event_data: { from: path } }) });
      p.error(await send(business, eventsPath('raw', 'alpha')), disabledStatus, DISABLED);
      p.error(await send(own, eventsPath('raw')), disabledStatus, DISABLED);
      p.error(await send(own, eventsPath('raw', 'alpha')), disabledStatus, DISABLED);
      assert.deepEqual(heldData(emu, 'alpha'), []);
      const read = await p.request(emu, 'GET', eventsPath('raw', 'alpha'), { cookie: business });
      assert.deepEqual(JSON.parse(read.text), wrapped ? { events: [] } : []);

      const enabled = await p.request(emu, 'PATCH', '/v2/users/alpha', { cookie: business, body: { disabled: false } });
      assert.equal(enabled.status, 200, enabled.text);
      assert.equal((await send(business, eventsPath('raw', 'alpha'))).status, 200);
      assert.equal((await send(own, eventsPath('raw'))).status, 200);
      assert.deepEqual(heldData(emu, 'alpha'), [{ from: eventsPath('raw', 'alpha') }, { from: eventsPath('raw') }]);

      // A basic user may disable itself: from then on, nothing more is taken.
      assert.equal((await p.request(emu, 'PATCH', '/v2/users/alpha', { cookie: own, body: { disabled: true } })).status, 200);
      assert.equal(emu.getUser(project, 'alpha')?.disabled, true);
      p.error(await send(business, eventsPath('raw', 'alpha')), disabledStatus, DISABLED);
      assert.equal(held(emu, 'alpha').length, 2);
    });
  });
});
