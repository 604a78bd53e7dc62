import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { Project } from '../../projects/project';
import type { MediumOneClient } from '../../api/client';
import { isMediumOneError, mayHaveBeenApplied } from '../../api/errors';
import { roleLabel } from '../../projects/roleLabels';
import { userNode, type UserNode } from '../../tree/nodes';
import type { UserEntry } from '../../users/userEntry';
import { hasToken, userContextValue } from '../../tree/contextValues';
import { failureReason, runBulk, summarize, type BulkFailure, type BulkOutcome } from '../../users/bulkRun';
import { readSettings } from '../../settings';
import { concurrencyFor } from '../../users/serverConcurrency';
import { describeError } from '../../util/errorText';
import { confirmUserOperation } from '../confirm';
import { resolveUsers } from '../pickers';
import { withCancellableProgress } from '../../ui/progress';
import { businessRefused, leftOut, noneCanTake, roleMayNot, type UserChange } from './changeWords';
import { recordRun, undoAction, type UndoOf } from '../activity/recordOutcome';

export interface UserOperation {
  /** Context-value token a row needs, e.g. 'canDisable'. */
  token: string;
  /** "Disable": confirmation button, summary verb ("Disabled"), and progress title. */
  verb: string;
  past: string;
  busyLabel: string;
  /** Which change it is: the refusal and left-out messages are whole sentences per change (changeWords.ts). */
  change: 'enable' | 'disable' | 'delete';
  /** Delete: always confirmed. */
  destructive: boolean;
  /** In a production project, also demand the typed project name (delete and disable). */
  guardProduction: boolean;
  warning?: (count: number) => string;
  call(client: MediumOneClient, loginId: string, project: Project): Promise<void>;
  /** True when the server already holds the change (see `UserCall.holds`): Retry Failed asks before it resends. */
  holds(client: MediumOneClient, loginId: string, project: Project): Promise<boolean | undefined>;
  /** The row after success; undefined removes it. */
  after(entry: UserEntry): Partial<UserEntry> | undefined;
}

/** A command handler for one operation: the rows it was invoked on, or users picked from the palette. */
export const userOperationCommand = (s: Services, op: UserOperation) => async (node?: unknown, selection?: unknown) => {
  const nodes = await resolveUsers(s, node, selection, { many: true, fits: (p, e) => hasToken(userContextValue(p, e), op.token) });
  await runUserOperation(s, op, nodes);
};

/**
 * The shared flow of enable, disable and delete: leave out rows that cannot take the operation (with
 * a warning), confirm once, mark rows busy, run as many at once as the server takes (concurrencyFor) under a
 * cancellable progress notification, update each row as it finishes, and end with one summary naming what failed
 * and why.
 */
export async function runUserOperation(s: Services, op: UserOperation, nodes: UserNode[], undoOf?: UndoOf): Promise<BulkOutcome[]> {
  const eligible = nodes.filter((n) => hasToken(userContextValue(n.project, n.entry), op.token));
  const left = nodes.length - eligible.length;
  if (eligible.length === 0) {
    throw new Error(noneCanTake(op.change));
  }
  if (left > 0) void s.prompts.warn(leftOut(op.change, left));

  const outcomes: BulkOutcome[] = [];
  for (const [project, group] of groupByProject(eligible)) {
    const loginIds = group.map((n) => n.entry.loginId);
    await confirmUserOperation(s, {
      project,
      loginIds,
      verb: op.verb,
      destructive: op.destructive,
      guardProduction: op.guardProduction,
      warning: op.warning?.(loginIds.length),
    });
    outcomes.push(await runOnProject(s, op, project, group, undefined, undoOf));
  }
  return outcomes;
}

/**
 * Runs the operation again on the rows that failed, as they are now (no new confirmation: the user just asked).
 * Each user is read first: a failure whose answer was lost may have been applied, and then nothing is resent.
 */
async function retryFailed(s: Services, op: UserOperation, project: Project, failed: readonly BulkFailure[]): Promise<void> {
  const ids = new Set(failed.map((f) => f.loginId));
  const load = s.users.get(project.id);
  const entries = load?.status === 'loaded' ? load.users.filter((u) => ids.has(u.loginId)) : [];
  const nodes = entries.map((entry) => userNode(project, entry)).filter((n) => hasToken(userContextValue(project, n.entry), op.token));
  if (nodes.length) await runOnProject(s, op, project, nodes, failed);
}

/** `retrying`: Retry Failed, with the failures it retries; each user is read before anything is resent. */
async function runOnProject(s: Services, op: UserOperation, project: Project, group: UserNode[], retrying?: readonly BulkFailure[], undoOf?: UndoOf): Promise<BulkOutcome> {
  const client = await s.clients.for(project);
  const before = new Map(group.map((n) => [n.entry.loginId, n.entry]));
  for (const n of group) s.users.patchUser(project.id, n.entry.loginId, { busy: op.busyLabel });
  const title = group.length === 1
    ? vscode.l10n.t('{0} "{1}"…', op.busyLabel.replace(/…$/, ''), group[0].entry.loginId)
    : vscode.l10n.t('{0} {1} users in {2}…', op.busyLabel.replace(/…$/, ''), group.length, project.name);
  const outcome = await withCancellableProgress(title, (progress, signal) =>
    runBulk([...before.keys()], (id) => op.call(client, id, project), {
      concurrency: concurrencyFor(client, readSettings().concurrency),
      signal,
      describeError: (e) => explainRefusal(project, op.change, e),
      alreadyDone: retrying ? (id) => op.holds(client, id, project) : undefined,
      appliedBefore: new Set(retrying?.filter((f) => f.mayHaveBeenApplied).map((f) => f.loginId)),
      onItemDone: (loginId, ok, _done, total) => {
        const entry = before.get(loginId)!;
        s.users.patchUser(project.id, loginId, ok ? op.after(entry) : { busy: undefined });
        progress.report({ increment: 100 / total });
      },
    }),
  );
  for (const id of outcome.notRun) s.users.patchUser(project.id, id, { busy: undefined });
  // The row must not go on showing the old state as fact: the change may have been applied. 'error' keeps the
  // actions (and Retry Failed) open and says why in the row's own words.
  for (const f of outcome.failed) {
    if (f.mayHaveBeenApplied) s.users.patchUser(project.id, f.loginId, { state: 'error', reason: vscode.l10n.t('The last change may have been applied; refresh to see the state.') });
  }
  report(s, op, project, outcome, recordRun(s, op.change, project, outcome, undoOf));
  return outcome;
}

function report(s: Services, op: UserOperation, project: Project, outcome: BulkOutcome, runId: string): void {
  for (const f of outcome.failed) s.log.warn(`${op.verb} ${f.loginId} in ${project.name} failed: ${f.reason}`);
  const text = s.redactor.redact(summarize(op.past, outcome));
  const undo = undoAction(s, op.change, outcome, runId);
  if (outcome.failed.length === 0) {
    void s.prompts.info(outcome.succeeded.length === 1 && outcome.notRun.length === 0
      ? vscode.l10n.t('{0} "{1}".', op.past, outcome.succeeded[0])
      : text, ...undo.actions).then(undo.chosen);
    return;
  }
  const retry = vscode.l10n.t('Retry Failed');
  const showLog = vscode.l10n.t('Show Log');
  void s.prompts.error(text, retry, showLog, ...undo.actions).then((choice) => {
    undo.chosen(choice);
    if (choice === showLog) s.channel.show(true);
    if (choice === retry) void retryFailed(s, op, project, outcome.failed).catch((e: unknown) => s.log.error(describeError(e)));
  });
}

/**
 * A 401/403 is the role's limit far more often than a bug: say so in plain words (SPEC section 2). A failure that
 * may have changed the server even so says "may have been applied", whatever the client's wording.
 */
export function explainRefusal(project: Project, change: UserChange, error: unknown): string {
  if (!isMediumOneError(error, ['forbidden', 'unauthorized'])) return failureReason(describeError(error), mayHaveBeenApplied(error));
  if (project.role !== 'business') return roleMayNot(change, roleLabel(project.role), describeError(error));
  return businessRefused(change, project.loginId, describeError(error));
}

function groupByProject(nodes: UserNode[]): Map<Project, UserNode[]> {
  const byId = new Map<string, { project: Project; nodes: UserNode[] }>();
  for (const n of nodes) {
    const g = byId.get(n.project.id) ?? { project: n.project, nodes: [] };
    g.nodes.push(n);
    byId.set(n.project.id, g);
  }
  return new Map([...byId.values()].map((g) => [g.project, g.nodes]));
}
