import type { ActivityAction, ActivityEntry } from './activityEntry';

// Which entries Undo may still turn back. Shared by Show Activity (which offers Undo) and mediumOne.undoActivity
// (which acts), so the page never offers what the command would refuse, and a command called with an old entry id
// or runId (a summary's Undo clicked late, another extension) cannot undo a change made after it.

/** Changes that set a user's state (a create or import makes a new user under a login_id that may be reused). */
const STATE_CHANGES: ReadonlySet<ActivityAction> = new Set(['enable', 'disable', 'delete', 'create', 'importRow']);

/** Why an enable / disable entry that succeeded can no longer be undone. */
export type NotUndoable = 'undone' | 'changedSince';

const userKey = (e: ActivityEntry) => `${e.projectId}\n${e.loginId ?? ''}`;

/**
 * For each succeeded enable / disable entry of `entries` (the whole history, newest first) that Undo must leave
 * alone: 'undone' when a later entry undid it successfully, 'changedSince' when a later change to the same user
 * (in the same project) succeeded or may have been applied. Undoing it then would turn back that later change, not
 * this one. A failed undo of it does not count: its Undo is offered again, and reads the user's state first.
 */
export function notUndoable(entries: readonly ActivityEntry[]): Map<string, NotUndoable> {
  const out = new Map<string, NotUndoable>();
  const undone = new Set(entries.filter((e) => e.undoOf && e.outcome === 'succeeded').map((e) => e.undoOf as string));
  /** Per user, the later changes seen so far (walking from the newest). */
  const later = new Map<string, ActivityEntry[]>();
  for (const e of entries) {
    if (!e.loginId || !STATE_CHANGES.has(e.action)) continue;
    const key = userKey(e);
    const newer = later.get(key) ?? [];
    if (isUndoKind(e)) {
      if (undone.has(e.id)) out.set(e.id, 'undone');
      else if (newer.some((n) => n.outcome === 'succeeded' || (n.outcome === 'mayHaveBeenApplied' && n.undoOf !== e.id))) out.set(e.id, 'changedSince');
    }
    newer.push(e);
    later.set(key, newer);
  }
  return out;
}

/** An enable or disable that took effect: the kind of entry Undo is for. */
export const isUndoKind = (e: ActivityEntry) => (e.action === 'enable' || e.action === 'disable') && e.outcome === 'succeeded' && !!e.loginId;
