import * as assert from 'node:assert/strict';
import { mayHaveBeenApplied, type MediumOneError } from '../../../src/api/errors';
import { queryEvents, sendEvents } from '../../../src/api/events';
import { alice, apiKey, bob, business, faultScript, logins, makeClient, projectName, registration, rejectsWith, seen, useEmulator } from './fixture';

const statuses = (calls: { status: number | 'dropped' }[]) => calls.map((c) => c.status);
const oneEvent = [{ event_data: { probe: 1 } }];
const notResent = /The events may have been stored all the same; they were not sent again, so that none is stored twice\. Check the user's recent events before sending them again\.$/;

/** No error text holds a secret of the client's sign-in. */
function noSecret(e: MediumOneError): void {
  for (const text of [e.message, e.serverMessage ?? '']) {
    for (const secret of [business.password, registration.password, alice.password, apiKey]) assert.ok(!text.includes(secret), text);
  }
}

describe('api/events: lost answers and refusals', function () {
  const world = useEmulator();
  const held = (loginId = alice.loginId) => world.emulator.events(projectName, loginId, 'raw');
  const posts = () => statuses(seen(world.emulator, 'POST', '/v2/events/'));
  /** Resolves once the emulator has received an events POST (polled: the emulator runs in this process). */
  const arrived = async () => {
    while (seen(world.emulator, 'POST', '/v2/events/').length === 0) await new Promise((r) => setTimeout(r, 5));
  };
  beforeEach(() => world.emulator.configure({ eventsAnswers: undefined, disabledStatus: undefined }));

  describe('a POST of events is never repeated once it may have arrived', () => {
    it('dropped after the server stored it: reported as may have been applied, sent once, stored once', async () => {
      const logger = faultScript(world.emulator, { 'POST /v2/events/:stream/:id': ['dropAfter'] });
      const { client } = makeClient(world.emulator, { logger });
      const e = await rejectsWith(sendEvents(client, 'raw', alice.loginId, oneEvent), 'network');
      assert.ok(mayHaveBeenApplied(e));
      assert.match(e.message, /^Could not reach Medium One at .* to send events for "alice@example\.com": /);
      assert.match(e.message, notResent);
      assert.deepEqual(posts(), ['dropped']);
      assert.equal(held().length, 1, 'the server holds it once');
      noSecret(e);
    });

    it('dropped before the server stored it: the client cannot tell, so it still says "may have", and does not repeat', async () => {
      const logger = faultScript(world.emulator, { 'POST /v2/events/:stream/:id': ['drop'] });
      const { client } = makeClient(world.emulator, { logger });
      const e = await rejectsWith(sendEvents(client, 'raw', alice.loginId, oneEvent), 'network');
      assert.ok(mayHaveBeenApplied(e));
      assert.deepEqual(posts(), ['dropped']);
      assert.deepEqual(held(), []);
    });

    it('timed out: may have been applied, and not repeated', async () => {
      const { client, log } = makeClient(world.emulator, { timeoutMs: 200 });
      await client.login();
      world.emulator.configure({ faults: { latencyMs: 500 } });
      const e = await rejectsWith(sendEvents(client, 'raw', alice.loginId, oneEvent), 'timeout');
      assert.ok(mayHaveBeenApplied(e));
      assert.match(e.message, /^Medium One did not answer within 0\.2 s when asked to send events for "alice@example\.com"\. The events may/);
      // Settled: a repeat would have been sent before the rejection, and none was (no clock to wait on).
      assert.equal(seen(world.emulator, 'POST', '/v2/events/').length, 1, 'sent once');
      assert.equal(log.calls.filter((c) => c.method === 'POST' && c.path.startsWith('/v2/events/')).length, 1, 'tried once');
    });

    it('cancelled while in flight: may have been applied', async () => {
      const { client } = makeClient(world.emulator);
      await client.login();
      world.emulator.configure({ faults: { latencyMs: 300 } });
      const controller = new AbortController();
      // Cancelled once the server has the POST (not on a clock, which a loaded machine could beat either way).
      void arrived().then(() => controller.abort());
      const e = await rejectsWith(sendEvents(client, 'raw', alice.loginId, oneEvent, { signal: controller.signal }), 'cancelled');
      assert.ok(mayHaveBeenApplied(e));
      assert.equal(seen(world.emulator, 'POST', '/v2/events/').length, 1, 'sent once');
    });

    it('a garbled 200 is still a success (nothing to repeat): the count is unknown, the event stored once', async () => {
      const logger = faultScript(world.emulator, { 'POST /v2/events/:stream/:id': ['malformedJson'] });
      const { client } = makeClient(world.emulator, { logger });
      assert.deepEqual(await sendEvents(client, 'raw', alice.loginId, oneEvent), { status: 200 });
      assert.deepEqual(posts(), [200]);
      assert.equal(held().length, 1);
    });
  });

  describe('refusals that stored nothing are backed off and repeated like any call', () => {
    it('429 then 503 then accepted: stored exactly once', async () => {
      const logger = faultScript(world.emulator, { 'POST /v2/events/:stream/:id': ['status429', 'status503'] });
      const { client } = makeClient(world.emulator, { logger });
      assert.deepEqual(await sendEvents(client, 'raw', alice.loginId, oneEvent), { created: 1, status: 200 });
      assert.deepEqual(posts(), [429, 503, 200]);
      assert.equal(held().length, 1);
    });

    it('429 on every try: rate limited, and nothing "may have been applied"', async () => {
      world.emulator.configure({ faults: { routes: { 'POST /v2/events/:stream/:id': { status429: 1 } } } });
      const { client } = makeClient(world.emulator, { retry: { maxAttempts: 3 } });
      const e = await rejectsWith(sendEvents(client, 'raw', alice.loginId, oneEvent), 'rateLimited');
      assert.equal(mayHaveBeenApplied(e), false);
      assert.match(e.message, /Tried 3 times/);
      assert.deepEqual(posts(), [429, 429, 429]);
    });

    it('a 500 is not repeated: a POST of events may have been stored before the server failed', async () => {
      world.emulator.configure({ faults: { routes: { 'POST /v2/events/:stream/:id': { status500: 1 } } } });
      const { client } = makeClient(world.emulator);
      await rejectsWith(sendEvents(client, 'raw', alice.loginId, oneEvent), 'server');
      assert.deepEqual(posts(), [500]);
    });
  });

  describe('the server refuses', () => {
    it('events on behalf of a disabled user: the status, the server\'s words, sent once, nothing stored', async () => {
      const { client } = makeClient(world.emulator);
      const e = await rejectsWith(sendEvents(client, 'raw', bob.loginId, oneEvent), 'forbidden');
      assert.equal(e.status, 403);
      assert.match(e.serverMessage ?? '', /disabled/);
      assert.match(e.message, /^Medium One refused to send events for "bob" \(403 Forbidden\): .*disabled/);
      assert.equal(mayHaveBeenApplied(e), false);
      assert.deepEqual(posts(), [403]);
      assert.deepEqual(held(bob.loginId), []);
      noSecret(e);
    });

    it('a disabled user on a server that answers 400 with no body: the documented meaning stands in', async () => {
      world.emulator.useProfiles('errors-empty');
      world.emulator.configure({ disabledStatus: 400 });
      const { client } = makeClient(world.emulator);
      const e = await rejectsWith(sendEvents(client, 'raw', bob.loginId, oneEvent), 'badRequest');
      assert.equal(e.status, 400);
      assert.equal(e.serverMessage, undefined);
      assert.match(e.message, /\(400 Bad Request\): an event is missing its event_data, is malformed, or is over a limit/);
    });

    it('a server that answers 401 for a disabled user: one fresh sign-in, then a refusal with its words, no loop', async () => {
      world.emulator.configure({ disabledStatus: 401 });
      const { client } = makeClient(world.emulator);
      const e = await rejectsWith(sendEvents(client, 'raw', bob.loginId, oneEvent), 'unauthorized');
      assert.equal(e.status, 401);
      assert.match(e.serverMessage ?? '', /disabled/);
      assert.match(e.message, /^Medium One refused to send events for "bob" \(401 Unauthorized\): .*disabled/);
      assert.doesNotMatch(e.message, /password|API key|lock/, 'the credentials are not blamed');
      // The first 401 may be an ended session: one more sign-in, and the refusal on its first use is final.
      assert.equal(logins(world.emulator).length, 2);
      assert.deepEqual(posts(), [401, 401]);
      // The session is fine: the next call goes through without another sign-in.
      assert.deepEqual(await queryEvents(client, 'raw', alice.loginId), []);
      assert.equal(logins(world.emulator).length, 2);
      noSecret(e);
    });

    it('a Registration account: refused with 403, after one sign-in', async () => {
      const { client } = makeClient(world.emulator, { credentials: registration, role: 'registration' });
      const e = await rejectsWith(sendEvents(client, 'raw', alice.loginId, oneEvent), 'forbidden');
      assert.match(e.message, /^Medium One refused to send events for "alice@example\.com" \(403 Forbidden\)/);
      assert.equal(logins(world.emulator).length, 1);
      assert.deepEqual(held(), []);
      noSecret(e);
    });

    it('a Basic user naming another user: refused', async () => {
      const { client } = makeClient(world.emulator, { credentials: { loginId: alice.loginId, password: alice.password, apiKey }, role: 'basic' });
      await rejectsWith(sendEvents(client, 'raw', bob.loginId, oneEvent), 'forbidden');
      await rejectsWith(queryEvents(client, 'raw', bob.loginId), 'forbidden');
    });

    it('an unknown user: not found, and the server\'s words', async () => {
      const { client } = makeClient(world.emulator);
      const e = await rejectsWith(sendEvents(client, 'raw', 'nobody', oneEvent), 'notFound');
      assert.match(e.serverMessage ?? '', /nobody/);
    });
  });
});
