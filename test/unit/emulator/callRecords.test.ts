import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { emulatorPerTest, login, request, userPath } from './fixture';

// The call log is how tests outside the emulator (the fault campaign) tell a change applied from one refused, and
// which user a create made, without reading request bodies.
describe('emulator: call records', function () {
  const world = emulatorPerTest();

  it('name the user, whether the change was applied, and the fault injected, a lost answer included', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    await request(emu, 'POST', '/v2/users/', { cookie, body: { login_id: 'rec-1', password: 'Rec-pass-1' } });
    await request(emu, 'POST', '/v2/users/', { cookie, body: { login_id: 'rec-1', password: 'Rec-pass-1' } });
    emu.configure({ faults: { routes: { 'PATCH /v2/users/:id': { dropAfter: 1 } } } });
    await request(emu, 'PATCH', userPath('rec-1'), { cookie, body: { disabled: true } }).catch(() => undefined);
    emu.configure({ faults: { routes: { 'DELETE /v2/users/:id': { status503: 1 } } } });
    await request(emu, 'DELETE', userPath('rec-1'), { cookie });
    const seen = emu.calls().slice(1).map(({ method, status, loginId, applied, fault }) => ({ method, status, loginId, applied, fault }));
    assert.deepEqual(seen, [
      { method: 'POST', status: 200, loginId: 'rec-1', applied: true, fault: undefined },
      { method: 'POST', status: 403, loginId: undefined, applied: undefined, fault: undefined },
      { method: 'PATCH', status: 'dropped', loginId: 'rec-1', applied: true, fault: 'dropAfter' },
      { method: 'DELETE', status: 503, loginId: 'rec-1', applied: undefined, fault: 'status503' },
    ]);
    assert.equal(emu.getUser('Conformance', 'rec-1')?.disabled, true, 'the dropped PATCH was applied');
  });

  it('time each call on the clock of the process that runs the test, and keep the Retry-After a 429 or 503 sent', async () => {
    const emu = await world.start();
    const before = performance.now();
    const cookie = await login(emu);
    emu.configure({ faults: { routes: { 'GET /v2/users/:id': { status503: 1 } }, retryAfterSeconds: 2 } });
    await request(emu, 'GET', userPath('zeta'), { cookie });
    emu.configure({ faults: undefined, rateLimit: { requests: 1, windowMs: 3000 } });
    await request(emu, 'GET', '/v2/users', { cookie });
    await request(emu, 'GET', '/v2/users', { cookie });
    const after = performance.now();
    const calls = emu.calls();
    assert.deepEqual(calls.map((c) => [c.status, c.retryAfterSeconds]), [[200, undefined], [503, 2], [200, undefined], [429, 3]]);
    let last = before;
    for (const c of calls) {
      assert.ok(c.receivedAt >= last, `received in order, after the test began (${c.receivedAt} >= ${last})`);
      assert.ok(c.answeredAt !== undefined && c.answeredAt >= c.receivedAt && c.answeredAt <= after, 'answered after it arrived, before the test read it');
      last = c.answeredAt;
    }
  });
});
