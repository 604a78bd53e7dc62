import type { UserAction, UserDetailsModel, UserDetailsToHost, UserDetailsToView } from '../webviews/protocol/userDetails';
import { h, mount, onMessage, post } from './dom';

let strings: Record<string, string> = {};

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

function render(model: UserDetailsModel): void {
  const rows = Object.entries(model.fields).map(([k, v]) =>
    h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, typeof v === 'object' && v !== null ? h('code', {}, JSON.stringify(v)) : show(v))),
  );
  const userData = model.userData && Object.keys(model.userData).length > 0
    ? h('pre', { id: 'userData' }, JSON.stringify(model.userData, null, 2))
    : h('p', { id: 'userData', class: 'muted' }, strings.noUserData);
  const buttons = model.actions.map((action: UserAction) => {
    const button = h('button', { type: 'button', 'data-action': action, class: action === 'delete' ? 'danger' : action === 'refresh' ? 'secondary' : undefined }, strings[action] ?? action);
    button.addEventListener('click', () => post<UserDetailsToHost>({ type: 'action', action }));
    return button;
  });
  mount(
    h('header', {},
      h('h1', {}, model.loginId),
      h('p', { class: 'muted' }, `${strings.project}: ${model.projectName} · ${strings.state}: `, h('strong', { id: 'state' }, model.state)),
    ),
    model.error ? h('div', { id: 'formError', class: 'form-error', role: 'alert' }, model.error) : h('span'),
    h('div', { class: 'actions', id: 'actions' }, ...buttons),
    h('h2', {}, strings.fields),
    h('table', { id: 'fields' }, h('tbody', {}, ...rows)),
    h('h2', {}, strings.userData),
    userData,
  );
}

onMessage<UserDetailsToView>((message) => {
  if (message.type === 'model') {
    strings = message.strings;
    render(message.model);
  } else {
    document.querySelectorAll<HTMLButtonElement>('#actions button').forEach((b) => (b.disabled = message.busy));
    document.getElementById('app')?.setAttribute('aria-busy', String(message.busy));
  }
});
post<UserDetailsToHost>({ type: 'ready' });
