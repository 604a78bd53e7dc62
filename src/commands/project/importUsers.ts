import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { Project } from '../../projects/project';
import { capabilitiesOf } from '../../projects/capabilities';
import { MAX_LENGTH } from '../../webviews/protocol/limits';
import type { ImportRow, RowProblem } from '../../users/importCsv';
import { loadFileFormats } from './fileFormats';
import { countResults, importReport, resultOf, type ImportCounts, type RowResult } from '../../users/importReport';
import { runBulk } from '../../users/bulkRun';
import { readSettings } from '../../settings';
import { UserCancelled } from '../registerCommand';
import { resolveProject } from '../pickers';
import { explainRefusal } from '../user/runUserOperation';
import { watchPendingUser } from '../user/watchPendingUser';
import { describeError } from '../../util/errorText';
import { withCancellableProgress } from '../../ui/progress';

const LISTED_PROBLEMS = 8;

export interface ImportOutcome {
  results: Map<string, RowResult>;
  report: vscode.Uri;
}

/**
 * Creates the users of a CSV file (columns login_id and password) in a project: rows the file gets wrong are named
 * before anything is sent, one confirmation, then a cancellable bulk create that ends with a per-row report.
 */
export const importUsers = (s: Services) => async (node?: unknown): Promise<ImportOutcome> => {
  const project = await resolveProject(s, node, (p) => capabilitiesOf(p.role).create,
    vscode.l10n.t('No project here may create users: that needs a Business or Registration account.'));
  const uri = await s.prompts.openFile({
    title: vscode.l10n.t('Import users into {0} from a CSV file (columns login_id, password)', project.name),
    openLabel: vscode.l10n.t('Import'),
    filters: { CSV: ['csv', 'txt'] },
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  });
  if (!uri) throw new UserCancelled();
  const fileName = path.posix.basename(uri.path);
  const { rows, problems } = await readImportFile(s, uri, fileName);
  // The passwords are secrets from here on: any text that echoes one is scrubbed.
  s.redactor.register(...rows.map((r) => r.password));
  if (rows.length === 0) {
    throw new Error(vscode.l10n.t('{0} has no row to import. {1}', fileName, listProblems(problems)));
  }

  const verb = rows.length === 1 ? vscode.l10n.t('Create 1 User') : vscode.l10n.t('Create {0} Users', rows.length);
  const detail = [
    problems.length === 1 ? vscode.l10n.t('1 row will be skipped: {0}', listProblems(problems))
    : problems.length ? vscode.l10n.t('{0} rows will be skipped: {1}', problems.length, listProblems(problems)) : '',
    vscode.l10n.t('The passwords are sent only to {0} and are not saved anywhere.', project.name),
  ].filter(Boolean).join('\n\n');
  const choice = await s.prompts.confirm(vscode.l10n.t('Create {0} users from {1} in {2}?', rows.length, fileName, project.name), detail, verb);
  if (choice !== verb) throw new UserCancelled();

  return runImport(s, project, fileName, rows, problems);
};

async function readImportFile(s: Services, uri: vscode.Uri, fileName: string): Promise<{ rows: ImportRow[]; problems: RowProblem[] }> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(uri));
  } catch (e) {
    if (e instanceof TypeError) throw new Error(vscode.l10n.t('{0} is not UTF-8 text. Save it as "CSV UTF-8" and import it again.', fileName));
    throw e;
  }
  const formats = loadFileFormats(s);
  try {
    return formats.parseImportCsv(text, { maxLoginId: MAX_LENGTH.loginId, maxPassword: MAX_LENGTH.secret });
  } catch (e) {
    if (e instanceof formats.ImportFileError) throw new Error(`${fileName}: ${e.message}`);
    throw e;
  }
}

const listProblems = (problems: readonly RowProblem[]) =>
  problems.slice(0, LISTED_PROBLEMS).map((p) => vscode.l10n.t('line {0}: {1}', p.line, p.reason)).join('; ') +
  (problems.length > LISTED_PROBLEMS ? vscode.l10n.t('; and {0} more', problems.length - LISTED_PROBLEMS) : '');

/** Creates the rows (bounded concurrency, cancellable), updates the tree, and reports every row. */
async function runImport(s: Services, project: Project, fileName: string, rows: ImportRow[], problems: RowProblem[]): Promise<ImportOutcome> {
  const client = await s.clients.for(project);
  const byId = new Map(rows.map((r) => [r.loginId, r]));
  const results = new Map<string, RowResult>();
  const title = vscode.l10n.t('Creating {0} users in {1}…', rows.length, project.name);
  const outcome = await withCancellableProgress(title, (progress, signal) =>
    runBulk([...byId.keys()], async (loginId) => {
      // No signal on the call itself: a create once sent is seen through (see runBulk), so the report stays true.
      const created = await client.createUser({ loginId, password: byId.get(loginId)!.password });
      results.set(loginId, { kind: created.status === 'pending' ? 'pending' : 'created' });
    }, {
      concurrency: readSettings().concurrency,
      signal,
      describeError: (e) => s.redactor.redact(explainRefusal(project, { infinitive: 'create' }, e)),
      onItemDone: (_id, _ok, done, total) => progress.report({ increment: 100 / total, message: `${done}/${total}` }),
    }),
  );
  for (const f of outcome.failed) results.set(f.loginId, { kind: 'failed', reason: f.reason });
  await showInTree(s, project, results);

  const report = s.reports.add(`Import into ${project.name} from ${fileName}`, importReport({ projectName: project.name, fileName, rows, results, problems, at: new Date() }));
  const counts = countResults(rows, results, problems.length);
  s.log.info(`Import from ${fileName} into ${project.name}: ${counts.created} created, ${counts.pending} pending, ${counts.failed} failed, ${counts.skipped} skipped, ${counts.notRun} not run`);
  for (const f of outcome.failed) s.log.warn(`Import: creating ${f.loginId} in ${project.name} failed: ${f.reason}`);
  notify(s, project, fileName, rows, results, counts, report);
  if (counts.failed + counts.skipped > 0) await s.reports.show(report);
  return { results, report };
}

/** Created users join the tree (tracked where the project cannot list); 202s show as pending and are polled quietly. */
async function showInTree(s: Services, project: Project, results: Map<string, RowResult>): Promise<void> {
  const made = [...results].filter(([, r]) => r.kind === 'created' || r.kind === 'pending').map(([id]) => id);
  if (made.length === 0) return;
  const load = await s.users.ensureLoaded(project);
  if (load.status !== 'loaded' || load.source === 'tracked') await s.projects.track(project.id, made);
  const client = await s.clients.for(project);
  for (const [id, r] of results) {
    if (r.kind !== 'pending') continue;
    s.users.markPending(project.id, id);
    watchPendingUser(s, project, id, client, { quiet: true });
  }
  // One reload of the project rather than a row at a time: an import may add thousands.
  s.users.invalidate(project.id);
}

/** One summary notification: Show Report, and Retry Failed (the failed and unsent rows, no new confirmation). */
function notify(s: Services, project: Project, fileName: string, rows: ImportRow[], results: Map<string, RowResult>, c: ImportCounts, report: vscode.Uri): void {
  const parts = [vscode.l10n.t('Imported {0} of {1} users from {2} into {3}.', c.created + c.pending, rows.length + c.skipped, fileName, project.name)];
  if (c.pending) parts.push(vscode.l10n.t('{0} pending (the server creates them shortly).', c.pending));
  if (c.failed) parts.push(vscode.l10n.t('{0} failed.', c.failed));
  if (c.skipped) parts.push(vscode.l10n.t('{0} skipped (problems in the file).', c.skipped));
  if (c.notRun) parts.push(vscode.l10n.t('{0} not run (cancelled).', c.notRun));
  const text = s.redactor.redact(parts.join(' '));
  const showReport = vscode.l10n.t('Show Report');
  const retry = vscode.l10n.t('Retry Failed');
  const again = rows.filter((r) => ['failed', 'notRun'].includes(resultOf(results, r).kind));
  const shown = again.length ? s.prompts.error(text, retry, showReport) : s.prompts.info(text, showReport);
  void shown
    .then(async (choice) => {
      if (choice === showReport) await s.reports.show(report);
      if (choice === retry) await runImport(s, project, fileName, again, []);
    })
    .catch((e: unknown) => s.log.error(`Import retry failed: ${s.redactor.redact(describeError(e))}`));
}
