import type { Project } from '../projects/project';
import type { UserEntry } from '../users/userEntry';
import { isActive, judgeWith, type UserFilter } from '../users/userFilter';
import { userNode, type UserNode } from './nodes';

/** The user rows a project shows under a filter, and the users the filter cannot judge yet. */
export interface VisibleRows {
  /** In the entries' order (login_id order). */
  rows: UserNode[];
  /** A state filter's users whose state is not known yet (not shown, counted and read first). */
  unjudged: string[];
}

/**
 * The rows getChildren hands VS Code for a project's users: the filter applied once per entry (its text lowered
 * once), a row (id included) per shown user. With `cache`, a user keeps its row object across fetches (a filtered
 * view is fetched again several times a second while states are read): a second fetch of 100,000 rows allocates
 * nothing per row. Context values are made per row when VS Code asks for its TreeItem (`userContextValue`, shared
 * strings). No VS Code here: the benchmark times it in plain Node.
 */
export function visibleUserRows(project: Project, entries: readonly UserEntry[], filter: UserFilter, cache?: WeakMap<UserEntry, UserNode>): VisibleRows {
  const rows: UserNode[] = [];
  const unjudged: string[] = [];
  const judge = isActive(filter) ? judgeWith(filter) : undefined;
  for (const entry of entries) {
    const judgement = judge ? judge(entry) : 'shown';
    if (judgement === 'unjudged') unjudged.push(entry.loginId);
    if (judgement !== 'shown') continue;
    let row = cache?.get(entry);
    if (row?.project !== project) {
      row = userNode(project, entry);
      cache?.set(entry, row);
    }
    rows.push(row);
  }
  return { rows, unjudged };
}
