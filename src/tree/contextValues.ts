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

export function userContextValue(project: Project, entry: UserEntry): string {
  const caps = capabilitiesOf(project.role);
  const self = entry.loginId === project.loginId;
  const mayUpdate = caps.update === 'any' || (caps.update === 'self' && self);
  const live = entry.state !== 'pending' && entry.state !== 'notFound' && !entry.busy;
  return join([
    'user',
    entry.state,
    entry.busy && 'busy',
    live && mayUpdate && entry.state !== 'disabled' && 'canDisable',
    live && mayUpdate && entry.state !== 'enabled' && 'canEnable',
    live && mayUpdate && 'canChangePassword',
    live && caps.delete && 'canDelete',
    (caps.read === 'any' || (caps.read === 'self' && self)) && 'canRead',
    entry.mqttId && 'hasMqttId',
    entry.tracked && 'tracked',
  ]);
}

/** True when a context value holds the token: the same test the `when` clauses make. */
export const hasToken = (contextValue: string, token: string) => contextValue.split(';').includes(token);
