import type { ConnectionView, UserDetailsStrings, UserDetailsToHost } from '../protocol/userDetails';
import { h, post } from './dom';

// The details page's "Connect a device" section: the MQTT facts the host composed, a Copy button per snippet format
// and Send Test Event. The page names a format; the host builds the snippet and asks about secrets.

export function connectionSection(c: ConnectionView, s: UserDetailsStrings): HTMLElement {
  const facts = c.facts.map((f) =>
    h('tr', {}, h('th', { scope: 'row' }, f.label), h('td', {}, f.missing ? h('span', { class: 'muted' }, f.value) : h('code', {}, f.value))),
  );
  const snippetButtons = c.snippets.map(({ format, label }) => {
    const button = h('button', { type: 'button', class: 'secondary', 'data-format': format }, label);
    button.addEventListener('click', () => post<UserDetailsToHost>({ type: 'copySnippet', format }));
    return button;
  });
  let send: HTMLButtonElement | undefined;
  if (c.sendTestEvent) {
    send = h('button', { type: 'button', id: 'sendTestEvent' }, s.sendTestEvent);
    send.addEventListener('click', () => post<UserDetailsToHost>({ type: 'sendTestEvent' }));
  }
  return h('section', { id: 'connection', 'aria-labelledby': 'connectionTitle' },
    h('h2', { id: 'connectionTitle' }, s.connection),
    h('p', { id: 'connectionNotice', class: 'notice muted', role: 'status', hidden: !c.notice }, c.notice ?? ''),
    h('table', { id: 'connectionFacts' }, h('tbody', {}, ...facts)),
    h('p', { class: 'hint' }, s.copySnippets),
    h('div', { class: 'row', id: 'snippets' }, ...snippetButtons),
    send ? h('div', { class: 'actions' }, send) : undefined,
  );
}
