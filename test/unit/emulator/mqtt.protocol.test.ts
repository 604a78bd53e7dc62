// The emulator's MQTT broker as a TCP peer: packets however the stream cuts them, protocol violations, and the
// broker's life with the emulator's.
import * as assert from 'node:assert/strict';
import type { Emulator } from '../../../src/emulator/types';
import { apiKey, basic, emulatorPerTest, project } from './fixture';
import { connect, frame, publish, TestClient } from './mqttClient';

describe('Emulator MQTT broker: framing and lifetime', () => {
  const emulators = emulatorPerTest();
  let emu: Emulator;
  let username: string;
  const clients: TestClient[] = [];

  beforeEach(async () => {
    emu = await emulators.start({ mqtt: { port: 0 } });
    username = `${emu.projectMqttId(project)}/mqttZeta001`;
  });
  afterEach(() => clients.splice(0).forEach((c) => c.end()));

  async function open(): Promise<TestClient> {
    const client = await TestClient.open(emu.mqttPort ?? 0);
    clients.push(client);
    return client;
  }
  const hello = () => connect({ clientId: username, username, password: `${apiKey}/${basic.password}` });

  it('reads CONNECT and a PUBLISH with a two-byte remaining length sent one byte per TCP segment', async () => {
    const client = await open();
    client.socket.setNoDelay(true);
    const note = 'n'.repeat(300);
    const event = publish(`0/${username}/dev`, JSON.stringify({ event_data: { note } }), 1, 513);
    assert.ok(event[1] & 0x80, 'the PUBLISH needs more than one length byte');
    for (const byte of Buffer.concat([hello(), event])) {
      client.send(Buffer.from([byte]));
      await new Promise((r) => setImmediate(r));
    }
    assert.deepEqual(await client.next(), { type: 2, flags: 0, body: Buffer.from([0, 0]) });
    assert.deepEqual(await client.next(), { type: 4, flags: 0, body: Buffer.from([2, 1]) });
    assert.deepEqual(emu.events(project, 'zeta').map((e) => e.eventData), [{ note }]);
  });

  it('reads several packets arriving in one chunk, and a packet cut across two chunks', async () => {
    const client = await open();
    const first = publish(`0/${username}/dev`, '{"event_data": {"n": 1}}', 1, 1);
    const second = publish(`0/${username}/dev`, '{"event_data": {"n": 2}}', 1, 2);
    client.send(hello(), first, second.subarray(0, 5));
    // The broker has read that chunk (it answered the whole packets in it) before the rest of the cut one is sent.
    const answers = [await client.next(), await client.next()];
    client.send(second.subarray(5));
    answers.push(await client.next());
    assert.deepEqual(answers.map((a) => a !== 'closed' && [a.type, ...a.body]), [[2, 0, 0], [4, 0, 1], [4, 0, 2]]);
    assert.deepEqual(emu.events(project, 'zeta').map((e) => e.eventData), [{ n: 1 }, { n: 2 }]);
  });

  const violations: [string, () => Buffer[]][] = [
    ['a PUBLISH before CONNECT', () => [publish(`0/${username}/dev`, '{"event_data": {}}')]],
    ['a second CONNECT', () => [hello(), hello()]],
    ['a QoS 2 PUBLISH', () => [hello(), frame(0x34, publish(`0/${username}/dev`, '{"event_data": {}}').subarray(2))]],
    ['a topic with a wildcard', () => [hello(), publish(`0/${username}/+`, '{"event_data": {}}')]],
    ['a remaining length of five bytes', () => [hello(), Buffer.from([0x30, 0xff, 0xff, 0xff, 0xff, 0x01])]],
    ['a CONNECT with the reserved flag set', () => [frame(0x10, Buffer.concat([hello().subarray(2, 9), Buffer.from([0x03, 0, 60, 0, 1, 0x63])]))]],
  ];
  for (const [what, packets] of violations) {
    it(`closes the connection on ${what}, storing nothing`, async () => {
      const client = await open();
      client.send(...packets());
      await client.whenClosed();
      assert.deepEqual(emu.events(project, 'zeta'), []);
      assert.equal(emu.calls().at(-1)?.status, 'dropped');
    });
  }

  it('ends on DISCONNECT', async () => {
    const client = await open();
    client.send(hello(), Buffer.from([0xe0, 0]));
    await client.whenClosed();
    assert.equal(emu.calls().filter((c) => c.method === 'MQTT').length, 1, 'only the CONNECT is logged');
  });

  it('stop() closes the broker and its open connections; without the mqtt option there is no broker', async () => {
    const client = await open();
    client.send(hello());
    assert.notEqual(await client.next(), 'closed');
    const port = emu.mqttPort ?? 0;
    await emu.stop();
    await client.whenClosed();
    await assert.rejects(TestClient.open(port), /ECONNREFUSED/);
    const plain = await emulators.start();
    assert.equal(plain.mqttPort, undefined);
  });
});
