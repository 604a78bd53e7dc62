import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { Project } from '../../projects/project';
import type { ImportRow, RowProblem } from '../../users/importCsv';
import { resultOf, type RowResult } from '../../users/importReport';
import type { ActivityOutcome, NewActivity } from '../../activity/activityEntry';

/**
 * One entry per row of an import run (a Retry Failed is a run of its own), sharing one runId: the rows sent, then
 * the rows the file got wrong (not run, with the problem). Its own module, so it ships in the provisioning bundle only.
 */
export function recordImport(s: Services, project: Project, rows: readonly ImportRow[], results: ReadonlyMap<string, RowResult>, problems: readonly RowProblem[]): void {
  const runId = s.activity.newRunId();
  const entry = (loginId: string | undefined, outcome: ActivityOutcome, reason?: string): NewActivity =>
    ({ action: 'importRow', projectId: project.id, projectName: project.name, server: project.baseUrl, loginId: loginId || undefined, outcome, reason, runId });
  const sent = rows.map((row) => {
    const r = resultOf(results, row);
    if (r.kind === 'created' || r.kind === 'pending') return entry(row.loginId, 'succeeded');
    if (r.kind === 'notDisabled') return entry(row.loginId, 'failed', vscode.l10n.t('Created, but still enabled: {0}', r.reason));
    if (r.kind === 'failed') return entry(row.loginId, r.mayHaveBeenApplied ? 'mayHaveBeenApplied' : 'failed', r.reason);
    return entry(row.loginId, 'notRun');
  });
  void s.activity.record([...sent, ...problems.map((p) => entry(p.loginId, 'notRun', vscode.l10n.t('line {0}: {1}', p.line, p.reason)))]);
}
