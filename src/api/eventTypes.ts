// The shapes of events as the client sends and returns them (SPEC section 7), apart from the calls so that the
// answer decoding (eventAnswers.ts) and the calls (events.ts) both use them without importing each other.

export interface EventToSend {
  event_data: Record<string, unknown>;
  /** ISO 8601 with a time zone; the server uses the time it received the event when absent. */
  observed_at?: string;
  add_client_ip?: boolean;
}

export interface ReceivedEvent {
  /** The event's data as the server sent it (event_data), or the whole object when it has none. */
  data: unknown;
  /** ISO string when the server gave one (a number is read as epoch milliseconds, or seconds when small). */
  observedAt?: string;
  receivedAt?: string;
  /** Every field the server sent for this event. */
  raw: Record<string, unknown>;
}

export interface EventQuery {
  since?: string;
  until?: string;
  /** 1 to `EVENT_LIMITS.maxQueryLimit`; the server's default is its maximum. */
  limit?: number;
  sortBy?: 'observed_at' | 'received_at' | 'internal';
  sortDirection?: 'asc' | 'desc';
}

export interface SendEventsResult {
  /** Count the server reported, when it reported one. */
  created?: number;
  status: number;
}
