// A client that gives up (its timeout, or a cancel) while the emulator is still in its injected latency: the
// call must end in the call log as dropped, and nothing it sent may be stored. A fault campaign that counts
// answered calls, or a test that waits for answeredAt, would otherwise wait forever.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { CallRecord, Emulator } from '../../../src/emulator/types';
import { emulatorPerTest, login, sleep } from './fixture';
import { eventsPath, held, lines } from './eventsFixture';

/**
 * POSTs `body` and destroys the request after `timeoutMs` without an answer; resolves with how it ended.
 * With `declaredBytes` over the body's length, the body is left unfinished (the server waits for the rest).
 */
function postGivingUp(emu: Emulator, cookie: string, path: string, body: string, timeoutMs: number, declaredBytes = Buffer.byteLength(body)): Promise<'answered' | 'gave up'> {
  return new Promise((resolve) => {
    const headers = { 'Content-Type': 'application/json', 'Content-Length': declaredBytes, Cookie: cookie };
    const req = http.request({ host: '127.0.0.1', port: emu.port, method: 'POST', path, headers, agent: false }, (res) => {
      res.resume();
      resolve('answered');
    });
    req.setTimeout(timeoutMs, () => {
      req.destroy();
      resolve('gave up');
    });
    req.on('error', () => resolve('gave up'));
    if (declaredBytes > Buffer.byteLength(body)) req.write(body);
    else req.end(body);
  });
}

/** Polls (every 20 ms, at most `ms`) until the call log's last record has an answer time. */
async function lastCallEnded(emu: Emulator, ms: number): Promise<CallRecord | undefined> {
  const deadline = Date.now() + ms;
  for (;;) {
    const last = emu.calls().at(-1);
    if (last?.answeredAt !== undefined || Date.now() > deadline) return last;
    await sleep(20);
  }
}

describe('emulator: a client that goes away before an events POST is answered', function () {
  const world = emulatorPerTest();

  it('the call ends as dropped, with an answer time, and no event is stored', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    emu.configure({ faults: { latencyMs: 500 } });
    const ended = await postGivingUp(emu, cookie, eventsPath('raw', 'zeta'), lines({ event_data: { t: 1 } }), 200);
    assert.equal(ended, 'gave up');
    const last = await lastCallEnded(emu, 3000);
    assert.equal(last?.path, eventsPath('raw', 'zeta'));
    assert.equal(last?.status, 'dropped', `the call log's last record: ${JSON.stringify(last)}`);
    assert.notEqual(last?.answeredAt, undefined);
    assert.equal(last?.applied, undefined);
    assert.deepEqual(held(emu, 'zeta'), []);
  });

  it('a client that goes away while its body is being read: dropped, nothing stored', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    const ended = await postGivingUp(emu, cookie, eventsPath('raw', 'zeta'), lines({ event_data: { t: 3 } }), 200, 10_000);
    assert.equal(ended, 'gave up');
    const last = await lastCallEnded(emu, 3000);
    assert.equal(last?.status, 'dropped', `the call log's last record: ${JSON.stringify(last)}`);
    assert.deepEqual(held(emu, 'zeta'), []);
  });

  it('a client that stays is still answered after the latency (the check does not drop live calls)', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    emu.configure({ faults: { latencyMs: 300 } });
    const ended = await postGivingUp(emu, cookie, eventsPath('raw', 'zeta'), lines({ event_data: { t: 2 } }), 3000);
    assert.equal(ended, 'answered');
    assert.equal(emu.calls().at(-1)?.status, 200);
    assert.equal(held(emu, 'zeta').length, 1);
  });
});
