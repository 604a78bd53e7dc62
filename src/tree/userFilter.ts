import type { UserEntry, UserState } from './userEntry';

/** The view's filter: a login_id substring (case-insensitive) and/or a set of states. */
export interface UserFilter {
  text?: string;
  states?: UserState[];
}

export const isActive = (f: UserFilter) => Boolean(f.text) || Boolean(f.states?.length);

export function matches(filter: UserFilter, entry: UserEntry): boolean {
  if (filter.text && !entry.loginId.toLowerCase().includes(filter.text.toLowerCase())) return false;
  if (filter.states?.length && !filter.states.includes(entry.state)) return false;
  return true;
}

export function describeFilter(f: UserFilter): string | undefined {
  if (!isActive(f)) return undefined;
  const parts: string[] = [];
  if (f.text) parts.push(`"${f.text}"`);
  if (f.states?.length) parts.push(f.states.join(', '));
  return `Filter: ${parts.join(' · ')}`;
}
