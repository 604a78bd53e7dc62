import type { Project } from '../projects/project';
import type { UserEntry } from '../users/userEntry';
import { isActive, judgeWith, type UserFilter } from '../users/userFilter';
import { userNode, type UserNode } from './nodes';

/**
 * User rows a project shows at first, and how many more each "Load More…" adds. VS Code makes a TreeItem, a DOM row
 * and an id registration per row it is handed: 10,000 rows took ~2.4 s to appear in code-server, 500 appear at
 * once, and 500 still fill several screens, so Load More is rarely needed just to scroll.
 */
export const PAGE_SIZE = 500;

/** The user rows a project shows under a filter, and the users the filter cannot judge yet. */
export interface VisibleRows {
  /** The page: the first `limit` shown users (more when `include` is beyond it), in the entries' order (login_id order). */
  rows: UserNode[];
  /** Users the filter shows beyond the page: counted, no row built. */
  more: number;
  /** A state filter's users whose state is not known yet (not shown, counted and read first). */
  unjudged: string[];
}

export interface PageOptions {
  /** Rows built at most (the page); the shown users beyond it are only counted. */
  limit?: number;
  /** A login_id the page must reach (a user being revealed): rows are built up to it when the filter shows it. */
  include?: string;
  /**
   * A user keeps its row object across fetches (a filtered view is fetched again several times a second while
   * states are read): a second fetch allocates nothing per row.
   */
  cache?: WeakMap<UserEntry, UserNode>;
}

/**
 * The rows getChildren hands VS Code for a project's users: the filter applied once per entry (its text lowered
 * once), a row (id included) per user on the page, the rest counted without allocating. Context values are made per
 * row when VS Code asks for its TreeItem (`userContextValue`, shared strings). No VS Code here: the benchmark times
 * it in plain Node.
 */
export function visibleUserRows(project: Project, entries: readonly UserEntry[], filter: UserFilter, options: PageOptions = {}): VisibleRows {
  const { limit = Infinity, include, cache } = options;
  const rows: UserNode[] = [];
  const unjudged: string[] = [];
  const judge = isActive(filter) ? judgeWith(filter) : undefined;
  let more = 0;
  let reach = include !== undefined;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    // No filter and nothing left to reach: every remaining entry is shown, so the rest is a subtraction.
    if (!judge && !reach && rows.length >= limit) {
      more += entries.length - i;
      break;
    }
    const judgement = judge ? judge(entry) : 'shown';
    if (judgement === 'unjudged') unjudged.push(entry.loginId);
    if (judgement !== 'shown') continue;
    if (rows.length >= limit && !reach) {
      more++;
      continue;
    }
    if (reach && entry.loginId === include) reach = false;
    rows.push(rowFor(project, entry, cache));
  }
  // The user to include was not shown after all (filtered out, or gone): the page stays as asked.
  if (include !== undefined && reach && rows.length > limit) {
    more += rows.length - limit;
    rows.length = limit;
  }
  return { rows, more, unjudged };
}

function rowFor(project: Project, entry: UserEntry, cache: WeakMap<UserEntry, UserNode> | undefined): UserNode {
  let row = cache?.get(entry);
  if (row?.project !== project) {
    row = userNode(project, entry);
    cache?.set(entry, row);
  }
  return row;
}
