// Small measuring helpers the sections share.
import { performance } from 'node:perf_hooks';

export async function timed(fn) {
  const start = performance.now();
  const out = await fn();
  return { ms: performance.now() - start, out };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export const round = (x, digits = 0) => +x.toFixed(digits);

/** How far a time is above (positive) or below (negative) its limit, in percent. */
export const percentOver = (ms, limitMs) => round(((ms - limitMs) / limitMs) * 100, 1);

export const MB = 1024 * 1024;
