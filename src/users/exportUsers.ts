import Papa from 'papaparse';

/**
 * A project's user list as a file. Knows nothing of VS Code. It never holds a password: the extension never
 * has one for a user after creating it, and the server never returns one.
 */

export type ExportFormat = 'csv' | 'json';

/** What is exported of one user: the fields the server gave, and the state the view shows. */
export interface ExportedUser {
  loginId: string;
  /** `enabled`, `disabled`, `pending` (202, not there yet), `notFound`, `error` or `unknown`. */
  state: string;
  mqttId?: string;
  userData?: Record<string, unknown>;
}

/** How a file is written. */
export interface ExportOptions {
  /**
   * CSV only: write every value exactly, formula prefixes included (the `mediumOne.export.rawCsv` setting). Off by
   * default: see usersToCsv.
   */
  raw?: boolean;
  /** Applied to every value written (the extension passes its SecretRedactor): no secret reaches a file. */
  redact?: (text: string) => string;
}

/**
 * A cell a spreadsheet would run as a formula: one starting with `=`, `+`, `-`, `@`, a tab or a carriage return
 * (OWASP, "CSV Injection"). Such cells are written with a leading `'`, which spreadsheets show as text; the import
 * reads `'` followed by one of these characters back as the bare value, so an exported file still imports.
 */
export const FORMULA_PREFIX = /^[=+\-@\t\r]/;

/**
 * CSV: one row per user, columns `login_id,state,disabled,mqtt_id,user_data` (`user_data` as JSON text, `disabled`
 * empty where the state is not known). A `login_id` column first, so the file can be the start of an import file.
 * CRLF and quotes where needed (RFC 4180); formula prefixes neutralised unless `raw`.
 */
export function usersToCsv(users: readonly ExportedUser[], options: ExportOptions = {}): string {
  const redact = options.redact ?? ((t: string) => t);
  const rows = users.map((u) =>
    [
      u.loginId,
      u.state,
      u.state === 'enabled' ? 'false' : u.state === 'disabled' ? 'true' : '',
      u.mqttId ?? '',
      u.userData && Object.keys(u.userData).length ? JSON.stringify(u.userData) : '',
    ].map(redact),
  );
  return csvTable(['login_id', 'state', 'disabled', 'mqtt_id', 'user_data'], rows, options.raw);
}

/**
 * The one CSV writer of every export (users, activity history): a header row, CRLF line ends, quotes where needed
 * (RFC 4180), and formula prefixes neutralised unless `raw`.
 */
export function csvTable(fields: readonly string[], rows: readonly string[][], raw = false): string {
  const escapeFormulae = raw ? false : new RegExp(FORMULA_PREFIX.source, 's');
  return Papa.unparse({ fields: [...fields], data: rows.map((r) => [...r]) }, { newline: '\r\n', escapeFormulae }) + '\r\n';
}

/** JSON: `{ project, exportedAt, users: [{ login_id, state, disabled?, mqtt_id?, user_data? }] }`, the API's field names. */
export function usersToJson(projectName: string, users: readonly ExportedUser[], now: Date, options: Pick<ExportOptions, 'redact'> = {}): string {
  const body = {
    project: projectName,
    exportedAt: now.toISOString(),
    users: users.map((u) => ({
      login_id: u.loginId,
      state: u.state,
      ...(u.state === 'enabled' || u.state === 'disabled' ? { disabled: u.state === 'disabled' } : {}),
      ...(u.mqttId !== undefined ? { mqtt_id: u.mqttId } : {}),
      ...(u.userData !== undefined ? { user_data: u.userData } : {}),
    })),
  };
  // Redacted as text: the redactor knows each secret's JSON-escaped form too.
  const text = `${JSON.stringify(body, null, 2)}\n`;
  return options.redact ? options.redact(text) : text;
}
