import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { Project } from '../../projects/project';
import { capabilitiesOf } from '../../projects/capabilities';
import { roleLabel } from '../../projects/roleLabels';
import type { MediumOneClient } from '../../api/client';
import { USER_LIMITS } from '../../users/limits';
import type { ImportRow, ParsedImport, RowNote, RowProblem } from '../../users/importCsv';
import { loadFileFormats } from '../project/fileFormats';
import { countResults, resultOf, type ImportCounts, type RowResult } from '../../users/importReport';
import { runBulk } from '../../users/bulkRun';
import { createCall } from '../../users/userCalls';
import type { Concurrency } from '../../util/concurrency';
import { explainRefusal } from '../user/runUserOperation';
import { watchPendingUser } from '../user/watchPendingUser';
import { describeError } from '../../util/errorText';
import { withCancellableProgress } from '../../ui/progress';
import { offerCredentialsFile } from './saveCredentialsFile';
import { recordImport } from '../activity/recordImport';

const LISTED_PROBLEMS = 8;

export interface ImportOutcome {
  results: Map<string, RowResult>;
  report: vscode.Uri;
}

/**
 * The main bundle's adaptive controller for a server (src/users/serverConcurrency keeps one per client, and this
 * bundle has its own copy of that module): passed in, so an import shares it with every other bulk operation.
 */
export type ConcurrencyFor = (client: MediumOneClient) => Concurrency;

/**
 * Creates the users of a CSV file (columns login_id and password, optionally disabled) in a project: rows the file
 * gets wrong are named before anything is sent, one confirmation, then a cancellable bulk create (each row marked
 * disabled is disabled right after its create) that ends with a per-row report and an offer to save the new users'
 * credentials. Runs in the on-demand provisioning bundle; src/commands/project/importUsers.ts picks the project.
 */
export async function importUsersFlow(s: Services, project: Project, concurrency: ConcurrencyFor): Promise<ImportOutcome> {
  const uri = await s.prompts.openFile({
    title: vscode.l10n.t('Import users into {0} from a CSV file (columns login_id, password; disabled optional)', project.name),
    openLabel: vscode.l10n.t('Import'),
    filters: { CSV: ['csv', 'txt'] },
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  });
  if (!uri) throw new vscode.CancellationError();
  const fileName = path.posix.basename(uri.path);
  const { rows, problems, notes } = await readImportFile(s, uri, fileName);
  // The passwords are secrets from here on: any text that echoes one is scrubbed.
  s.redactor.register(...rows.map((r) => r.password));
  if (rows.length === 0) {
    throw new Error(vscode.l10n.t('{0} has no row to import. {1}', fileName, listProblems(problems)));
  }
  const toDisable = rows.filter((r) => r.disabled).length;
  // Refused before anything is sent: creating the users and leaving them enabled would not be what the file says.
  if (toDisable && capabilitiesOf(project.role).update !== 'any') {
    throw new Error(vscode.l10n.t(
      '{0} marks {1} users disabled, but the {2} account of {3} may not disable users. Import the file into a Business project, or empty its disabled column.',
      fileName, toDisable, roleLabel(project.role), project.name,
    ));
  }

  const verb = rows.length === 1 ? vscode.l10n.t('Create 1 User') : vscode.l10n.t('Create {0} Users', rows.length);
  const detail = [
    problems.length === 1 ? vscode.l10n.t('1 row will be skipped: {0}', listProblems(problems))
    : problems.length ? vscode.l10n.t('{0} rows will be skipped: {1}', problems.length, listProblems(problems)) : '',
    toDisable ? vscode.l10n.t('{0} of them will be disabled right after they are created (the file\'s disabled column).', toDisable) : '',
    describeNotes(notes),
    vscode.l10n.t('The passwords are sent only to {0} and are not saved anywhere.', project.name),
  ].filter(Boolean).join('\n\n');
  const choice = await s.prompts.confirm(vscode.l10n.t('Create {0} users from {1} in {2}?', rows.length, fileName, project.name), detail, verb);
  if (choice !== verb) throw new vscode.CancellationError();

  return runImport(s, project, concurrency, fileName, rows, problems);
}

async function readImportFile(s: Services, uri: vscode.Uri, fileName: string): Promise<ParsedImport> {
  const formats = loadFileFormats(s);
  try {
    // The size first: a file over the cap is never read into memory.
    formats.checkImportFileSize((await vscode.workspace.fs.stat(uri)).size);
    const text = formats.decodeImportFile(await vscode.workspace.fs.readFile(uri));
    return formats.parseImportCsv(text, { maxLoginId: USER_LIMITS.loginId, maxPassword: USER_LIMITS.password });
  } catch (e) {
    if (e instanceof formats.ImportFileError) throw new Error(`${fileName}: ${e.message}`);
    throw e;
  }
}

/** What the import changed in login_ids, by line, so that nothing is changed silently. */
function describeNotes(notes: readonly RowNote[]): string {
  const lines = (note: RowNote['note']) => notes.filter((n) => n.note === note).map((n) => n.line);
  const list = (l: number[]) => l.slice(0, LISTED_PROBLEMS).join(', ') + (l.length > LISTED_PROBLEMS ? vscode.l10n.t(' and {0} more', l.length - LISTED_PROBLEMS) : '');
  const trimmed = lines('trimmed');
  const unescaped = lines('unescaped');
  return [
    trimmed.length === 1 ? vscode.l10n.t('Spaces around the login_id were removed on line {0}.', trimmed[0])
    : trimmed.length ? vscode.l10n.t('Spaces around the login_id were removed on {0} rows (lines {1}).', trimmed.length, list(trimmed)) : '',
    unescaped.length === 1 ? vscode.l10n.t('The leading \' that Export writes before =, +, -, @ was removed on line {0}.', unescaped[0])
    : unescaped.length ? vscode.l10n.t('The leading \' that Export writes before =, +, -, @ was removed on {0} rows (lines {1}).', unescaped.length, list(unescaped)) : '',
  ].filter(Boolean).join(' ');
}

const listProblems = (problems: readonly RowProblem[]) =>
  problems.slice(0, LISTED_PROBLEMS).map((p) => vscode.l10n.t('line {0}: {1}', p.line, p.reason)).join('; ') +
  (problems.length > LISTED_PROBLEMS ? vscode.l10n.t('; and {0} more', problems.length - LISTED_PROBLEMS) : '');

/** What a Retry Failed carries over from the run before. */
interface RetryOf {
  /** Rows created but not disabled: only the disable is retried. */
  created: ReadonlySet<string>;
  /** Rows whose create failed after it may have reached the server: looked for before anything is resent. */
  appliedBefore: ReadonlySet<string>;
}

/**
 * Creates the rows (as many at once as the server takes, see concurrencyFor; cancellable), disables those the
 * file marks disabled, updates the tree, and reports every row. `retry`: what the run before left (see RetryOf);
 * a row whose earlier create may have been applied is read first, and a user found is taken as that create's, not
 * created again.
 */
async function runImport(
  s: Services, project: Project, concurrencyFor: ConcurrencyFor, fileName: string, rows: ImportRow[], problems: RowProblem[], retry: RetryOf = { created: new Set(), appliedBefore: new Set() },
): Promise<ImportOutcome> {
  const client = await s.clients.for(project);
  const byId = new Map(rows.map((r) => [r.loginId, r]));
  const results = new Map<string, RowResult>();
  const title = vscode.l10n.t('Creating {0} users in {1}…', rows.length, project.name);
  const outcome = await withCancellableProgress(title, (progress, signal) =>
    runBulk([...byId.keys()], async (loginId) => {
      const row = byId.get(loginId)!;
      // No signal on the calls themselves: a create once sent is seen through (see runBulk), so the report stays true.
      // A user created by an earlier run may have been a 202 that never showed: it is looked for again.
      let pending = retry.created.has(loginId);
      // Only where the earlier create may have been applied: a user found otherwise existed before this import. Not
      // found yet may still be that create, accepted for later (202): an "exists" answer to the create is then its.
      const earlierMayHaveApplied = retry.appliedBefore.has(loginId);
      const found = !pending && earlierMayHaveApplied && (await createCall(row.password).holds(client, loginId)) === true;
      if (!pending && !found) pending = (await client.createUser({ loginId, password: row.password, earlierMayHaveApplied })).status === 'pending';
      if (!row.disabled) return void results.set(loginId, { kind: pending ? 'pending' : 'created' });
      results.set(loginId, await disableCreated(s, project, client, loginId, pending));
    }, {
      concurrency: concurrencyFor(client),
      signal,
      describeError: (e) => s.redactor.redact(explainRefusal(project, 'create', e)),
      appliedBefore: retry.appliedBefore,
      onItemDone: (_id, _ok, done, total) => progress.report({ increment: 100 / total, message: `${done}/${total}` }),
    }),
  );
  for (const f of outcome.failed) results.set(f.loginId, { kind: 'failed', reason: f.reason, mayHaveBeenApplied: f.mayHaveBeenApplied });
  recordImport(s, project, rows, results, problems);
  await showInTree(s, project, results);

  const report = s.reports.add(`Import into ${project.name} from ${fileName}`, s.redactor.redact(loadFileFormats(s).importReport({ projectName: project.name, fileName, rows, results, problems, at: new Date() })));
  const counts = countResults(rows, results, problems.length);
  s.log.info(`Import from ${fileName} into ${project.name}: ${counts.created} created, ${counts.pending} pending, ${counts.notDisabled} created but not disabled, ${counts.failed} failed, ${counts.skipped} skipped, ${counts.notRun} not run`);
  for (const f of outcome.failed) s.log.warn(`Import: creating ${f.loginId} in ${project.name} failed: ${f.reason}`);
  for (const [id, r] of results) if (r.kind === 'notDisabled') s.log.warn(`Import: ${id} was created in ${project.name} but disabling it failed: ${r.reason}`);
  // The users this run created (a Retry's disable-only rows were offered by the run that created them).
  const made = rows.filter((r) => ['created', 'pending', 'notDisabled'].includes(resultOf(results, r).kind) && !retry.created.has(r.loginId));
  notify(s, project, concurrencyFor, fileName, rows, results, counts, report, made);
  if (counts.failed + counts.skipped + counts.notDisabled > 0) await s.reports.show(report);
  return { results, report };
}

/**
 * Disables a user the import just created, waiting first for a 202 creation to exist. A failure leaves the user
 * created and enabled, and says so: never "failed", which would make a retry create it again.
 */
async function disableCreated(s: Services, project: Project, client: MediumOneClient, loginId: string, pending: boolean): Promise<RowResult> {
  try {
    if (pending) await client.waitUntilExists(loginId);
    await client.updateUser(loginId, { disabled: true });
    return { kind: 'created', disabled: true };
  } catch (e) {
    return { kind: 'notDisabled', reason: s.redactor.redact(explainRefusal(project, 'disable', e)) };
  }
}

/** Created users join the tree (tracked where the project cannot list); 202s show as pending and are polled quietly. */
async function showInTree(s: Services, project: Project, results: Map<string, RowResult>): Promise<void> {
  const made = [...results].filter(([, r]) => ['created', 'pending', 'notDisabled'].includes(r.kind)).map(([id]) => id);
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

/**
 * One summary notification: Show Report, Retry Failed (the failed and unsent rows, no new confirmation) and Save
 * Credentials File… for the users created (their passwords are the file's; kept only until the notification goes).
 */
function notify(
  s: Services, project: Project, concurrencyFor: ConcurrencyFor, fileName: string, rows: ImportRow[], results: Map<string, RowResult>, c: ImportCounts,
  report: vscode.Uri, made: readonly ImportRow[],
): void {
  const parts = [vscode.l10n.t('Imported {0} of {1} users from {2} into {3}.', c.created + c.pending + c.notDisabled, rows.length + c.skipped, fileName, project.name)];
  if (c.pending) parts.push(vscode.l10n.t('{0} pending (the server creates them shortly).', c.pending));
  if (c.notDisabled) parts.push(vscode.l10n.t('{0} created but still enabled (disabling them failed).', c.notDisabled));
  if (c.failed) parts.push(vscode.l10n.t('{0} failed.', c.failed));
  if (c.skipped) parts.push(vscode.l10n.t('{0} skipped (problems in the file).', c.skipped));
  if (c.notRun) parts.push(vscode.l10n.t('{0} not run (cancelled).', c.notRun));
  const text = s.redactor.redact(parts.join(' '));
  const showReport = vscode.l10n.t('Show Report');
  const retry = vscode.l10n.t('Retry Failed');
  const again = rows.filter((r) => ['failed', 'notRun', 'notDisabled'].includes(resultOf(results, r).kind));
  const created = new Set(again.filter((r) => resultOf(results, r).kind === 'notDisabled').map((r) => r.loginId));
  const mayHaveApplied = (r: ImportRow) => {
    const result = resultOf(results, r);
    return result.kind === 'failed' && result.mayHaveBeenApplied === true;
  };
  const appliedBefore = new Set(again.filter(mayHaveApplied).map((r) => r.loginId));
  const save = vscode.l10n.t('Save Credentials File…');
  const actions = [...(again.length ? [retry] : []), showReport, ...(made.length ? [save] : [])];
  const shown = again.length ? s.prompts.error(text, ...actions) : s.prompts.info(text, ...actions);
  void shown
    .then(async (choice) => {
      if (choice === showReport) await s.reports.show(report);
      if (choice === retry) await runImport(s, project, concurrencyFor, fileName, again, [], { created, appliedBefore });
      if (choice === save) await offerCredentialsFile(s, project, made.map((r) => ({ loginId: r.loginId, password: r.password })));
    })
    .catch((e: unknown) => {
      const reason = s.redactor.redact(describeError(e));
      s.log.error(`Import follow-up failed: ${reason}`);
      void s.prompts.error(reason);
    });
}
