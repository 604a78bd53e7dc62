import type { Project } from '../projects/project';
import { capabilitiesOf } from '../projects/capabilities';
import type { UserEntry } from '../users/userEntry';

/**
 * Context values are `;`-joined tokens; package.json matches one token with delimiters, e.g.
 * `viewItem =~ /(^|;)canDelete(;|$)/`, so adding a token never breaks an existing `when` clause.
 */
const join = (tokens: (string | false | undefined)[]) => tokens.filter(Boolean).join(';');

export function projectContextValue(project: Project, running?: boolean): string {
  const caps = capabilitiesOf(project.role);
  return join([
    'project',
    `role-${project.role}`,
    caps.create && 'canCreate',
    (caps.create || caps.read === 'any') && 'canTrack',
    project.sandbox && 'sandbox',
    project.sandbox && (running ? 'running' : 'stopped'),
    !project.sandbox && 'editable',
  ]);
}

/**
 * Built by appending, not by joining an array: it runs for every row, and a project may have 10,000.
 *
 * A row whose state is not known (`unknown`: not read yet, or a role that cannot read) carries `stateUnknown` and
 * offers neither Enable nor Disable: offering one would claim the opposite state, offering both looks like a user
 * the tree knows. Where the role may read, the state is being read (those rows first) and the menus follow within
 * moments; Show Details reads it at once. An `error` row (its read failed) says so in its own words and icon, and
 * keeps both: PATCH sets the state outright, and it is the only way to act on a user whose GET keeps failing.
 */
export function userContextValue(project: Project, entry: UserEntry): string {
  const caps = capabilitiesOf(project.role);
  const self = entry.loginId === project.loginId;
  const mayUpdate = caps.update === 'any' || (caps.update === 'self' && self);
  const live = entry.state !== 'pending' && entry.state !== 'notFound' && !entry.busy;
  const known = entry.state !== 'unknown';
  let value = `user;${entry.state}`;
  if (!known) value += ';stateUnknown';
  if (entry.busy) value += ';busy';
  if (live && mayUpdate) {
    if (known && entry.state !== 'disabled') value += ';canDisable';
    if (known && entry.state !== 'enabled') value += ';canEnable';
    value += ';canChangePassword';
  }
  if (live && caps.delete) value += ';canDelete';
  if (caps.read === 'any' || (caps.read === 'self' && self)) value += ';canRead';
  if (entry.mqttId) value += ';hasMqttId';
  if (entry.tracked) value += ';tracked';
  return value;
}

/** True when a context value holds the token: the same test the `when` clauses make. */
export const hasToken = (contextValue: string, token: string) => contextValue.split(';').includes(token);
