import type { ActivityAction, ActivityEntry, ActivityOutcome } from '../../activity/activityEntry';
import type { ActivityActionName, ActivityFilter, ActivityModel, ActivityOutcomeName, ActivityRowView, ActivityStrings } from '../protocol/activity';
import { formatTime } from './eventRows';
import { isUndoKind, notUndoable } from '../../activity/undoable';

// What Show Activity shows of the history: the filter, the rows' words, which entries may be undone. Pure (no
// `vscode`: the words and the language are passed in) so unit tests check it under Node.

/** A kind of change added to the history but not to the page's protocol (or the reverse) fails to compile here. */
const sameActions: [ActivityAction, ActivityOutcome] extends [ActivityActionName, ActivityOutcomeName]
  ? [ActivityActionName, ActivityOutcomeName] extends [ActivityAction, ActivityOutcome] ? true : never
  : never = true;
void sameActions;

/** The texts a model needs besides the rows' words (composed by the host with vscode.l10n). */
export interface ActivityTexts {
  words: Pick<ActivityStrings, 'actions' | 'outcomes'>;
  summary(shown: number, total: number): string;
  /** No entry at all yet. */
  none: string;
  /** Entries exist, but none matches the filter. */
  noMatch: string;
}

/** The filter with its blanks dropped: an empty select or text box means "any". */
export function cleanFilter(filter: ActivityFilter): ActivityFilter {
  const clean: ActivityFilter = {};
  if (filter.projectId) clean.projectId = filter.projectId;
  const loginId = filter.loginId?.trim();
  if (loginId) clean.loginId = loginId;
  if (loginId && filter.exactLoginId) clean.exactLoginId = true;
  if (filter.action) clean.action = filter.action;
  if (filter.outcome) clean.outcome = filter.outcome;
  return clean;
}

export function matchesFilter(filter: ActivityFilter, entry: ActivityEntry): boolean {
  if (filter.projectId && entry.projectId !== filter.projectId) return false;
  if (filter.action && entry.action !== filter.action) return false;
  if (filter.outcome && entry.outcome !== filter.outcome) return false;
  const wanted = filter.loginId?.trim();
  if (!wanted) return true;
  if (filter.exactLoginId) return entry.loginId === wanted;
  return (entry.loginId ?? '').toLowerCase().includes(wanted.toLowerCase());
}

export const filterEntries = (entries: readonly ActivityEntry[], filter: ActivityFilter) => entries.filter((e) => matchesFilter(filter, e));

/** How many entries each run holds, over the whole history (a filter does not make a bulk run single). */
function runSizes(entries: readonly ActivityEntry[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const e of entries) if (e.runId) sizes.set(e.runId, (sizes.get(e.runId) ?? 0) + 1);
  return sizes;
}

/** The rows of `shown` (newest first, as the log reads them), judged against the whole history `all`. */
export function activityRows(all: readonly ActivityEntry[], shown: readonly ActivityEntry[], words: ActivityTexts['words'], lang: string): ActivityRowView[] {
  // Undo is offered only where mediumOne.undoActivity would act: not on what was undone or changed again since.
  const blocked = notUndoable(all);
  const sizes = runSizes(all);
  return shown.map((e) => {
    const undoable = isUndoKind(e) && !blocked.has(e.id);
    return {
      id: e.id,
      time: formatTime(e.time, lang),
      iso: e.time,
      project: e.projectName,
      loginId: e.loginId ?? '',
      action: words.actions[e.action] ?? e.action,
      outcome: words.outcomes[e.outcome] ?? e.outcome,
      outcomeKind: e.outcome,
      reason: e.reason ?? '',
      undo: undoable || undefined,
      undoRun: undoable && e.runId && (sizes.get(e.runId) ?? 0) > 1 ? e.runId : undefined,
      undone: blocked.get(e.id) === 'undone' || undefined,
    };
  });
}

/** The projects the history names (the newest name of each), sorted by name, for the project filter. */
export function historyProjects(entries: readonly ActivityEntry[]): { id: string; name: string }[] {
  const names = new Map<string, string>();
  for (const e of entries) if (!names.has(e.projectId)) names.set(e.projectId, e.projectName);
  return [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** The page's whole model for `filter`. */
export function activityModel(all: readonly ActivityEntry[], filter: ActivityFilter, texts: ActivityTexts, lang: string): ActivityModel {
  const clean = cleanFilter(filter);
  const shown = filterEntries(all, clean);
  return {
    rows: activityRows(all, shown, texts.words, lang),
    filter: clean,
    projects: historyProjects(all),
    summary: texts.summary(shown.length, all.length),
    empty: all.length === 0 ? texts.none : shown.length === 0 ? texts.noMatch : undefined,
  };
}
