import type { RateLimitConfig } from './types';

/** A fixed-window counter per client (session cookie, or remote address before login). */
export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(private config?: RateLimitConfig) {}

  configure(config: RateLimitConfig | undefined): void {
    this.config = config;
    this.windows.clear();
  }

  /** Seconds to wait when over the limit (at least 1), else undefined. */
  check(key: string, now = Date.now()): number | undefined {
    if (!this.config) return undefined;
    const { requests, windowMs } = this.config;
    let w = this.windows.get(key);
    if (!w || now - w.start >= windowMs) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count += 1;
    if (w.count <= requests) return undefined;
    return Math.max(1, Math.ceil((w.start + windowMs - now) / 1000));
  }
}
