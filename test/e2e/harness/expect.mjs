// Waiting assertions for scenarios (playwright-core has no `expect`). Each failure message says what was awaited.
import assert from 'node:assert/strict';

const DEFAULT_TIMEOUT_MS = 15_000;

/** Retries `fn` until it stops throwing (or returns without throwing) within the timeout; returns its value. */
export async function eventually(fn, { timeoutMs = DEFAULT_TIMEOUT_MS, intervalMs = 200, message } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      lastError = e;
    }
    if (Date.now() >= deadline) break;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  const why = lastError instanceof Error ? lastError.message : String(lastError);
  throw new Error(message ? `${message} (after ${timeoutMs} ms): ${why}` : why, { cause: lastError });
}

/** @param {import('playwright-core').Locator} locator */
export async function expectVisible(locator, what, timeoutMs = DEFAULT_TIMEOUT_MS) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: timeoutMs });
  } catch (e) {
    throw new Error(`expected ${what} to be visible within ${timeoutMs} ms`, { cause: e });
  }
}

/** @param {import('playwright-core').Locator} locator */
export async function expectHidden(locator, what, timeoutMs = DEFAULT_TIMEOUT_MS) {
  try {
    await locator.first().waitFor({ state: 'hidden', timeout: timeoutMs });
  } catch (e) {
    throw new Error(`expected ${what} to disappear within ${timeoutMs} ms`, { cause: e });
  }
}

/** Waits until the locator's inner text matches (string = equal after trimming, RegExp = test). */
export async function expectText(locator, expected, what, timeoutMs = DEFAULT_TIMEOUT_MS) {
  await eventually(
    async () => {
      const text = (await locator.first().innerText({ timeout: 1_000 })).trim();
      if (expected instanceof RegExp) assert.match(text, expected);
      else assert.equal(text, expected);
    },
    { timeoutMs, message: `${what} text` },
  );
}

/** Waits until `await actual()` deep-equals `expected`. */
export async function expectEventually(actual, expected, what, timeoutMs = DEFAULT_TIMEOUT_MS) {
  await eventually(async () => assert.deepEqual(await actual(), expected), { timeoutMs, message: what });
}
