// What every route handler is given: the server's state and settings in force (ApiContext) and who is calling
// (Caller). Apart from routes.ts so that the events routes (eventRoutes.ts), which routes.ts dispatches to, use them
// without importing it back.
import type { EmulatorOptions } from './types';
import type { EventStore } from './events';
import type { EmulatorState, ProjectState } from './state';
import type { Session, Sessions } from './sessions';

export type Effective = Required<Pick<EmulatorOptions, 'sessionTtlMs' | 'lockout' | 'passwordRule' | 'listing' | 'existsStatus' | 'unknownUserStatus' | 'cookies' | 'eventsAnswers' | 'disabledStatus'>> &
  Pick<EmulatorOptions, 'sessionMaxCalls'>;

export interface ApiContext {
  state: EmulatorState;
  sessions: Sessions;
  /** The settings in force, defaults filled in. */
  settings: () => Effective;
  /** Whether this create is answered 202 (acceptedCreation and its share), and after how long the user appears. */
  acceptCreate: () => number | undefined;
  /** Users accepted with 202 and not yet created, per project: they count as existing for a second POST. */
  pending: Set<string>;
  /** Every user's events, per project and stream. */
  events: EventStore;
  schedule(ms: number, fn: () => void): void;
}

export interface Caller {
  session?: Session;
  project?: ProjectState;
}
