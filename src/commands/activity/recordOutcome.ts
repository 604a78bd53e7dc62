import * as vscode from 'vscode';
import { Cmd } from '../../contributes';
import { describeError } from '../../util/errorText';
import { mayHaveBeenApplied } from '../../api/errors';
import type { Services } from '../../services';
import type { Project } from '../../projects/project';
import type { BulkOutcome } from '../../users/bulkRun';
import type { ActivityAction, ActivityOutcome, NewActivity } from '../../activity/activityEntry';

/** Where a change's entry points back to: the entry id it undid, by login_id (Undo's runs). */
export type UndoOf = ReadonlyMap<string, string>;

const base = (action: ActivityAction, project: Project) => ({ action, projectId: project.id, projectName: project.name, server: project.baseUrl });

/** One entry per user of a bulk run, all with one new runId, which is returned (Undo in the summary names it). */
export function recordRun(s: Services, action: ActivityAction, project: Project, outcome: BulkOutcome, undoOf?: UndoOf): string {
  const runId = s.activity.newRunId();
  const entry = (loginId: string, result: ActivityOutcome, reason?: string): NewActivity =>
    ({ ...base(action, project), loginId, outcome: result, reason, runId, undoOf: undoOf?.get(loginId) });
  void s.activity.record([
    ...outcome.succeeded.map((id) => entry(id, 'succeeded')),
    ...outcome.failed.map((f) => entry(f.loginId, f.mayHaveBeenApplied ? 'mayHaveBeenApplied' : 'failed', f.reason)),
    ...outcome.notRun.map((id) => entry(id, 'notRun')),
  ]);
  return runId;
}

/** One user's change (create, password change); `failure`: the words the user was shown, and what was thrown. */
export function recordOne(s: Services, action: ActivityAction, project: Project, loginId: string, failure?: { reason: string; error: unknown }): void {
  const outcome: ActivityOutcome = !failure ? 'succeeded' : mayHaveBeenApplied(failure.error) ? 'mayHaveBeenApplied' : 'failed';
  void s.activity.record([{ ...base(action, project), loginId, outcome, reason: failure?.reason }]);
}

/** Undo in an enable or disable run's summary, when some user's change succeeded: mediumOne.undoActivity with the run. */
export function undoAction(s: Services, change: string, outcome: BulkOutcome, runId: string) {
  const label = vscode.l10n.t('Undo');
  return {
    actions: (change === 'enable' || change === 'disable') && outcome.succeeded.length > 0 ? [label] : [],
    chosen: (choice: string | undefined) => {
      if (choice === label) vscode.commands.executeCommand(Cmd.undoActivity, { runId }).then(undefined, (e: unknown) => s.log.error(describeError(e)));
    },
  };
}
