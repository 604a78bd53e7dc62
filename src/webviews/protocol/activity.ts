import * as z from 'zod/mini';
import { MAX_LENGTH } from './limits';

// The Show Activity page's messages. The host parses every ToHost with the schema; the page imports types only.
// The host holds the history, filters it and composes every text: the page shows rows and sends what was chosen.
// Nothing secret crosses: an activity entry never holds one.

/** The history's kinds of change (src/activity's ActivityAction: the host checks at compile time they match). */
export const ACTIVITY_ACTIONS = ['create', 'changePassword', 'enable', 'disable', 'delete', 'importRow', 'projectAdded', 'projectRemoved'] as const;
export type ActivityActionName = (typeof ACTIVITY_ACTIONS)[number];
export const ACTIVITY_OUTCOMES = ['succeeded', 'failed', 'mayHaveBeenApplied', 'notRun'] as const;
export type ActivityOutcomeName = (typeof ACTIVITY_OUTCOMES)[number];
export const EXPORT_FORMATS = ['csv', 'json'] as const;

/** What the page's filters hold; absent = any. `loginId` matches any login_id containing it (case-insensitive). */
export interface ActivityFilter {
  projectId?: string;
  loginId?: string;
  /** `loginId` is a whole login_id (Show Activity on a user's row), not a part of one. */
  exactLoginId?: boolean;
  action?: ActivityActionName;
  outcome?: ActivityOutcomeName;
}

/** One row as the table shows it: every text composed (and localised) by the host. */
export interface ActivityRowView {
  id: string;
  /** The local time in the editor's language; `iso` (UTC, as stored) is its tooltip. */
  time: string;
  iso: string;
  project: string;
  loginId: string;
  action: string;
  outcome: string;
  outcomeKind: ActivityOutcomeName;
  reason: string;
  /** A succeeded enable/disable: Undo (this user) is offered. */
  undo?: boolean;
  /** …and it belongs to a run of several entries: Undo run is offered for this id. */
  undoRun?: string;
  /** A later entry undid this one. */
  undone?: boolean;
}

export interface ActivityModel {
  rows: ActivityRowView[];
  filter: ActivityFilter;
  /** The projects the history names, for the project filter (sorted by name). */
  projects: { id: string; name: string }[];
  /** `Showing 3 of 12 entries.` */
  summary: string;
  /** Instead of the table: no entry at all, or none matches the filter. */
  empty?: string;
}

export type ActivityStrings = Record<
  | 'title' | 'filters' | 'project' | 'allProjects' | 'user' | 'userHint' | 'action' | 'anyAction' | 'outcome' | 'anyOutcome'
  | 'time' | 'loginId' | 'reason' | 'undoColumn' | 'undo' | 'undoRun' | 'undone' | 'exportCsv' | 'exportJson' | 'loading',
  string
> & {
  actions: Record<ActivityActionName, string>;
  outcomes: Record<ActivityOutcomeName, string>;
};

export type ActivityToView =
  | { type: 'strings'; strings: ActivityStrings }
  | { type: 'model'; model: ActivityModel }
  /** An export or undo failed; the table stays. */
  | { type: 'error'; message: string }
  | { type: 'busy'; busy: boolean };

const id = z.string().check(z.minLength(1), z.maxLength(MAX_LENGTH.requestId));

export const activityToHost = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({
    type: z.literal('filter'),
    filter: z.strictObject({
      projectId: z.optional(z.string().check(z.maxLength(MAX_LENGTH.name))),
      loginId: z.optional(z.string().check(z.maxLength(MAX_LENGTH.loginId))),
      exactLoginId: z.optional(z.boolean()),
      action: z.optional(z.enum(ACTIVITY_ACTIONS)),
      outcome: z.optional(z.enum(ACTIVITY_OUTCOMES)),
    }),
  }),
  z.strictObject({ type: z.literal('export'), format: z.enum(EXPORT_FORMATS) }),
  z.strictObject({ type: z.literal('undo'), entryId: id }),
  z.strictObject({ type: z.literal('undoRun'), runId: id }),
]);
export type ActivityToHost = z.infer<typeof activityToHost>;

/** Handled one at a time: each opens a dialog or changes the server, and the page is busy meanwhile. */
export const activityOneAtATime: readonly ActivityToHost['type'][] = ['export', 'undo', 'undoRun'];
