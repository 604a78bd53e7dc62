import type { CreatedUser, CreateUserStrings, CreateUserToHost } from '../protocol/createUser';
import { draft, h, mount, post } from './dom';

// The create form's "created" state: the new user's login_id, its MQTT ID when known, and the password shown this
// once (from what the page itself submitted, never sent back by the host), with Copy, Save Credentials File,
// Create Another and Close. Copy and Save act on the host's copy, so this page needs no clipboard permission.

const mqttIdCell = (user: CreatedUser) => (user.mqttId ? h('code', {}, user.mqttId) : h('span', { class: 'muted' }, user.mqttIdMissing ?? ''));

/** `password` is undefined after a reload: the page no longer has it, and says so. */
export function renderCreated(user: CreatedUser, password: string | undefined, s: CreateUserStrings): void {
  // A reload must not open the form pre-filled with a user that now exists.
  draft.save({ loginId: '' });
  const copy = h('button', { type: 'button', id: 'copyPassword' }, s.copy);
  const save = h('button', { type: 'button', id: 'saveCredentials', class: 'secondary' }, s.saveCredentials);
  const another = h('button', { type: 'button', id: 'createAnother', class: 'secondary' }, s.createAnother);
  const close = h('button', { type: 'button', id: 'close', class: 'secondary' }, s.close);
  const status = h('p', { id: 'copyStatus', class: 'muted', role: 'status' });
  copy.addEventListener('click', () => post<CreateUserToHost>({ type: 'copyPassword' }));
  save.addEventListener('click', () => post<CreateUserToHost>({ type: 'saveCredentials' }));
  another.addEventListener('click', () => post<CreateUserToHost>({ type: 'createAnother' }));
  close.addEventListener('click', () => post<CreateUserToHost>({ type: 'cancel' }));

  const row = (label: string, value: Node | string, id: string) =>
    h('tr', {}, h('th', { scope: 'row' }, label), h('td', { id }, value));
  mount(
    h('section', { id: 'created', 'aria-labelledby': 'createdTitle' },
      h('h1', { id: 'createdTitle' }, s.createdTitle),
      h('p', { id: 'createdSummary', role: 'status' }, user.summary),
      h('table', { id: 'createdFacts' }, h('tbody', {},
        row(s.loginId, h('code', {}, user.loginId), 'createdLoginId'),
        row(s.mqttId, mqttIdCell(user), 'createdMqttId'),
        row(s.password, password === undefined ? h('span', { class: 'muted' }, s.passwordGone) : h('code', { class: 'secret' }, password), 'createdPassword'),
      )),
      password === undefined ? undefined : h('p', { class: 'hint', id: 'passwordOnce' }, s.passwordOnce),
      h('div', { class: 'actions' }, copy, save, another, close),
      status,
    ),
  );
  copy.focus();
}

/** A pending creation landed (or the MQTT ID became known): the facts change, the password shown stays. */
export function updateCreated(user: CreatedUser): void {
  const summary = document.getElementById('createdSummary');
  const mqttId = document.getElementById('createdMqttId');
  if (summary) summary.textContent = user.summary;
  mqttId?.replaceChildren(mqttIdCell(user));
}

/** Copy answered: say so next to the buttons (the clipboard itself is not visible). */
export function showCopied(s: CreateUserStrings): void {
  const status = document.getElementById('copyStatus');
  if (status) status.textContent = s.copied;
}
