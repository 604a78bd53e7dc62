import { isMediumOneError } from '../api/errors';
import type { MediumOneClient } from '../api/client';
import type { Role, UserSummary } from '../api/types';
import type { Project } from '../projects/project';
import { capabilitiesOf } from '../projects/capabilities';
import { mapWithConcurrency, type Concurrency } from '../util/concurrency';
import { entryFromSummary, entryFromUser, type UserEntry } from './userEntry';
import { sortByLoginId } from './loginIdOrder';
import type { KnownStates } from './knownStates';

/** Where a project's rows come from: the server's list, or the login_ids this extension tracks. */
export type UserSource = 'server' | 'tracked';

/** Why the rows are the tracked users rather than the server's list; the tree says it in the UI language. */
export type SourceReason = { code: 'noListCall' } | { code: 'roleCannotList'; role: Role };

/** The calls a project's users are loaded with: the API client's own. */
export type UserReads = Pick<MediumOneClient, 'listUsers' | 'getUser'>;

export interface LoadedUsers {
  source: UserSource;
  sourceReason?: SourceReason;
  /** In login_id order. */
  users: UserEntry[];
  /** Listed without a state, to be read in the background (only where the role may read users). */
  toRead: Set<string>;
  /** Pending users the list now has: no longer pending. */
  appeared: string[];
}

export interface ListContext {
  client: UserReads;
  /** The login_ids this extension tracks in the project. */
  tracked: readonly string[];
  /** Created with 202 and not seen yet: shown as pending until the list has them. */
  pending: ReadonlySet<string>;
  /** The states known for the project (where its role may read users). */
  known: KnownStates | undefined;
  /** Calls in flight at most when tracked users are read one by one (the server's controller, or a number). */
  concurrency: Concurrency;
}

/** Bare summaries as rows, in login_id order: what a load does with the server's list. */
export function entriesFromList(summaries: readonly UserSummary[]): UserEntry[] {
  return sortByLoginId(summaries.map(entryFromSummary));
}

/**
 * A project's users: the server's list where the role may list (bare login_ids take the states known here, and are
 * read again in the background), else the tracked users; users created with 202 and not listed yet as pending.
 */
export async function loadUsers(project: Project, ctx: ListContext): Promise<LoadedUsers> {
  const caps = capabilitiesOf(project.role);
  const { known } = ctx;
  const toRead = new Set<string>();
  let source: UserSource = 'tracked';
  let sourceReason: SourceReason | undefined;
  let users: UserEntry[] = [];
  if (caps.list) {
    try {
      users = entriesFromList(await ctx.client.listUsers()).map((entry) => {
        if (entry.state !== 'unknown') {
          known?.remember(entry);
          return entry;
        }
        if (known) toRead.add(entry.loginId);
        return known?.fill(entry) ?? entry;
      });
      source = 'server';
    } catch (e) {
      if (!isMediumOneError(e, 'listingNotSupported')) throw e;
      sourceReason = { code: 'noListCall' };
    }
  } else {
    sourceReason = { code: 'roleCannotList', role: project.role };
  }
  if (source === 'tracked') users = await trackedEntries(project, ctx);
  const listed = new Set(users.map((u) => u.loginId));
  const appeared = [...ctx.pending].filter((id) => listed.has(id));
  const pending = [...ctx.pending].filter((id) => !listed.has(id));
  users.push(...pending.map((loginId): UserEntry => ({ loginId, state: 'pending' })));
  const tracked = new Set(ctx.tracked);
  for (const u of users) {
    if (tracked.has(u.loginId)) u.tracked = true;
    if (source === 'tracked') known?.remember(u);
  }
  if (pending.length > 0 || source === 'tracked') sortByLoginId(users);
  return { source, sourceReason, users, toRead, appeared };
}

/** Tracked users: read one by one where the role may read them, else shown as known by name only. */
async function trackedEntries(project: Project, ctx: ListContext): Promise<UserEntry[]> {
  const caps = capabilitiesOf(project.role);
  const ids = caps.read === 'self' ? [project.loginId] : ctx.tracked;
  if (caps.read === 'none') {
    return ids.map((loginId) => ({ loginId, state: 'unknown', reason: { code: 'roleCannotRead', role: project.role } }));
  }
  return mapWithConcurrency(ids, ctx.concurrency, async (loginId): Promise<UserEntry> => {
    try {
      return entryFromUser(await ctx.client.getUser(loginId));
    } catch (error) {
      if (isMediumOneError(error, 'notFound')) return { loginId, state: 'notFound', reason: { code: 'notFoundOnServer' } };
      return { loginId, state: 'error', reason: { code: 'failed', error } };
    }
  });
}
