import * as assert from 'node:assert/strict';
import { maxSessionRounds } from '../../../src/api/caller';
import { isMediumOneError } from '../../../src/api/errors';
import type { Credentials } from '../../../src/api/types';
import { alice, apiKey, bob, business, logins, makeClient, projectName, useEmulator } from './fixture';
import { plan, runPool } from './loadPlan';
import { watchLogins, type LoginWatch } from './loginWatch';

describe('api/client: sessions under load', function () {
  const world = useEmulator();
  let watch: LoginWatch | undefined;
  afterEach(async () => {
    await watch?.stop();
    watch = undefined;
  });

  async function underLoad(cookies: 'single' | 'several') {
    world.emulator.configure({ sessionMaxCalls: 3, cookies });
    watch = await watchLogins(world.emulator.url);
    const { client } = makeClient(world.emulator, { baseUrl: watch.url });
    const operations = plan(world.emulator, 50);
    world.emulator.clearCalls();

    const failures = await runPool(client, operations, 16);

    const refusals = failures.filter((e) => isMediumOneError(e, 'unauthorized'));
    assert.deepEqual(
      failures.map((e) => (e instanceof Error ? e.message : String(e))),
      [],
      `no operation failed (${refusals.length} of them claimed the account is not permitted)`,
    );
    for (const op of operations) op.check();
    const calls = world.emulator.calls();
    const met401 = calls.filter((c) => c.status === 401 && c.path !== '/v2/login').length;
    const signIns = logins(world.emulator);
    // GET, PATCH and DELETE each have their own user's path: the most 401s one operation met before it got through.
    const perPath = new Map<string, number>();
    for (const c of calls) if (c.status === 401 && c.method !== 'POST' && c.path.startsWith('/v2/users/')) perPath.set(c.path, (perPath.get(c.path) ?? 0) + 1);
    const worst = Math.max(...perPath.values());
    assert.ok(worst < maxSessionRounds / 2, `one operation met ${worst} 401s: the longest waiter is not served first`);
    assert.ok(met401 > 0, 'sessions did end under the calls');
    // Paced: a fresh session takes about as many calls as the last one served, not all 16 waiting calls.
    assert.ok(met401 < operations.length / 2, `${met401} 401s for ${operations.length} operations`);
    assert.ok(signIns.every((c) => c.status === 200), 'no login was refused');
    assert.equal(watch.maxConcurrentLogins, 1, 'never two logins at once');
    // Each session serves at most 3 calls, so 200 operations need at least 67 sessions; a login per call (or
    // worse) would mean sessions are thrown away before they are used up.
    assert.ok(signIns.length >= Math.ceil(operations.length / 3), `${signIns.length} logins`);
    assert.ok(signIns.length <= operations.length, `${signIns.length} logins for ${operations.length} operations`);
    if (process.env.API_LOAD_REPORT) {
      process.stdout.write(
        `      [cookies ${cookies}] ${operations.length} operations, 16 in flight: ${signIns.length} logins, ` +
          `${met401} 401s met (at most ${worst} by one operation), ${refusals.length} false refusals, ${calls.length} calls in all\n`,
      );
    }
  }

  it('sessions ending every 3 calls, 16 calls in flight, 200 mixed operations: no false refusal, exact final state', async () => {
    await underLoad('single');
  });

  it('the same with a session cookie and a token cookie that must both come back', async () => {
    await underLoad('several');
  });

  it('calls cancelled at every stage (waiting for a login, for a probe, in flight) never stall the others', async () => {
    world.emulator.configure({ sessionMaxCalls: 3 });
    const controllers = Array.from({ length: 64 }, () => new AbortController());
    let logged = 0;
    // Each logged try cancels one more of every fourth call, so cancellations land all through the run.
    const logger = { call: () => controllers[(logged++ * 4) % 64]?.abort() };
    const { client } = makeClient(world.emulator, { logger });
    const outcomes = await Promise.allSettled(controllers.map((c) => client.getUser(alice.loginId, { signal: c.signal })));
    outcomes.forEach((o, i) => {
      if (i % 4 !== 0) assert.equal(o.status, 'fulfilled', `call ${i}: ${o.status === 'rejected' ? String(o.reason) : ''}`);
      else assert.ok(o.status === 'fulfilled' || isMediumOneError(o.reason, 'cancelled'), `call ${i}`);
    });
    assert.ok(outcomes.some((o) => o.status === 'rejected'), 'some calls were cancelled');
  });

  it('a sign-in refused midway (password changed elsewhere) ends every waiting call with loginFailed, none hangs', async () => {
    world.emulator.configure({ sessionMaxCalls: 3 });
    watch = await watchLogins(world.emulator.url);
    let credentials: Credentials = business;
    let logged = 0;
    const logger = {
      call: () => {
        if (++logged === 12) credentials = { ...business, password: 'Changed-Elsewhere-1' };
      },
    };
    const { client } = makeClient(world.emulator, { baseUrl: watch.url, logger, credentials: () => credentials });
    const outcomes = await Promise.allSettled(Array.from({ length: 48 }, () => client.getUser(alice.loginId)));
    for (const o of outcomes) assert.ok(o.status === 'fulfilled' || isMediumOneError(o.reason, 'loginFailed'), String(o.status));
    assert.ok(outcomes.some((o) => o.status === 'rejected'), 'the refused sign-in was met');
    assert.equal(watch.loginStatuses.filter((s) => s !== 200).length, 1, 'the refused login was not repeated');
    assert.equal(watch.loginStatuses.at(-1), 401);
  });

  it('a refused login under load is tried once, and every call in flight is told', async () => {
    world.emulator.configure({ sessionMaxCalls: 3 });
    watch = await watchLogins(world.emulator.url);
    const { client } = makeClient(world.emulator, { baseUrl: watch.url, credentials: { ...business, password: 'Wrong-Pw-1' } });
    const outcomes = await Promise.allSettled(Array.from({ length: 16 }, () => client.getUser(alice.loginId)));
    for (const o of outcomes) assert.ok(o.status === 'rejected' && isMediumOneError(o.reason, 'loginFailed'));
    await Promise.allSettled(Array.from({ length: 16 }, () => client.deleteUser(bob.loginId)));
    assert.deepEqual(watch.loginStatuses, [401], 'one login, refused, never repeated on its own');
    assert.equal(world.emulator.calls().length, 1);
  });

  it('real refusals are still told under load, and permitted calls still go through', async () => {
    // A Basic user may read itself but not change another user: the server answers 401 to that PATCH.
    world.emulator.configure({ sessionMaxCalls: 3 });
    watch = await watchLogins(world.emulator.url);
    const basic: Credentials = { loginId: alice.loginId, password: alice.password, apiKey };
    const { client } = makeClient(world.emulator, { baseUrl: watch.url, credentials: basic });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 16 }, (_, i) =>
        i % 2 === 0 ? client.getUser(alice.loginId) : client.updateUser(bob.loginId, { disabled: false }),
      ),
    );
    outcomes.forEach((o, i) => {
      if (i % 2 === 0) assert.equal(o.status, 'fulfilled', `read ${i} went through`);
      else {
        assert.equal(o.status, 'rejected', `change ${i} was refused`);
        const e: unknown = o.status === 'rejected' ? o.reason : undefined;
        assert.ok(isMediumOneError(e, 'unauthorized'), `change ${i}: ${String(e)}`);
        assert.match(e.message, /not permitted/);
      }
    });
    assert.equal(world.emulator.getUser(projectName, bob.loginId)?.disabled, true, 'bob unchanged');
    assert.equal(watch.maxConcurrentLogins, 1, 'never two logins at once');
  });
});
