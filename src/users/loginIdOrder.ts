/**
 * The order of users in the tree: natural ("device-2" before "device-10"), ignoring case, the same in every UI
 * language (login_ids are identifiers, so a locale's letter rules, such as Czech "ch" after "h", do not apply).
 *
 * One `Intl.Collator`, created once, is the definition. Sorting 100,000 login_ids with it takes about a second
 * (1.7 million native compares), so `sortByLoginId` computes a sort key once per printable-ASCII login_id whose
 * code-unit order is the collator's, and radix-sorts the keys; other login_ids are sorted with the collator and
 * merged in. The unit tests hold the keys to the collator.
 */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Natural, case-insensitive; strings the collator finds equal ("A" and "a", "01" and "1") in code-unit order. */
export const compareLoginIds = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

const FIRST = 0x21;
/** Each printable ASCII character's primary rank under the collator ("A" and "a" share one), as a key character. */
const RANK = new Uint16Array(128);
{
  const chars = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).sort((a, b) => collator.compare(a, b));
  let rank = FIRST;
  chars.forEach((ch, i) => {
    if (i > 0 && collator.compare(chars[i - 1], ch) !== 0) rank++;
    RANK[ch.charCodeAt(0)] = rank;
  });
}
const DIGIT_RANK = RANK[48];
/** Longer digit runs are left to the collator (it splits very long numbers its own way). */
const MAX_DIGITS = 200;

/** The key of `loginId` as code units from `at` in `out` (room for 3 per character needed); the end, or -1 when not printable ASCII. */
function writeKey(loginId: string, out: Uint16Array, at: number): number {
  const n = loginId.length;
  for (let i = 0; i < n; i++) {
    const c = loginId.charCodeAt(i);
    if (c < 32 || c > 126) return -1;
    if (c < 48 || c > 57) {
      out[at++] = RANK[c];
      continue;
    }
    // A run of digits is one number: the digits' rank, its length without leading zeros, then the digits.
    let start = i;
    while (start < n && loginId.charCodeAt(start) === 48) start++;
    let end = start;
    while (end < n && loginId.charCodeAt(end) >= 48 && loginId.charCodeAt(end) <= 57) end++;
    if (start === end) start = end - 1; // all zeros: the number 0
    if (end - start > MAX_DIGITS) return -1;
    out[at++] = DIGIT_RANK;
    out[at++] = FIRST + end - start;
    for (let d = start; d < end; d++) out[at++] = loginId.charCodeAt(d);
    i = end - 1;
  }
  return at;
}

/** A key whose code-unit order is the collator's, or undefined when the login_id is not printable ASCII. */
export function sortKey(loginId: string): string | undefined {
  const out = new Uint16Array(3 * loginId.length);
  const end = writeKey(loginId, out, 0);
  return end < 0 ? undefined : String.fromCharCode(...out.subarray(0, end));
}

/** Every key in one array of code units, `start[i]` to `start[i] + length[i]`: no string per key, nothing for the GC. */
interface Keys {
  codes: Uint16Array;
  start: Int32Array;
  length: Int32Array;
  ids: string[];
}

/** Sorts in place by login_id, in `compareLoginIds` order. */
export function sortByLoginId<T extends { loginId: string }>(items: T[]): T[] {
  const n = items.length;
  const keys: Keys = { codes: new Uint16Array(Math.max(64, n * 24)), start: new Int32Array(n), length: new Int32Array(n), ids: new Array<string>(n) };
  const keyed = new Int32Array(n);
  let count = 0;
  let at = 0;
  const others: T[] = [];
  for (let i = 0; i < n; i++) {
    const id = items[i].loginId;
    if (at + 3 * id.length > keys.codes.length) {
      const grown = new Uint16Array(2 * (at + 3 * id.length));
      grown.set(keys.codes.subarray(0, at));
      keys.codes = grown;
    }
    const end = writeKey(id, keys.codes, at);
    if (end < 0) {
      others.push(items[i]);
      continue;
    }
    keys.start[i] = at;
    keys.length[i] = end - at;
    keys.ids[i] = id;
    keyed[count++] = i;
    at = end;
  }
  const order = keyed.subarray(0, count);
  radixSort(keys, order, new Int32Array(count), 0, count, 0);
  const sorted = Array.from(order, (i) => items[i]);
  others.sort((a, b) => compareLoginIds(a.loginId, b.loginId));
  let a = 0;
  let b = 0;
  for (let i = 0; i < n; i++) {
    items[i] = b >= others.length || (a < sorted.length && compareLoginIds(sorted[a].loginId, others[b].loginId) < 0) ? sorted[a++] : others[b++];
  }
  return items;
}

/** Inserts an item where `sortByLoginId` would put it: one row added to 100,000 costs a binary search, not a sort. */
export function insertByLoginId<T extends { loginId: string }>(items: T[], item: T): void {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareLoginIds(items[mid].loginId, item.loginId) < 0) lo = mid + 1;
    else hi = mid;
  }
  items.splice(lo, 0, item);
}

const SMALL = 24;

/** Key order from `depth` on (the characters before it are equal), then code-unit order of the login_ids. */
function compareKeys(k: Keys, x: number, y: number, depth: number): number {
  const lx = k.length[x];
  const ly = k.length[y];
  for (let d = depth; d < lx && d < ly; d++) {
    const diff = k.codes[k.start[x] + d] - k.codes[k.start[y] + d];
    if (diff !== 0) return diff;
  }
  if (lx !== ly) return lx - ly;
  return k.ids[x] < k.ids[y] ? -1 : k.ids[x] > k.ids[y] ? 1 : 0;
}

/** MSD radix sort of `order[lo, hi)` (indexes of keys) by the keys' code units from `depth` on. */
function radixSort(k: Keys, order: Int32Array, buffer: Int32Array, lo: number, hi: number, depth: number): void {
  if (hi - lo <= SMALL) {
    for (let i = lo + 1; i < hi; i++) {
      const item = order[i];
      let j = i - 1;
      for (; j >= lo && compareKeys(k, order[j], item, depth) > 0; j--) order[j + 1] = order[j];
      order[j + 1] = item;
    }
    return;
  }
  // Bucket 0: keys that end here; bucket c + 1: keys whose code unit at `depth` is c (all are below 256).
  const { codes, start, length } = k;
  const bucket = new Uint16Array(hi - lo);
  const starts = new Int32Array(258);
  for (let i = lo; i < hi; i++) {
    const at = order[i];
    const b = depth < length[at] ? codes[start[at] + depth] + 1 : 0;
    bucket[i - lo] = b;
    starts[b + 1]++;
  }
  // All alike at this depth (a common prefix such as "device-"): nothing to move, on to the next code unit.
  const first = bucket[0];
  if (first !== 0 && starts[first + 1] === hi - lo) {
    radixSort(k, order, buffer, lo, hi, depth + 1);
    return;
  }
  for (let c = 1; c < 258; c++) starts[c] += starts[c - 1];
  const next = starts.slice(0, 257);
  for (let i = lo; i < hi; i++) buffer[lo + next[bucket[i - lo]]++] = order[i];
  order.set(buffer.subarray(lo, hi), lo);
  // Keys that ended here are equal: their login_ids in code-unit order.
  if (starts[1] > 1) order.subarray(lo, lo + starts[1]).sort((x, y) => compareKeys(k, x, y, depth));
  for (let c = 1; c < 257; c++) {
    if (starts[c + 1] - starts[c] > 1) radixSort(k, order, buffer, lo + starts[c], lo + starts[c + 1], depth + 1);
  }
}

