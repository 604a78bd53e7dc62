// The emulator's MQTT broker (SPEC section 7), driven by a raw client: who may connect (CONNACK codes), what a
// PUBLISH stores, and what closes the connection with nothing stored.
import * as assert from 'node:assert/strict';
import type { Emulator } from '../../../src/emulator/types';
import { apiKey, basic, emulatorPerTest, otherApiKey, otherProject, project } from './fixture';
import { connect, pingreq, publish, subscribe, TestClient, type ConnectFields, type Received } from './mqttClient';

const CONNACK = 2;
const PUBACK = 4;

describe('Emulator MQTT broker: connecting and publishing events', () => {
  const emulators = emulatorPerTest();
  let emu: Emulator;
  let port: number;
  /** Zeta's username, topic prefix and CONNECT, with the conformance project's MQTT id. */
  let zeta: { username: string; topic: string; connect: ConnectFields };
  const clients: TestClient[] = [];

  beforeEach(async () => {
    emu = await emulators.start({ mqtt: { port: 0 } });
    assert.ok(emu.mqttPort !== undefined && emu.mqttPort > 0);
    port = emu.mqttPort;
    const username = `${emu.projectMqttId(project)}/mqttZeta001`;
    zeta = { username, topic: `0/${username}`, connect: { clientId: username, username, password: `${apiKey}/${basic.password}` } };
  });
  afterEach(() => clients.splice(0).forEach((c) => c.end()));

  async function open(): Promise<TestClient> {
    const client = await TestClient.open(port);
    clients.push(client);
    return client;
  }

  /** The CONNACK return code of `fields`, with a PUBLISH sent right behind the CONNECT. */
  async function connackOf(fields: ConnectFields, topicOwner = zeta.topic): Promise<{ code: number; client: TestClient }> {
    const client = await open();
    client.send(connect(fields), publish(`${topicOwner}/dev`, JSON.stringify({ event_data: { sneaked: true } })));
    const answer = await client.next();
    assert.notEqual(answer, 'closed', 'the broker closed the connection without a CONNACK');
    const { type, body } = answer as Received;
    assert.equal(type, CONNACK);
    assert.equal(body[0], 0, 'session present is 0: the broker keeps no session');
    return { code: body[1], client };
  }

  const noEvents = () => {
    for (const loginId of ['zeta', 'alpha', 'Mid']) assert.deepEqual(emu.events(project, loginId), [], `${loginId} holds no event`);
    assert.deepEqual(emu.events(otherProject, 'other-device'), []);
  };

  it('accepts the user\'s username and password; a QoS 1 event is acknowledged and stored in its stream, a QoS 0 one in raw', async () => {
    const { code, client } = await connackOf(zeta.connect);
    assert.equal(code, 0);
    const puback = await client.next();
    assert.deepEqual(puback, { type: PUBACK, flags: 0, body: Buffer.from([0, 7]) });
    client.send(publish(`${zeta.topic}/sensor-1`, JSON.stringify({ event_data: { t: 21.5 }, observed_at: '2026-01-02T03:04:05+01:00', stream: 'telemetry' }), 1, 300));
    assert.deepEqual(await client.next(), { type: PUBACK, flags: 0, body: Buffer.from([1, 44]) });
    client.send(publish(`${zeta.topic}/sensor-1`, '{"event_data": {"qos": 0}}', 0), pingreq());
    assert.deepEqual(await client.next(), { type: 13, flags: 0, body: Buffer.alloc(0) }, 'PINGRESP, after the QoS 0 event');
    assert.deepEqual(emu.events(project, 'zeta').map((e) => e.eventData), [{ sneaked: true }, { qos: 0 }]);
    const [telemetry] = emu.events(project, 'zeta', 'telemetry');
    assert.deepEqual(telemetry.eventData, { t: 21.5 });
    assert.equal(telemetry.observedAt, '2026-01-02T02:04:05.000Z');
    const records = emu.calls().filter((c) => c.method === 'MQTT');
    assert.deepEqual(records.map((c) => [c.path, c.status, c.loginId]), [
      ['CONNECT', 0, 'zeta'],
      [`PUBLISH ${zeta.topic}/dev`, 0, 'zeta'],
      [`PUBLISH ${zeta.topic}/sensor-1`, 0, 'zeta'],
      [`PUBLISH ${zeta.topic}/sensor-1`, 0, 'zeta'],
    ]);
    assert.equal(client.closed, false);
  });

  it('answers SUBSCRIBE with a failure (the emulator sends nothing to devices) and keeps the connection', async () => {
    const { client } = await connackOf(zeta.connect);
    await client.next(); // PUBACK
    client.send(subscribe(9, `1/${zeta.username}/dev/event`));
    assert.deepEqual(await client.next(), { type: 9, flags: 0, body: Buffer.from([0, 9, 0x80]) });
    assert.equal(client.closed, false);
  });

  const refusals: [string, (z: typeof zeta, projectMqttId: string) => ConnectFields, number][] = [
    ['a wrong user password', (z) => ({ ...z.connect, password: `${apiKey}/Wrong-pass-1` }), 4],
    ["another project's API key", (z) => ({ ...z.connect, password: `${otherApiKey}/${basic.password}` }), 4],
    ['the password alone (no API key)', (z) => ({ ...z.connect, password: basic.password }), 4],
    ['an unknown project MQTT id', () => ({ clientId: 'c', username: 'nOsUcHpRoJ/mqttZeta001', password: `${apiKey}/${basic.password}` }), 4],
    ['an unknown user MQTT id', (_z, p) => ({ clientId: 'c', username: `${p}/nOsUcHuSeR1`, password: `${apiKey}/${basic.password}` }), 4],
    ["another project's user with this project's key", (_z, p) => ({ clientId: 'c', username: `${p}/mqttOther01`, password: `${apiKey}/Other-dev-1` }), 4],
    ['no username or password', () => ({ clientId: 'c' }), 4],
    ['a disabled user, with its right password', (_z, p) => ({ clientId: 'c', username: `${p}/mqttAlpha01`, password: `${apiKey}/Alpha-pass-1` }), 5],
    ['a client id of 33 characters', (z) => ({ ...z.connect, clientId: 'x'.repeat(33) }), 2],
  ];
  for (const [what, fields, expected] of refusals) {
    it(`refuses ${what}: CONNACK ${expected}, the connection closed, the PUBLISH sent behind it not stored`, async () => {
      const { code, client } = await connackOf(fields(zeta, emu.projectMqttId(project)));
      assert.equal(code, expected);
      assert.equal(await client.next(), 'closed');
      noEvents();
      const record = emu.calls().find((c) => c.method === 'MQTT');
      assert.equal(record?.status, expected);
      assert.ok(record?.reason && !record.reason.includes(basic.password), 'the log says why, without the password');
    });
  }

  it('accepts a client id of exactly 32 characters', async () => {
    const { code } = await connackOf({ ...zeta.connect, clientId: 'é'.repeat(32) });
    assert.equal(code, 0);
  });

  it('refuses an MQTT 5 CONNECT with CONNACK 1 (unacceptable protocol version) and closes', async () => {
    const { code, client } = await connackOf({ ...zeta.connect, level: 5 });
    assert.equal(code, 1);
    assert.equal(await client.next(), 'closed');
    noEvents();
  });

  const closing: [string, (z: typeof zeta) => Buffer, RegExp][] = [
    ["another user's topic", (z) => publish(`0/${z.username.split('/')[0]}/mqttMid0001/dev`, '{"event_data": {"a": 1}}'), /is not 0\//],
    ['a topic that is not an event topic', (z) => publish(`1/${z.username}/dev/event`, '{"event_data": {"a": 1}}'), /is not 0\//],
    ['a payload that is not JSON', (z) => publish(`${z.topic}/dev`, 'temperature=21'), /not a JSON document/],
    ['a payload without event_data', (z) => publish(`${z.topic}/dev`, '{"t": 21}'), /unknown field "t"/],
    ['an event_data that is not an object', (z) => publish(`${z.topic}/dev`, '{"event_data": [1]}'), /event_data must be a JSON object/],
    ['observed_at without a time zone', (z) => publish(`${z.topic}/dev`, '{"event_data": {}, "observed_at": "2026-01-02T03:04:05"}'), /time zone/],
    ['an empty stream', (z) => publish(`${z.topic}/dev`, '{"event_data": {}, "stream": ""}'), /stream/],
    ['a packet over 64 KB + 4 KB', (z) => publish(`${z.topic}/dev`, JSON.stringify({ event_data: { s: 'x'.repeat(70_000) } })), /over the limit/],
  ];
  for (const [what, packet, reason] of closing) {
    it(`closes the connection on ${what}, with no PUBACK and nothing stored`, async () => {
      const client = await open();
      client.send(connect(zeta.connect));
      const ack = await client.next();
      assert.ok(ack !== 'closed' && ack.type === CONNACK && ack.body[1] === 0, 'connected');
      client.send(packet(zeta));
      assert.equal(await client.next(), 'closed');
      noEvents();
      const last = emu.calls().at(-1);
      assert.equal(last?.status, 'dropped');
      assert.match(last?.reason ?? '', reason);
    });
  }

  it('closes the connection of a user disabled after it connected at its next PUBLISH', async () => {
    const { client } = await connackOf(zeta.connect);
    await client.next(); // PUBACK of the first event
    emu.setDisabled(project, 'zeta', true);
    client.send(publish(`${zeta.topic}/dev`, '{"event_data": {"after": true}}'));
    assert.equal(await client.next(), 'closed');
    assert.deepEqual(emu.events(project, 'zeta').map((e) => e.eventData), [{ sneaked: true }]);
  });
});
