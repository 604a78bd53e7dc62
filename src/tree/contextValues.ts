import type { Project } from '../projects/project';
import { capabilitiesOf, mayUseEvents } from '../projects/capabilities';
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
    project.origin && 'fromSettings',
    project.origin && `origin-${project.origin}`,
  ]);
}

const STATES: UserEntry['state'][] = ['enabled', 'disabled', 'pending', 'notFound', 'error', 'unknown'];
/** Context values already built, by the flags they depend on: 10,000 rows share a handful of strings. */
const built = new Map<number, string>();

/**
 * A row whose state is not known (`unknown`: not read yet, or a role that cannot read) carries `stateUnknown` and
 * offers neither Enable nor Disable: offering one would claim the opposite state, offering both looks like a user
 * the tree knows. Where the role may read, the state is being read (those rows first) and the menus follow within
 * moments; Show Details reads it at once. An `error` row (its read failed) says so in its own words and icon, and
 * keeps both: PATCH sets the state outright, and it is the only way to act on a user whose GET keeps failing.
 *
 * It runs for every row, and a project may have 100,000: the value depends on a few flags only, so each distinct
 * value is built once and shared.
 */
export function userContextValue(project: Project, entry: UserEntry): string {
  const caps = capabilitiesOf(project.role);
  const self = entry.loginId === project.loginId;
  const mayUpdate = caps.update === 'any' || (caps.update === 'self' && self);
  const mayRead = caps.read === 'any' || (caps.read === 'self' && self);
  const events = mayUseEvents(project, entry.loginId);
  const flags = STATES.indexOf(entry.state) | (entry.busy ? 8 : 0) | (mayUpdate ? 16 : 0) | (caps.delete ? 32 : 0) | (mayRead ? 64 : 0) | (entry.mqttId ? 128 : 0) | (entry.tracked ? 256 : 0) | (events ? 512 : 0);
  let value = built.get(flags);
  if (value === undefined) built.set(flags, (value = compose(entry.state, Boolean(entry.busy), mayUpdate, caps.delete, mayRead, Boolean(entry.mqttId), Boolean(entry.tracked), events)));
  return value;
}

/**
 * `canSendEvents` stays on a disabled user: the server's refusal, explained in the roles document's words, is what
 * the user should see there. A user not on the server (pending, not found) has no events either way.
 */
function compose(state: UserEntry['state'], busy: boolean, mayUpdate: boolean, mayDelete: boolean, mayRead: boolean, hasMqttId: boolean, tracked: boolean, events: boolean): string {
  const onServer = state !== 'pending' && state !== 'notFound';
  const live = onServer && !busy;
  const known = state !== 'unknown';
  return join([
    'user',
    state,
    !known && 'stateUnknown',
    busy && 'busy',
    live && mayUpdate && known && state !== 'disabled' && 'canDisable',
    live && mayUpdate && known && state !== 'enabled' && 'canEnable',
    live && mayUpdate && 'canChangePassword',
    live && mayDelete && 'canDelete',
    mayRead && 'canRead',
    hasMqttId && 'hasMqttId',
    tracked && 'tracked',
    live && events && 'canSendEvents',
    onServer && events && 'canReadEvents',
  ]);
}

/** True when a context value holds the token: the same test the `when` clauses make. */
export const hasToken = (contextValue: string, token: string) => contextValue.split(';').includes(token);
