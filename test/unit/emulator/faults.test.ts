import * as assert from 'node:assert/strict';
import type { FaultConfig } from '../../../src/emulator/types';
import { business, cookieOf, emulatorPerTest, login, parse, project, request, sleep, statuses, untimed } from './fixture';
import { forEachProfile } from './forEachProfile';

const create = (login_id: string) => ({ login_id, password: 'Fault-pass-1' });

describe('emulator: rate limit', function () {
  const world = emulatorPerTest();

  it('429 with an integer Retry-After >= 1 over the limit, then answers again after the window', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    emu.configure({ rateLimit: { requests: 3, windowMs: 400 } });
    assert.deepEqual(await statuses(3, () => request(emu, 'GET', '/v2/users', { cookie })), [200, 200, 200]);
    const res = await request(emu, 'GET', '/v2/users', { cookie });
    assert.equal(res.status, 429);
    const retryAfter = String(res.headers['retry-after']);
    assert.match(retryAfter, /^\d+$/);
    assert.ok(Number(retryAfter) >= 1);
    assert.equal(emu.calls().at(-1)?.status, 429);
    await sleep(450);
    assert.equal((await request(emu, 'GET', '/v2/users', { cookie })).status, 200);
  });

  it('Retry-After counts the rest of a long window in whole seconds', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    emu.configure({ rateLimit: { requests: 1, windowMs: 5000 } });
    await request(emu, 'GET', '/v2/users', { cookie });
    const res = await request(emu, 'GET', '/v2/users', { cookie });
    assert.equal(res.status, 429);
    assert.equal(res.headers['retry-after'], '5');
  });

  it('keys per session: another session has its own budget; calls without a session share the address’s', async () => {
    const emu = await world.start();
    const first = await login(emu);
    const second = await login(emu);
    emu.configure({ rateLimit: { requests: 2, windowMs: 10_000 } });
    assert.deepEqual(await statuses(3, () => request(emu, 'GET', '/v2/users', { cookie: first })), [200, 200, 429]);
    assert.deepEqual(await statuses(3, () => request(emu, 'GET', '/v2/users', { cookie: second })), [200, 200, 429]);
    assert.deepEqual(await statuses(3, () => request(emu, 'POST', '/v2/login', { body: business })), [200, 200, 429]);
  });

  it('a 429 does not apply the call', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    emu.configure({ rateLimit: { requests: 1, windowMs: 10_000 } });
    await request(emu, 'GET', '/v2/users', { cookie });
    assert.equal((await request(emu, 'POST', '/v2/users/', { cookie, body: create('limited') })).status, 429);
    assert.equal(emu.getUser(project, 'limited'), undefined);
  });
});

describe('emulator: fault injection', function () {
  const world = emulatorPerTest();

  /** Logs in first (no faults), then sets the faults. */
  async function withFaults(faults: FaultConfig) {
    const emu = await world.start();
    const cookie = await login(emu);
    emu.configure({ faults });
    return { emu, cookie };
  }

  for (const kind of ['status429', 'status503'] as const) {
    const status = kind === 'status429' ? 429 : 503;
    it(`${kind}: ${status} with Retry-After when retryAfterSeconds is set, without it otherwise; nothing applied`, async () => {
      const { emu, cookie } = await withFaults({ routes: { 'POST /v2/users': { [kind]: 1 } }, retryAfterSeconds: 7 });
      const res = await request(emu, 'POST', '/v2/users/', { cookie, body: create('f1') });
      assert.equal(res.status, status);
      assert.equal(res.headers['retry-after'], '7');
      emu.configure({ faults: { routes: { 'POST /v2/users': { [kind]: 1 } } } });
      const bare = await request(emu, 'POST', '/v2/users/', { cookie, body: create('f1') });
      assert.equal(bare.status, status);
      assert.equal(bare.headers['retry-after'], undefined);
      assert.equal(emu.getUser(project, 'f1'), undefined);
    });
  }

  it('status500: 500, nothing applied, no Retry-After', async () => {
    const { emu, cookie } = await withFaults({ routes: { 'DELETE /v2/users/:id': { status500: 1 } }, retryAfterSeconds: 3 });
    const res = await request(emu, 'DELETE', '/v2/users/zeta', { cookie });
    assert.equal(res.status, 500);
    assert.equal(res.headers['retry-after'], undefined);
    assert.ok(emu.getUser(project, 'zeta'));
  });

  it('drop: the socket closes with no answer and the state is NOT changed', async () => {
    const { emu, cookie } = await withFaults({ routes: { 'POST /v2/users': { drop: 1 } } });
    await assert.rejects(request(emu, 'POST', '/v2/users/', { cookie, body: create('dropped') }), /socket hang up|ECONNRESET/);
    assert.equal(emu.getUser(project, 'dropped'), undefined);
    assert.deepEqual(untimed(emu.calls().at(-1)), { method: 'POST', path: '/v2/users/', status: 'dropped', project, fault: 'drop' });
  });

  it('dropAfter: the call is applied, then the socket closes with no answer', async () => {
    const { emu, cookie } = await withFaults({ routes: { 'POST /v2/users': { dropAfter: 1 }, 'DELETE /v2/users/:id': { dropAfter: 1 } } });
    await assert.rejects(request(emu, 'POST', '/v2/users/', { cookie, body: create('lost-answer') }), /socket hang up|ECONNRESET/);
    assert.ok(emu.getUser(project, 'lost-answer'));
    assert.ok(emu.checkPassword(project, 'lost-answer', 'Fault-pass-1'));
    await assert.rejects(request(emu, 'DELETE', '/v2/users/alpha', { cookie }), /socket hang up|ECONNRESET/);
    assert.equal(emu.getUser(project, 'alpha'), undefined);
    assert.equal(emu.calls().at(-1)?.status, 'dropped');
  });

  it('malformedJson: 200 with a JSON body that does not parse, and the call is applied', async () => {
    const { emu, cookie } = await withFaults({ routes: { 'POST /v2/users': { malformedJson: 1 }, 'PATCH /v2/users/:id': { malformedJson: 1 }, 'GET /v2/users': { malformedJson: 1 } } });
    const created = await request(emu, 'POST', '/v2/users/', { cookie, body: create('garbled') });
    assert.equal(created.status, 200);
    assert.match(String(created.headers['content-type']), /^application\/json/);
    assert.throws(() => parse(created), SyntaxError);
    assert.ok(emu.getUser(project, 'garbled'));
    const patched = await request(emu, 'PATCH', '/v2/users/zeta', { cookie, body: { disabled: true } });
    assert.equal(patched.status, 200);
    assert.throws(() => parse(patched), SyntaxError);
    assert.equal(emu.getUser(project, 'zeta')?.disabled, true);
    const listed = await request(emu, 'GET', '/v2/users', { cookie });
    assert.equal(listed.status, 200);
    assert.throws(() => parse(listed), SyntaxError);
  });

  it('malformedJson on login: the body `true` is cut, the cookie still works', async () => {
    const emu = await world.start({ faults: { routes: { 'POST /v2/login': { malformedJson: 1 } } } });
    const res = await request(emu, 'POST', '/v2/login', { body: business });
    assert.equal(res.status, 200);
    assert.throws(() => parse(res), SyntaxError);
    assert.equal((await request(emu, 'GET', '/v2/users', { cookie: cookieOf(res) })).status, 200);
  });

  it('a fault on one route leaves the others alone', async () => {
    const { emu, cookie } = await withFaults({ routes: { 'GET /v2/users/:id': { status500: 1 } } });
    assert.equal((await request(emu, 'GET', '/v2/users/zeta', { cookie })).status, 500);
    assert.equal((await request(emu, 'GET', '/v2/users', { cookie })).status, 200);
  });

  it("the '*' table applies to every route; a route's own entry overrides it", async () => {
    const emu = await world.start({ faults: { routes: { '*': { status500: 1 }, 'POST /v2/login': { status500: 0 } } } });
    const cookie = await login(emu);
    assert.equal((await request(emu, 'GET', '/v2/users', { cookie })).status, 500);
    assert.equal((await request(emu, 'GET', '/v2/users/zeta', { cookie })).status, 500);
    assert.equal((await request(emu, 'PATCH', '/v2/users/zeta', { cookie, body: { disabled: true } })).status, 500);
    assert.equal((await request(emu, 'DELETE', '/v2/users/zeta', { cookie })).status, 500);
    assert.equal((await request(emu, 'POST', '/v2/users/', { cookie, body: create('star') })).status, 500);
    assert.deepEqual(emu.getUser(project, 'zeta')?.disabled, false);
    assert.equal(emu.getUser(project, 'star'), undefined);
    emu.configure({ faults: undefined });
    assert.equal((await request(emu, 'GET', '/v2/users', { cookie })).status, 200);
  });

  it('latency adds at least its fixed part to every API answer', async () => {
    const emu = await world.start();
    const cookie = await login(emu);
    const quick = await request(emu, 'GET', '/v2/users', { cookie });
    emu.configure({ faults: { latencyMs: 150, jitterMs: 50 } });
    const slow = await request(emu, 'GET', '/v2/users', { cookie });
    assert.equal(slow.status, 200);
    assert.ok(slow.ms >= 140, `took ${slow.ms} ms`);
    assert.ok(slow.ms >= quick.ms + 100, `took ${slow.ms} ms against ${quick.ms} ms`);
  });

  describe('seeded randomness', function () {
    const faults: FaultConfig = { routes: { 'GET /v2/users/:id': { status500: 0.3, status503: 0.2, drop: 0.1 } }, randomSeed: 1234 };
    const run = async (emu: Awaited<ReturnType<typeof world.start>>, cookie: string) =>
      statuses(30, () => request(emu, 'GET', '/v2/users/zeta', { cookie }));

    it('the same seed gives the same sequence of statuses, on a fresh emulator and after re-configuring', async () => {
      const a = await world.start({ faults });
      const b = await world.start({ faults });
      // Log in under the same draws on both (the login route has no faults, but draws from the PRNG too).
      const first = await run(a, await login(a));
      const second = await run(b, await login(b));
      assert.deepEqual(second, first);
      assert.ok(new Set(first).size >= 3, `a seed that shows several outcomes: ${first.join(',')}`);
      const cookie = await login(a);
      a.configure({ faults });
      const third = await run(a, cookie);
      const cookieB = await login(b);
      b.configure({ faults });
      const fourth = await run(b, cookieB);
      assert.deepEqual(fourth, third);
    });

    it('another seed gives another sequence', async () => {
      const a = await world.start({ faults });
      const b = await world.start({ faults: { ...faults, randomSeed: 99 } });
      assert.notDeepEqual(await run(b, await login(b)), await run(a, await login(a)));
    });
  });
});

describe('emulator: 429 and 503 answers per profile', function () {
  forEachProfile((p) => {
    const says = p.retryAfter ? 'with Retry-After' : 'never with Retry-After';

    it(`the rate limit's 429: ${says}; the body in the profile's error shape`, async () => {
      const emu = await p.start({ rateLimit: { requests: 1, windowMs: 60_000 } });
      const cookie = await p.login(emu);
      assert.equal((await p.request(emu, 'GET', '/v2/users/zeta', { cookie })).status, 200);
      const res = await p.request(emu, 'GET', '/v2/users/zeta', { cookie });
      p.error(res, 429, /too many requests/i);
      assert.equal(res.headers['retry-after'], p.retryAfter ? '60' : undefined);
    });

    for (const [kind, status] of [['status429', 429], ['status503', 503], ['status500', 500]] as const) {
      it(`an injected ${status}${status === 500 ? ': never Retry-After' : `: ${says} (retryAfterSeconds 2)`}; the body in the profile's error shape; nothing applied`, async () => {
        const emu = await p.start();
        const cookie = await p.login(emu);
        emu.configure({ faults: { routes: { 'PATCH /v2/users/:id': { [kind]: 1 } }, retryAfterSeconds: 2 } });
        const res = await p.request(emu, 'PATCH', '/v2/users/zeta', { cookie, body: { disabled: true } });
        p.error(res, status, /too many|unavailable|internal/i);
        assert.equal(res.headers['retry-after'], p.retryAfter && status !== 500 ? '2' : undefined);
        assert.equal(emu.getUser(project, 'zeta')?.disabled, false);
      });
    }
  });
});
