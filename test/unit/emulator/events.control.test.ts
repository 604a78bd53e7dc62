// The events as tests and tools see them behind the API: in process, through the control route, across reset
// and persistence; the projects' MQTT ids; faults and the call log on the events routes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultSeed, startEmulator } from '../../../src/emulator';
import { emulatorPerTest, login, parse, project, request, untimed } from './fixture';
import { eventsPath, heldData, lines, postEvents } from './eventsFixture';

describe('emulator: events and project facts behind the API', function () {
  const world = emulatorPerTest();

  it('every project has an MQTT id: the Local Sandbox\'s is fixed, others are generated once and kept', async () => {
    const sandbox = await startEmulator({ port: 0 });
    try {
      assert.equal(sandbox.projectMqttId('Local Sandbox'), 'c2FuZGJveDAx');
      assert.deepEqual(sandbox.projects(), [{ name: 'Local Sandbox', mqttId: 'c2FuZGJveDAx' }]);
      assert.equal(defaultSeed().projects[0].mqttId, 'c2FuZGJveDAx');
    } finally {
      await sandbox.stop();
    }
    const emu = await world.start();
    const generated = emu.projectMqttId(project);
    assert.match(generated, /^[A-Za-z0-9_-]{11}$/);
    assert.notEqual(generated, emu.projectMqttId('Other'));
    assert.equal(emu.projectMqttId(project), generated, 'stable');
    assert.throws(() => emu.projectMqttId('Nope'), /no project "Nope"/);
    const state = parse(await request(emu, 'GET', '/__emulator/state')) as { projects: { name: string; mqttId: string }[] };
    assert.deepEqual(state.projects.map(({ name, mqttId }) => ({ name, mqttId })), emu.projects());
  });

  it('the control route reads a user\'s events (stream raw by default); an unknown project is a 404', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    assert.equal((await postEvents(emu, cookie, eventsPath('raw', 'zeta'), lines({ event_data: { r: 1 } }))).text, '1');
    assert.equal((await postEvents(emu, cookie, eventsPath('other stream', 'zeta'), lines({ event_data: { o: 1 } }))).text, '1');
    const raw = parse(await request(emu, 'GET', `/__emulator/events/${encodeURIComponent(project)}/zeta`)) as { eventData: unknown }[];
    assert.deepEqual(raw, emu.events(project, 'zeta'));
    assert.deepEqual(raw.map((e) => e.eventData), [{ r: 1 }]);
    const other = parse(await request(emu, 'GET', `/__emulator/events/${encodeURIComponent(project)}/zeta/other%20stream`)) as { eventData: unknown }[];
    assert.deepEqual(other.map((e) => e.eventData), [{ o: 1 }]);
    assert.deepEqual(parse(await request(emu, 'GET', `/__emulator/events/${encodeURIComponent(project)}/Mid`)), []);
    assert.equal((await request(emu, 'GET', '/__emulator/events/Nope/zeta')).status, 404);
    assert.equal((await request(emu, 'DELETE', `/__emulator/events/${encodeURIComponent(project)}/zeta`)).status, 405);
    assert.deepEqual(heldData(emu, 'zeta'), [{ r: 1 }], 'reading changes nothing');
  });

  it('reset empties every stream; removing a user behind the client\'s back takes its events', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    await postEvents(emu, cookie, eventsPath('raw', 'zeta'), lines({ event_data: { a: 1 } }));
    await postEvents(emu, cookie, eventsPath('raw', 'Mid'), lines({ event_data: { b: 1 } }));
    emu.removeUser(project, 'Mid');
    emu.putUser(project, { loginId: 'Mid', password: 'Mid-pass-1' });
    assert.deepEqual(heldData(emu, 'Mid'), []);
    assert.deepEqual(heldData(emu, 'zeta'), [{ a: 1 }]);
    assert.equal((await request(emu, 'POST', '/__emulator/reset')).status, 200);
    assert.deepEqual(heldData(emu, 'zeta'), []);
  });

  it('events are not persisted; the project MQTT id is', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'm1-emu-events-'));
    try {
      const file = path.join(dir, 'state.json');
      const first = await world.start({ persistPath: file });
      const mqttId = first.projectMqttId(project);
      await postEvents(first, await login(first), eventsPath('raw', 'zeta'), lines({ event_data: { a: 1 } }));
      assert.doesNotMatch(fs.readFileSync(file, 'utf8'), /event_data|eventData/);
      await first.stop();
      const second = await world.start({ persistPath: file, seed: { projects: [] } });
      assert.equal(second.projectMqttId(project), mqttId);
      assert.deepEqual(heldData(second, 'zeta'), []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('settings and faults know the events routes; the call log marks a POST that stored events as applied', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    const put = (body: unknown) => request(emu, 'PUT', '/__emulator/settings', { body });
    assert.equal((await put({ eventsAnswers: 'boxed' })).status, 400);
    assert.equal((await put({ disabledStatus: 404 })).status, 400);
    assert.equal((await put({ disabledStatus: 401 })).status, 200);
    const unauthorized = await postEvents(emu, cookie, eventsPath('raw', 'alpha'), lines({ event_data: { a: 1 } }));
    assert.equal(unauthorized.status, 401);
    assert.match(unauthorized.text, /user alpha is disabled/);
    assert.equal((await put({ eventsAnswers: 'wrapped', disabledStatus: 400 })).status, 200);
    assert.deepEqual(parse(await postEvents(emu, cookie, eventsPath('raw', 'zeta'), lines({ event_data: { a: 1 } }))), { created: 1 });
    assert.equal((await postEvents(emu, cookie, eventsPath('raw', 'alpha'), lines({ event_data: { a: 1 } }))).status, 400);
    assert.equal((await put({ faults: { routes: { 'POST /v2/events/:stream/:id': { status503: 1 } } } })).status, 200);
    assert.equal((await postEvents(emu, cookie, eventsPath('raw', 'zeta'), lines({ event_data: { b: 2 } }))).status, 503);
    assert.equal((await put({ faults: { routes: { 'POST /v2/events/:stream/:id': { dropAfter: 1 } } } })).status, 200);
    await assert.rejects(postEvents(emu, cookie, eventsPath('raw', 'zeta'), lines({ event_data: { c: 3 } })));
    assert.deepEqual(heldData(emu, 'zeta'), [{ a: 1 }, { c: 3 }], 'a 503 stored nothing; a lost answer did store');
    assert.deepEqual(emu.calls().slice(2).map(untimed), [
      { method: 'POST', path: '/v2/events/raw/zeta', status: 200, project, loginId: 'zeta', applied: true },
      { method: 'POST', path: '/v2/events/raw/alpha', status: 400, project, loginId: 'alpha' },
      { method: 'POST', path: '/v2/events/raw/zeta', status: 503, project, loginId: 'zeta', fault: 'status503' },
      { method: 'POST', path: '/v2/events/raw/zeta', status: 'dropped', project, loginId: 'zeta', fault: 'dropAfter', applied: true },
    ]);
  });
});
