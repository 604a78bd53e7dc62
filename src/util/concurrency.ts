import { setMaxListeners } from 'node:events';
import type { ConcurrencyGate } from './adaptiveConcurrency';

/** Calls in flight at most: a fixed number, or a gate that decides as it goes (`AdaptiveConcurrency`). */
export type Concurrency = number | ConcurrencyGate;

/**
 * Runs `fn(0)`, `fn(1)`, … `fn(count - 1)`, started in that order, with at most `concurrency` in flight; stops
 * starting new ones once `signal` aborts (those started finish). Returns how many were started.
 */
export async function runPool(
  count: number,
  concurrency: Concurrency,
  fn: (index: number) => Promise<void>,
  signal?: AbortSignal,
): Promise<number> {
  const gate = typeof concurrency === 'number' ? undefined : concurrency;
  const width = Math.max(1, Math.min(gate ? gate.ceiling : (concurrency as number), count));
  // Every worker waiting for a place listens to the signal: up to 64 of them is not a leak.
  if (gate && signal) setMaxListeners(0, signal);
  let next = 0;
  const worker = async () => {
    while (next < count && !signal?.aborted) {
      const release = gate ? await gate.acquire(signal) : () => {};
      if (!release) return;
      if (next >= count) return release(false);
      const i = next++;
      try {
        await fn(i);
      } finally {
        release();
      }
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return next;
}

/**
 * Runs `fn` over `items` with at most `concurrency` calls in flight and returns the results in input order.
 * Small enough to own rather than add p-limit (ESM-only in its current major) for one loop.
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  concurrency: Concurrency,
  fn: (item: T, index: number) => Promise<R>,
  signal?: AbortSignal,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  await runPool(items.length, concurrency, async (i) => void (results[i] = await fn(items[i], i)), signal);
  return results;
}
