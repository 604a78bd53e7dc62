import type { EventRowView, RecentEventsView, UserDetailsStrings, UserDetailsToHost } from '../protocol/userDetails';
import { h, post } from './dom';

// The details page's "Recent events" section. Nothing is read until the user asks (Show Recent Events); then a
// table of the last events, newest first, with "last seen", or the empty or error text, and Refresh.

/** Cut data shows its preview, and the whole JSON inside a disclosure. */
function dataCell(row: EventRowView, s: UserDetailsStrings): HTMLElement {
  const preview = h('pre', { class: 'event-data' }, row.data);
  if (row.full === undefined) return h('td', {}, preview);
  return h('td', {}, preview, h('details', {}, h('summary', {}, s.showAll), h('pre', { class: 'event-data', tabindex: 0 }, row.full)));
}

/** A time as the reader's, with the server's own text as the tooltip. */
const timeCell = (text: string | undefined, iso: string | undefined) => h('td', { title: iso }, text ?? '');

function table(rows: EventRowView[], s: UserDetailsStrings): HTMLElement {
  // A column only when some event has a received time: the server need not send one.
  const withReceived = rows.some((r) => r.received !== undefined);
  return h('table', { id: 'eventsTable' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, s.observed), withReceived ? h('th', { scope: 'col' }, s.received) : undefined, h('th', { scope: 'col' }, s.data))),
    h('tbody', {}, ...rows.map((r) => h('tr', {},
      timeCell(r.observed, r.observedIso),
      withReceived ? timeCell(r.received, r.receivedIso) : undefined,
      dataCell(r, s),
    ))),
  );
}

/** The section: `events` undefined until the user asked for them. */
export function eventsSection(caption: string, events: RecentEventsView | undefined, s: UserDetailsStrings): HTMLElement {
  const loaded = events !== undefined;
  const button = h('button', { type: 'button', id: 'loadEvents', class: loaded ? 'secondary' : undefined, disabled: events?.loading }, loaded ? s.refreshEvents : s.showRecentEvents);
  button.addEventListener('click', () => post<UserDetailsToHost>({ type: 'loadEvents' }));
  let body: (Node | undefined)[] = [];
  if (events?.loading) body = [h('p', { class: 'muted', id: 'eventsLoading' }, s.loading)];
  else if (events?.error) body = [h('div', { id: 'eventsError', class: 'form-error', role: 'alert' }, events.error)];
  else if (events?.empty) body = [h('p', { id: 'eventsEmpty', class: 'muted' }, events.empty)];
  else if (events) {
    body = [events.lastSeen ? h('p', { id: 'lastSeen' }, events.lastSeen) : undefined, table(events.rows, s)];
  }
  return h('section', { id: 'recentEvents', 'aria-labelledby': 'recentEventsTitle', 'aria-busy': String(events?.loading ?? false) },
    h('h2', { id: 'recentEventsTitle' }, s.recentEvents),
    h('p', { class: 'muted', id: 'eventsCaption' }, caption),
    h('div', { class: 'row' }, button),
    ...body,
  );
}
