import * as assert from 'node:assert/strict';
import { isMediumOneError } from '../../../src/api/errors';
import { backoffDelayMs, defaultRetryPolicy, parseRetryAfter, retryPolicy, sleep } from '../../../src/api/retry';

describe('api/retry', () => {
  it('defaults to 4 tries, 250 ms base, 10 s cap', () => {
    assert.deepEqual(defaultRetryPolicy, { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 10_000 });
    assert.deepEqual(retryPolicy({ maxAttempts: 0 }), { ...defaultRetryPolicy, maxAttempts: 1 });
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    assert.equal(parseRetryAfter('3', now), 3000);
    assert.equal(parseRetryAfter(' 0 ', now), 0);
    assert.equal(parseRetryAfter('Tue, 01 Jan 2030 00:00:05 GMT', now), 5000);
    assert.equal(parseRetryAfter('Mon, 31 Dec 2029 00:00:00 GMT', now), 0, 'a date in the past means now');
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(undefined, now), undefined);
  });

  it('honours Retry-After but caps it at maxDelayMs', () => {
    const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 2000 };
    assert.equal(backoffDelayMs(1, policy, () => 0.5, 1500), 1500);
    assert.equal(backoffDelayMs(1, policy, () => 0.5, 3_600_000), 2000);
  });

  it('backs off exponentially with full jitter under the cap', () => {
    const policy = { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 1000 };
    assert.equal(backoffDelayMs(1, policy, () => 0.999), 99);
    assert.equal(backoffDelayMs(3, policy, () => 0.999), 399);
    assert.equal(backoffDelayMs(8, policy, () => 0.999), 999, 'capped');
    assert.equal(backoffDelayMs(3, policy, () => 0), 0, 'full jitter reaches zero');
  });

  it('sleeps, and ends early with cancelled when aborted', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 10);
    await assert.rejects(sleep(5000, controller.signal, 'GET', '/v2/users'), (e) => isMediumOneError(e, 'cancelled'));
    assert.ok(Date.now() - started < 1000);
    await sleep(1, undefined, 'GET', '/');
  });
});
