import * as z from 'zod/mini';
import { SNIPPET_FORMATS, USER_ACTIONS, type SnippetFormat, type UserAction } from './limits';

// The user-details page's messages. The host parses every ToHost with the schema; the page imports types only.
// Nothing secret crosses: the snippets are built and copied by the host, the page only names a format.

export type { SnippetFormat, UserAction } from './limits';

/** One line of the "Connect a device" section, label and value both ready to show. */
export interface ConnectionFact {
  label: string;
  value: string;
  /** The value is not known (e.g. no MQTT ID yet): `value` says why, shown muted. */
  missing?: boolean;
}

/** The "Connect a device" section: facts and texts composed (and localised) by the host. */
export interface ConnectionView {
  facts: ConnectionFact[];
  /** Why some facts are missing (e.g. the project has no MQTT ID, so the MQTT formats ask for it). */
  notice?: string;
  /** One Copy button per format, with its label. */
  snippets: { format: SnippetFormat; label: string }[];
  /** Offered only where the project's account may send events for this user. */
  sendTestEvent: boolean;
}

export interface UserDetailsModel {
  projectName: string;
  loginId: string;
  state: string;
  mqttId?: string;
  /** Every field the server sent. */
  fields: Record<string, unknown>;
  userData?: Record<string, unknown>;
  /** A read of the user failed: shown as an error. */
  error?: string;
  /**
   * Information, not an error: why the page shows less than every field (e.g. a Registration account cannot read
   * users, so only what this extension knows is shown, and no state).
   */
  notice?: string;
  actions: UserAction[];
  connection?: ConnectionView;
  /** Names the stream and the count the Recent Events section reads, e.g. `Stream "raw", newest first.`. */
  eventsCaption?: string;
}

/** One event as the table shows it: times formatted for the reader, data as (possibly cut) JSON. */
export interface EventRowView {
  observed: string;
  /** The time as the server sent it, for the cell's tooltip. */
  observedIso?: string;
  received?: string;
  receivedIso?: string;
  data: string;
  /** The whole data, when `data` is cut. */
  full?: string;
}

/** The Recent Events section once the user asked for it. */
export interface RecentEventsView {
  loading: boolean;
  rows: EventRowView[];
  /** `Last seen: <time> (<relative>)`, from the newest event. */
  lastSeen?: string;
  /** Shown instead of the table when the stream holds no event for the user. */
  empty?: string;
  /** The read failed or the role may not read events: shown in the section. */
  error?: string;
}

export type UserDetailsStrings = Record<
  | 'project' | 'state' | 'mqttId' | 'fields' | 'userData' | 'noUserData' | 'loading' | UserAction
  | 'connection' | 'copySnippets' | 'sendTestEvent'
  | 'recentEvents' | 'showRecentEvents' | 'refreshEvents' | 'observed' | 'received' | 'data' | 'showAll',
  string
>;

export type UserDetailsToView =
  | { type: 'strings'; strings: UserDetailsStrings }
  | { type: 'model'; model: UserDetailsModel }
  /** Loading or an action failed; the last model (if any) stays on screen. */
  | { type: 'error'; message: string }
  | { type: 'busy'; busy: boolean }
  | { type: 'events'; events: RecentEventsView };

export const userDetailsToHost = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('action'), action: z.enum(USER_ACTIONS) }),
  z.strictObject({ type: z.literal('copySnippet'), format: z.enum(SNIPPET_FORMATS) }),
  z.strictObject({ type: z.literal('sendTestEvent') }),
  /** Show Recent Events and its Refresh: one read of the user's last events. */
  z.strictObject({ type: z.literal('loadEvents') }),
]);
export type UserDetailsToHost = z.infer<typeof userDetailsToHost>;

/**
 * Handled one at a time (see inboundHandler): each opens prompts or reads the server, and the page disables its
 * button meanwhile, so a second one while the first runs is a double click or forged.
 */
export const userDetailsOneAtATime: readonly UserDetailsToHost['type'][] = ['copySnippet', 'sendTestEvent', 'loadEvents'];
