import type { UserEntry, UserState } from './userEntry';

/** The view's filter: a login_id substring (case-insensitive) and/or a set of states. */
export interface UserFilter {
  text?: string;
  states?: UserState[];
}

export const isActive = (f: UserFilter) => Boolean(f.text) || Boolean(f.states?.length);

/** The login_id part of the filter only. */
export const matchesText = (filter: UserFilter, entry: UserEntry): boolean =>
  !filter.text || entry.loginId.toLowerCase().includes(filter.text.toLowerCase());

export function matches(filter: UserFilter, entry: UserEntry): boolean {
  if (!matchesText(filter, entry)) return false;
  if (filter.states?.length && !filter.states.includes(entry.state)) return false;
  return true;
}

/**
 * `unjudged`: the filter asks for states, and this user's state is not known (not read yet, or the role cannot
 * read it). It is not shown, but it must not vanish silently either: the view counts and names such users.
 */
export type Judgement = 'shown' | 'hidden' | 'unjudged';

export const judge = (filter: UserFilter, entry: UserEntry): Judgement => judgeWith(filter)(entry);

/** `judge` for one filter, prepared once: over 100,000 rows the text is lowered once, not per row. */
export function judgeWith(filter: UserFilter): (entry: UserEntry) => Judgement {
  const text = filter.text?.toLowerCase();
  const states = filter.states?.length ? filter.states : undefined;
  return (entry) => {
    if (text && !entry.loginId.toLowerCase().includes(text)) return 'hidden';
    if (!states || states.includes(entry.state)) return 'shown';
    return entry.state === 'unknown' ? 'unjudged' : 'hidden';
  };
}

export interface FilterCounts {
  total: number;
  shown: number;
  unjudged: number;
}

export function countFiltered(filter: UserFilter, entries: readonly UserEntry[]): FilterCounts {
  const counts: FilterCounts = { total: entries.length, shown: 0, unjudged: 0 };
  if (!isActive(filter)) return { ...counts, shown: entries.length };
  const judgeOne = judgeWith(filter);
  for (const e of entries) {
    const j = judgeOne(e);
    if (j === 'shown') counts.shown++;
    else if (j === 'unjudged') counts.unjudged++;
  }
  return counts;
}
