import type { Project } from '../projects/project';
import { capabilitiesOf } from '../projects/capabilities';
import type { UserEntry } from './userEntry';

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

/** Built by appending, not by joining an array: it runs for every row, and a project may have 10,000. */
export function userContextValue(project: Project, entry: UserEntry): string {
  const caps = capabilitiesOf(project.role);
  const self = entry.loginId === project.loginId;
  const mayUpdate = caps.update === 'any' || (caps.update === 'self' && self);
  const live = entry.state !== 'pending' && entry.state !== 'notFound' && !entry.busy;
  let value = `user;${entry.state}`;
  if (entry.busy) value += ';busy';
  if (live && mayUpdate) {
    if (entry.state !== 'disabled') value += ';canDisable';
    if (entry.state !== 'enabled') value += ';canEnable';
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
