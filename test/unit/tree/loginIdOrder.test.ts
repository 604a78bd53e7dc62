import * as assert from 'node:assert/strict';
import { compareAscii, compareLoginIds, sortByLoginId } from '../../../src/tree/loginIdOrder';

/** The order the fast path must reproduce, as the collator gives it. */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const sign = (n: number) => Math.sign(n);

/** A seeded generator (mulberry32), so a failure names a pair that can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
/** Biased toward what makes natural order hard: digit runs with leading zeros, both cases, separators. */
const PIECES = ['0', '00', '007', '1', '9', '10', '99', '100', 'a', 'A', 'b', 'B', 'z', '-', '_', '.', '@', ' ', '/', '~'];

function randomLoginId(next: () => number): string {
  let s = '';
  const parts = Math.floor(next() * 6);
  for (let k = 0; k < parts; k++) {
    s += next() < 0.6 ? PIECES[Math.floor(next() * PIECES.length)] : PRINTABLE[Math.floor(next() * PRINTABLE.length)];
  }
  return s;
}

describe('login_id order', () => {
  it('orders naturally and without case: device-2 before device-10, A beside a', () => {
    const ids = ['device-10', 'Device-2', 'device-1', 'device-2', 'device-01a', 'b', 'A', 'a'];
    assert.deepEqual([...ids].sort(compareLoginIds), ['A', 'a', 'b', 'device-1', 'device-01a', 'Device-2', 'device-2', 'device-10']);
  });

  it('agrees with Intl.Collator (numeric, base) on 50,000 random pairs of printable-ASCII login_ids', () => {
    const next = random(20261123);
    for (let n = 0; n < 50_000; n++) {
      const a = randomLoginId(next);
      const b = randomLoginId(next);
      assert.equal(sign(compareAscii(a, b)), sign(collator.compare(a, b)), `compareAscii(${JSON.stringify(a)}, ${JSON.stringify(b)})`);
    }
  });

  it('agrees on every pair of single characters and on digit runs longer than ICU reads as numbers', () => {
    for (const a of PRINTABLE) for (const b of PRINTABLE) assert.equal(sign(compareAscii(a, b)), sign(collator.compare(a, b)), `${a} vs ${b}`);
    const long = (d: string) => `x${'1'.repeat(300)}${d}`;
    assert.equal(sign(compareAscii(long('2'), long('10'))), sign(collator.compare(long('2'), long('10'))));
  });

  it('sorts a list as the collator does, with the fast path and without it (a non-ASCII login_id)', () => {
    const next = random(7);
    const ascii = Array.from({ length: 2_000 }, () => ({ loginId: randomLoginId(next) }));
    const expected = (items: { loginId: string }[]) =>
      [...items].map((i) => i.loginId).sort((a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
    assert.deepEqual(sortByLoginId([...ascii]).map((i) => i.loginId), expected(ascii));
    const mixed = [...ascii, { loginId: 'ü@example.com' }, { loginId: 'u@example.com' }, { loginId: 'v@example.com' }];
    const sorted = sortByLoginId([...mixed]).map((i) => i.loginId);
    assert.deepEqual(sorted, expected(mixed));
    assert.ok(sorted.indexOf('ü@example.com') < sorted.indexOf('v@example.com'), 'ü sorts with u, not after z');
  });
});
