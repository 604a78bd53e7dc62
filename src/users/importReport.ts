import { l10n } from '../util/l10n';
import type { ImportRow, RowProblem } from './importCsv';

/**
 * The per-row result of an import, as a Markdown document the user can read, search and save. Knows nothing of
 * VS Code. It names each row by its line in the file and never holds a password.
 */

export type RowResult =
  | { kind: 'created'; disabled?: boolean }
  | { kind: 'pending' }
  /** Created, but the file asked for it disabled and that failed: it exists, enabled. Retrying only disables it. */
  | { kind: 'notDisabled'; reason: string }
  /** `mayHaveBeenApplied`: its answer was lost after the create may have reached the server (Retry Failed checks first). */
  | { kind: 'failed'; reason: string; mayHaveBeenApplied?: boolean }
  | { kind: 'notRun' };

export interface ImportReportInput {
  projectName: string;
  fileName: string;
  rows: readonly ImportRow[];
  results: ReadonlyMap<string, RowResult>;
  problems: readonly RowProblem[];
  at: Date;
}

export interface ImportCounts {
  created: number;
  pending: number;
  notDisabled: number;
  failed: number;
  skipped: number;
  notRun: number;
}

/** A row with no result was never sent (the run was cancelled before it). */
export const resultOf = (results: ReadonlyMap<string, RowResult>, row: ImportRow): RowResult => results.get(row.loginId) ?? { kind: 'notRun' };

export function countResults(rows: readonly ImportRow[], results: ReadonlyMap<string, RowResult>, skipped: number): ImportCounts {
  const counts: ImportCounts = { created: 0, pending: 0, notDisabled: 0, failed: 0, skipped, notRun: 0 };
  for (const row of rows) counts[resultOf(results, row).kind] += 1;
  return counts;
}

const resultText = (r: RowResult): string => {
  switch (r.kind) {
    case 'created': return r.disabled ? l10n.t('created, disabled') : l10n.t('created');
    case 'pending': return l10n.t('accepted (pending: the server creates it shortly)');
    case 'notDisabled': return l10n.t('created, but still enabled');
    case 'failed': return l10n.t('failed');
    case 'notRun': return l10n.t('not run (cancelled)');
  }
};

/** A Markdown table cell: pipes escaped, line breaks flattened, so a hostile login_id cannot break the table. */
const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r\n|\r|\n/g, ' ').replace(/([`*_[\]<>])/g, '\\$1');

export function importReport(input: ImportReportInput): string {
  const counts = countResults(input.rows, input.results, input.problems.length);
  const lines = [
    `# ${l10n.t('Import into "{0}" from {1}', cell(input.projectName), cell(input.fileName))}`,
    '',
    `${input.at.toISOString()} · ` +
      (counts.notDisabled
        ? l10n.t(
            '{0} created, {1} pending, {2} created but not disabled, {3} failed, {4} skipped (problems in the file), {5} not run. Passwords are not shown.',
            counts.created, counts.pending, counts.notDisabled, counts.failed, counts.skipped, counts.notRun,
          )
        : l10n.t(
            '{0} created, {1} pending, {2} failed, {3} skipped (problems in the file), {4} not run. Passwords are not shown.',
            counts.created, counts.pending, counts.failed, counts.skipped, counts.notRun,
          )),
    '',
    `| ${l10n.t('Line')} | login_id | ${l10n.t('Result')} | ${l10n.t('Why')} |`,
    '| ---: | --- | --- | --- |',
  ];
  const entries = [
    ...input.rows.map((row) => {
      const r = resultOf(input.results, row);
      return { line: row.line, loginId: row.loginId, result: resultText(r), why: r.kind === 'failed' || r.kind === 'notDisabled' ? r.reason : '' };
    }),
    ...input.problems.map((p) => ({ line: p.line, loginId: p.loginId, result: l10n.t('skipped'), why: p.reason })),
  ].sort((a, b) => a.line - b.line);
  for (const e of entries) lines.push(`| ${e.line} | ${cell(e.loginId)} | ${e.result} | ${cell(e.why)} |`);
  return `${lines.join('\n')}\n`;
}
