// The Medium One API client: the only module the extension imports from src/api.
export { MediumOneClient, defaultTimeoutMs } from './client';
// Events (sendEvents, queryEvents, EVENT_LIMITS): import src/api/events from a bundle loaded on demand, never here.
export type { EventQuery, EventToSend, ReceivedEvent, SendEventsResult } from './events';
export { MediumOneError, isMediumOneError, mayHaveBeenApplied, type ErrorKind, type MediumOneErrorInit } from './errors';
export { defaultRetryPolicy, parseRetryAfter } from './retry';
export { checkNewLoginId, isLoopbackHost, parseBaseUrl, redactUrl, userPath } from './url';
export { scrubSecrets, secretForms } from './scrub';
export type * from './types';
