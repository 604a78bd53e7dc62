/**
 * The order of users in the tree: natural ("device-2" before "device-10"), ignoring case, the same in every UI
 * language (login_ids are identifiers, so a locale's letter rules, such as Czech "ch" after "h", do not apply).
 *
 * One `Intl.Collator`, created once: its compare is native code, so it costs the same on the first expansion of a
 * big project as on the hundredth. (A hand-written comparison for ASCII login_ids was tried: twice as fast once the
 * JIT had warmed up, but more than twice as slow on the first sort of 10,000, which is the one a user waits for.)
 */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Natural, case-insensitive; strings the collator finds equal ("A" and "a", "01" and "1") in code-unit order. */
export const compareLoginIds = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/** Sorts in place by login_id. */
export const sortByLoginId = <T extends { loginId: string }>(items: T[]): T[] => items.sort((x, y) => compareLoginIds(x.loginId, y.loginId));
