import { ACTIVITY_FIELDS, type ActivityEntry } from '../../activity/activityEntry';
import { csvTable } from '../../users/exportUsers';

// Show Activity's Export…: the entries the page lists (its filter applies) as CSV or JSON, with exactly the
// history's fields. Pure (no `vscode`) so unit tests read the files it writes. An entry never holds a secret; every
// value still passes `redact` (the extension's SecretRedactor) on its way to disk, as every export does.

export interface ActivityFileOptions {
  /** CSV only: write values exactly, formula prefixes included (mediumOne.export.rawCsv), as the users' export does. */
  raw?: boolean;
  redact?: (text: string) => string;
}

/** CSV: a header of the history's field names, one row per entry, empty cells for absent fields; RFC 4180 quoting. */
export function activityToCsv(entries: readonly ActivityEntry[], options: ActivityFileOptions = {}): string {
  const redact = options.redact ?? ((t: string) => t);
  return csvTable(ACTIVITY_FIELDS, entries.map((e) => ACTIVITY_FIELDS.map((f) => redact(e[f] ?? ''))), options.raw);
}

/** JSON: an array of the entries, each with the history's fields in its order (absent ones left out). */
export function activityToJson(entries: readonly ActivityEntry[], options: Pick<ActivityFileOptions, 'redact'> = {}): string {
  const picked = entries.map((e) => Object.fromEntries(ACTIVITY_FIELDS.filter((f) => e[f] !== undefined).map((f) => [f, e[f]])));
  const text = `${JSON.stringify(picked, null, 2)}\n`;
  return options.redact ? options.redact(text) : text;
}
