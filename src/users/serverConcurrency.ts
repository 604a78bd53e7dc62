import type { MediumOneClient } from '../api/client';
import { AdaptiveConcurrency } from '../util/adaptiveConcurrency';

/**
 * The ceiling of `mediumOne.concurrency: "auto"`. The benchmark's bar is "within 15 % of max(N × RTT ÷ ceiling,
 * N ÷ rate)", so the ceiling trades speed on a far server for how close a run comes to that bar: 24 in flight at
 * 300 ms is 80 calls a second, just under a 100-per-second limit even when a round trip's calls arrive together,
 * so a far server is not pushed into a limit whose 429s cost a whole Retry-After second each; near servers meet
 * their rate limit long before 24 (at 20 ms, 24 in flight is 1,200 calls a second). 24 connections is also a
 * modest load for one editor to put on a server. A higher ceiling mostly buys speed where no limit exists.
 */
export const DEFAULT_CEILING = 24;

/** "auto", or a number of calls 1–64 (before issue 12 it was a fixed count 1–32: such values are ceilings now). */
export function concurrencyCeiling(value: unknown): number {
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? Math.min(64, Math.max(1, Math.round(n))) : DEFAULT_CEILING;
}

const byClient = new WeakMap<MediumOneClient, AdaptiveConcurrency>();

/**
 * The adaptive controller of the server this client speaks to, with `ceiling` (the `mediumOne.concurrency`
 * setting, read on each use). One per client: a bulk run and the tree's state reads on one project share what it
 * learned, and one Retry-After holds them both.
 */
export function concurrencyFor(client: MediumOneClient, ceiling: number = DEFAULT_CEILING): AdaptiveConcurrency {
  let controller = byClient.get(client);
  if (controller) {
    controller.setCeiling(ceiling);
    return controller;
  }
  controller = new AdaptiveConcurrency({ ceiling });
  // Every try of this client, sign-ins and Retry Failed's checks included, feeds it and waits on its holds.
  client.observe(controller);
  controller.observing();
  byClient.set(client, controller);
  return controller;
}
