import type { RecentEventsView, UserAction, UserDetailsModel, UserDetailsStrings, UserDetailsToHost, UserDetailsToView } from '../protocol/userDetails';
import { h, mount, onMessage, post, setFormError } from './dom';
import { connectionSection } from './userDetailsConnection';
import { eventsSection } from './userDetailsEvents';

// The user-details page: it renders whatever model the host sends and asks the host to run actions;
// every value is set as text, so nothing the server returns can become markup.

let strings: UserDetailsStrings | undefined;
/** The last events shown: a new model (after an action) re-renders the page and keeps them. */
let events: RecentEventsView | undefined;
/** The events button had focus when a read began: it gets it back when the read ends (it is rebuilt meanwhile). */
let refocus = false;

/** Strings as they are, everything else as JSON (objects in <code> so they read as data). */
function cell(value: unknown): Node | string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) return h('code', {}, JSON.stringify(value));
  return String(value);
}

function actionButton(action: UserAction, s: UserDetailsStrings): HTMLButtonElement {
  const kind = action === 'delete' ? 'danger' : action === 'refresh' || action.startsWith('copy') ? 'secondary' : undefined;
  const button = h('button', { type: 'button', 'data-action': action, class: kind }, s[action]);
  button.addEventListener('click', () => post<UserDetailsToHost>({ type: 'action', action }));
  return button;
}

function render(model: UserDetailsModel, s: UserDetailsStrings): void {
  const rows = Object.entries(model.fields).map(([key, value]) => h('tr', {}, h('th', { scope: 'row' }, key), h('td', {}, cell(value))));
  const hasUserData = model.userData !== undefined && Object.keys(model.userData).length > 0;
  const summary = [`${s.project}: ${model.projectName}`, `${s.state}: ${model.state}`];
  if (model.mqttId) summary.push(`${s.mqttId}: ${model.mqttId}`);
  mount(
    h('header', {}, h('h1', {}, model.loginId), h('p', { class: 'muted', id: 'summary' }, summary.join(' · '))),
    h('div', { id: 'formError', class: 'form-error', role: 'alert', hidden: !model.error }, model.error ?? ''),
    // Informational, not an error: what the role cannot know is simply not shown.
    h('p', { id: 'notice', class: 'notice muted', role: 'status', hidden: !model.notice }, model.notice ?? ''),
    h('div', { class: 'actions', id: 'actions' }, ...model.actions.map((a) => actionButton(a, s))),
    h('h2', {}, s.fields),
    h('table', { id: 'fields' }, h('tbody', {}, ...rows)),
    h('h2', {}, s.userData),
    hasUserData ? h('pre', { id: 'userData', tabindex: 0 }, JSON.stringify(model.userData, null, 2)) : h('p', { id: 'userData', class: 'muted' }, s.noUserData),
    ...(model.connection ? [connectionSection(model.connection, s)] : []),
    ...(model.eventsCaption !== undefined ? [eventsSection(model.eventsCaption, events, s)] : []),
  );
}

/** Only the events section changes: the rest of the page (and the reader's place in it) stays. */
function showEvents(next: RecentEventsView, s: UserDetailsStrings): void {
  events = next;
  const section = document.getElementById('recentEvents');
  const caption = document.getElementById('eventsCaption')?.textContent ?? '';
  refocus ||= document.activeElement?.id === 'loadEvents';
  section?.replaceWith(eventsSection(caption, next, s));
  if (refocus && !next.loading) {
    refocus = false;
    document.getElementById('loadEvents')?.focus();
  }
}

function setBusy(busy: boolean): void {
  document.querySelectorAll<HTMLButtonElement>('#actions button').forEach((b) => (b.disabled = busy));
  document.getElementById('app')?.setAttribute('aria-busy', String(busy));
}

onMessage<UserDetailsToView>((message) => {
  switch (message.type) {
    case 'strings':
      strings = message.strings;
      mount(h('p', { class: 'muted', id: 'loading' }, strings.loading));
      return;
    case 'model':
      if (strings) render(message.model, strings);
      return;
    case 'error':
      // Before the first model there is no form-error slot yet: show the message on its own.
      if (document.getElementById('formError')) setFormError(message.message);
      else mount(h('div', { id: 'formError', class: 'form-error', role: 'alert' }, message.message));
      return;
    case 'busy':
      setBusy(message.busy);
      return;
    case 'events':
      if (strings) showEvents(message.events, strings);
  }
});
post<UserDetailsToHost>({ type: 'ready' });
