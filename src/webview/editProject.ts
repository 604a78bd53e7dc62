import type { EditProjectToHost, EditProjectToView, ProjectFormInitial, ProjectFormValues } from '../webviews/protocol/editProject';
import { field, h, mount, onMessage, post, setFieldError, setFormError, $ } from './dom';

let strings: Record<string, string> = {};
const CUSTOM = '__custom__';

function render(initial: ProjectFormInitial): void {
  const input = (value = '', type = 'text') => h('input', { type, value, autocomplete: 'off', spellcheck: 'false' });
  const name = input(initial.name);
  const known = initial.knownHosts.some((k) => k.url === initial.baseUrl);
  const server = h('select', {},
    ...initial.knownHosts.map((k) => h('option', { value: k.url, selected: k.url === initial.baseUrl }, k.label)),
    h('option', { value: CUSTOM, selected: !known }, strings.custom),
  );
  const baseUrl = input(initial.baseUrl);
  const role = h('select', {}, ...(['business', 'registration', 'basic'] as const).map((r) => h('option', { value: r, selected: r === initial.role }, strings[r])));
  const loginId = input(initial.loginId);
  const password = h('input', { type: 'password', autocomplete: 'new-password', placeholder: initial.hasPassword ? strings.stored : '' });
  const apiKey = h('input', { type: 'password', autocomplete: 'off', placeholder: initial.hasApiKey ? strings.stored : '' });
  const mqttId = input(initial.mqttId ?? '');
  const production = h('input', { type: 'checkbox', checked: initial.production });
  const save = h('button', { type: 'submit', id: 'submit' }, strings.save);
  const saveAnyway = h('button', { type: 'button', id: 'saveAnyway', class: 'secondary', hidden: true }, strings.saveAnyway);
  const cancel = h('button', { type: 'button', id: 'cancel', class: 'secondary' }, strings.cancel);

  const urlField = field('baseUrl', strings.baseUrl, baseUrl);
  const syncServer = () => {
    urlField.hidden = server.value !== CUSTOM;
    if (server.value !== CUSTOM) baseUrl.value = server.value;
  };
  server.addEventListener('change', syncServer);
  syncServer();

  const values = (): ProjectFormValues => ({
    name: name.value.trim(),
    baseUrl: baseUrl.value.trim(),
    role: role.value as ProjectFormValues['role'],
    loginId: loginId.value.trim(),
    mqttId: mqttId.value.trim() || undefined,
    production: production.checked,
    password: password.value || undefined,
    apiKey: apiKey.value.trim() || undefined,
  });
  const submit = (skipConnectionTest: boolean) => {
    setFormError(undefined);
    const v = values();
    const missing: [string, boolean][] = [
      ['name', !v.name],
      ['baseUrl', !v.baseUrl],
      ['loginId', !v.loginId],
      ['password', !v.password && !initial.hasPassword],
      ['apiKey', !v.apiKey && !initial.hasApiKey],
    ];
    missing.forEach(([id, bad]) => setFieldError(id, bad ? strings.required : undefined));
    const first = missing.find(([, bad]) => bad);
    if (first) return document.getElementById(first[0])?.focus();
    setBusy(true);
    post<EditProjectToHost>({ type: 'save', values: v, skipConnectionTest });
  };
  saveAnyway.addEventListener('click', () => submit(true));
  cancel.addEventListener('click', () => post<EditProjectToHost>({ type: 'cancel' }));

  const form = h('form', { novalidate: true },
    h('h1', {}, initial.name),
    h('div', { id: 'formError', class: 'form-error', role: 'alert', hidden: true }),
    field('name', strings.name, name),
    field('server', strings.server, server),
    urlField,
    field('role', strings.role, role),
    field('loginId', strings.loginId, loginId),
    field('password', strings.password, password),
    field('apiKey', strings.apiKey, apiKey),
    field('mqttId', strings.mqttId, mqttId),
    h('div', { class: 'field checkbox' }, production, h('label', { for: 'production' }, strings.production)),
    h('div', { class: 'actions' }, save, saveAnyway, cancel),
  );
  production.id = 'production';
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit(false);
  });
  mount(form);
  name.focus();
}

function setBusy(busy: boolean): void {
  const save = $<HTMLButtonElement>('#submit');
  save.disabled = busy;
  save.textContent = busy ? strings.saving : strings.save;
}

onMessage<EditProjectToView>((message) => {
  if (message.type === 'init') {
    strings = message.strings;
    render(message.initial);
    return;
  }
  setBusy(false);
  if (!message.error) return;
  // A failed sign-in may be the server's problem, not the form's: offer to save regardless.
  $<HTMLButtonElement>('#saveAnyway').hidden = false;
  if (message.error.field) setFieldError(message.error.field, message.error.message);
  else setFormError(message.error.message);
});
post<EditProjectToHost>({ type: 'ready' });
