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

/**
 * CSV: one row per user, columns `login_id,state,disabled,mqtt_id,user_data` (`user_data` as JSON text, `disabled`
 * empty where the state is not known). A `login_id` column first, so the file can be the start of an import file.
 */
export function usersToCsv(users: readonly ExportedUser[]): string {
  const rows = users.map((u) => [
    u.loginId,
    u.state,
    u.state === 'enabled' ? 'false' : u.state === 'disabled' ? 'true' : '',
    u.mqttId ?? '',
    u.userData && Object.keys(u.userData).length ? JSON.stringify(u.userData) : '',
  ]);
  // CRLF and quotes where needed (RFC 4180). Values are written exactly (no formula escaping, which would prefix a
  // quote to a login_id such as "+49…" and break the data): the README warns about opening it in a spreadsheet.
  return Papa.unparse({ fields: ['login_id', 'state', 'disabled', 'mqtt_id', 'user_data'], data: rows }, { newline: '\r\n' }) + '\r\n';
}

/** JSON: `{ project, exportedAt, users: [{ login_id, state, disabled?, mqtt_id?, user_data? }] }`, the API's field names. */
export function usersToJson(projectName: string, users: readonly ExportedUser[], now: Date): string {
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
  return `${JSON.stringify(body, null, 2)}\n`;
}
