import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { Project } from '../../projects/project';
import type { ActivityEntry } from '../../activity/activityEntry';
import { isUndoKind, notUndoable, type NotUndoable } from '../../activity/undoable';
import { userNode, type UserNode } from '../../tree/nodes';
import { settleStates } from '../settleStates';
import { readSettings } from '../../settings';
import { runPool } from '../../util/concurrency';
import type { UserEntry } from '../../users/userEntry';
import { stateOf } from '../../users/userCalls';
import type { UndoOf } from '../activity/recordOutcome';

/** Runs enable or disable through runUserOperation in the main bundle (one controller per server, one summary). */
export type RunChange = (change: 'enable' | 'disable', nodes: UserNode[], undoOf: UndoOf) => Promise<unknown>;

/** What Undo is handed: one entry of the history, or every entry of one run. */
export type UndoTarget = { entryId: string } | { runId: string };

/**
 * Undo of enable / disable (mediumOne.undoActivity): the entries that succeeded (one, or every one of a run) are
 * turned the other way, user by user, through the usual flow (confirmation, progress, summary, production guard),
 * and recorded with `undoOf`. Users already in the state Undo would give, or gone, are left alone and named.
 */
export function undoActivity(s: Services, target: unknown, run: RunChange): Promise<void> {
  // One Undo at a time: a second (the summary's Undo and the page's at once) reads the history after the first has
  // recorded, so it finds the entries undone instead of sending the change again.
  const next = queue.then(() => undoNow(s, target, run));
  queue = next.catch(() => undefined);
  return next;
}

let queue: Promise<unknown> = Promise.resolve();

async function undoNow(s: Services, target: unknown, run: RunChange): Promise<void> {
  const { entries, undone, changedSince } = pickEntries(await s.activity.read(), target);
  if (entries.length === 0) throw new Error(nothingToUndo(undone, changedSince));
  const already: string[] = [];
  const gone: string[] = [];
  const moved: string[] = [];
  for (const [project, group] of byProject(s, entries, gone, moved)) {
    const load = await s.users.ensureLoaded(project);
    // A project that cannot be listed now says why (signed out, offline): its users are not "gone".
    if (load.status === 'error') throw load.error;
    const listed = new Map((load.status === 'loaded' ? load.users : []).map((u) => [u.loginId, u]));
    const present = group.filter((e) => listed.has(e.loginId!));
    gone.push(...group.filter((e) => !listed.has(e.loginId!)).map((e) => e.loginId!));
    // The states as they are now (the tree reads what it does not know yet), not as the entry left them.
    const rows = new Map((await settleStates(s, project, present.map((e) => listed.get(e.loginId!)!))).map((u) => [u.loginId, u]));
    const isAlready = (e: ActivityEntry) => rows.get(e.loginId!)?.state === stateAfterUndo(e);
    await askServer(s, project, present.filter(isAlready), rows);
    for (const change of ['enable', 'disable'] as const) {
      const todo = present.filter((e) => inverse(e) === change);
      already.push(...todo.filter(isAlready).map((e) => e.loginId!));
      const nodes = todo.filter((e) => !isAlready(e)).map((e) => userNode(project, rows.get(e.loginId!)!));
      if (nodes.length) await run(change, nodes, new Map(todo.map((e) => [e.loginId!, e.id])));
    }
  }
  const left = [
    already.length ? vscode.l10n.t('Already as before, left alone: {0}.', already.join(', ')) : '',
    gone.length ? vscode.l10n.t('No longer there, left out: {0}.', gone.join(', ')) : '',
    moved.length ? vscode.l10n.t('Changed on a server the project no longer points at, left alone there: {0}.', moved.join(', ')) : '',
    undone.length ? vscode.l10n.t('Already undone: {0}.', undone.join(', ')) : '',
    changedSince.length ? vscode.l10n.t('Changed again since, left alone (Undo turns back only the latest change of a user): {0}.', changedSince.join(', ')) : '',
  ].filter(Boolean).join(' ');
  if (left) void s.prompts.info(s.redactor.redact(left));
}

/** Why nothing of the target can be undone, and what the user may do instead. */
function nothingToUndo(undone: readonly string[], changedSince: readonly string[]): string {
  if (changedSince.length) {
    return vscode.l10n.t('Nothing to undo: {0} changed again since, and Undo turns back only the latest change of a user. Enable or disable the user from the tree instead.', changedSince.join(', '));
  }
  if (undone.length) return vscode.l10n.t('Nothing to undo: this change was already undone ({0}).', undone.join(', '));
  return vscode.l10n.t('Nothing to undo: only enable and disable changes that succeeded can be undone.');
}

/**
 * The succeeded enable / disable entries the target names, one per user (the newest, should a run hold two), less
 * those undone or changed again since (src/activity/undoable.ts), whose login_ids are returned to be named.
 */
export function pickEntries(history: readonly ActivityEntry[], target: unknown): { entries: ActivityEntry[]; undone: string[]; changedSince: string[] } {
  const t = (target ?? {}) as Partial<Record<'entryId' | 'runId', unknown>>;
  const named = typeof t.entryId === 'string' ? history.filter((e) => e.id === t.entryId)
    : typeof t.runId === 'string' ? history.filter((e) => e.runId === t.runId) : [];
  const seen = new Set<string>();
  const kinds = named.filter((e) => isUndoKind(e) && !seen.has(`${e.projectId}\n${e.loginId}`) && !!seen.add(`${e.projectId}\n${e.loginId}`));
  const blocked = notUndoable(history);
  const which = (why: NotUndoable) => kinds.filter((e) => blocked.get(e.id) === why).map((e) => e.loginId!);
  return { entries: kinds.filter((e) => !blocked.has(e.id)), undone: which('undone'), changedSince: which('changedSince') };
}

const inverse = (e: ActivityEntry) => (e.action === 'enable' ? 'disable' : 'enable');
const stateAfterUndo = (e: ActivityEntry) => (inverse(e) === 'enable' ? 'enabled' : 'disabled');

/**
 * The view may be behind the server (another admin or tool changed a user since the last refresh), and "already as
 * before" must be the server's word: each user the view shows as Undo would leave it is read again, and its row (in
 * `rows` and in the tree) takes the state the server gives. A read that fails leaves the row as it is shown. A fixed
 * width (the setting's ceiling): this bundle must not start a second adaptive controller for the server.
 */
async function askServer(s: Services, project: Project, entries: readonly ActivityEntry[], rows: Map<string, UserEntry>): Promise<void> {
  if (entries.length === 0) return;
  const client = await s.clients.for(project);
  await runPool(entries.length, readSettings().concurrency, async (i) => {
    const loginId = entries[i].loginId!;
    const state = await stateOf(client, loginId);
    const row = rows.get(loginId);
    if ((state !== 'enabled' && state !== 'disabled') || !row || state === row.state) return;
    rows.set(loginId, { ...row, state });
    s.users.patchUser(project.id, loginId, { state });
  });
}

/**
 * The entries by project; those of a project no longer in the list are gone. Those made on another server than the
 * project points at now (Edit Project moved it) are `moved`: undoing one there would change a user of the same
 * login_id on a server the change never touched, so nothing is sent for it.
 */
function byProject(s: Services, entries: readonly ActivityEntry[], gone: string[], moved: string[]): Map<Project, ActivityEntry[]> {
  const out = new Map<string, { project: Project; entries: ActivityEntry[] }>();
  for (const e of entries) {
    const project = s.projects.get(e.projectId);
    if (!project) {
      gone.push(e.loginId!);
      continue;
    }
    if (e.server !== undefined && e.server !== project.baseUrl) {
      moved.push(e.loginId!);
      continue;
    }
    const g = out.get(project.id) ?? { project, entries: [] };
    g.entries.push(e);
    out.set(project.id, g);
  }
  return new Map([...out.values()].map((g) => [g.project, g.entries]));
}
