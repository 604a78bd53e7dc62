import type { FaultConfig, FaultKind, RouteKey } from './types';

/** mulberry32: a tiny seeded PRNG, so a fault pattern can be replayed exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ORDER: FaultKind[] = ['status429', 'status500', 'status503', 'drop', 'dropAfter', 'malformedJson'];

/** Draws latency and at most one fault per call, from the route's own table and the `*` table. */
export class FaultInjector {
  private random: () => number = Math.random;
  private config: FaultConfig = {};

  configure(config: FaultConfig | undefined): void {
    this.config = config ?? {};
    this.random = config?.randomSeed !== undefined ? seededRandom(config.randomSeed) : Math.random;
  }

  get retryAfterSeconds(): number | undefined {
    return this.config.retryAfterSeconds;
  }

  latencyMs(): number {
    const { latencyMs = 0, jitterMs = 0 } = this.config;
    return latencyMs + (jitterMs > 0 ? this.random() * jitterMs : 0);
  }

  draw(route: RouteKey): FaultKind | undefined {
    const table = { ...this.config.routes?.['*'], ...this.config.routes?.[route] };
    let r = this.random();
    for (const kind of ORDER) {
      const p = table[kind] ?? 0;
      if (r < p) return kind;
      r -= p;
    }
    return undefined;
  }
}
