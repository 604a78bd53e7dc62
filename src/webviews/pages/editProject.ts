import type { EditProjectStrings, EditProjectToHost, EditProjectToView, ProjectFormInitial, ProjectFormValues } from '../protocol/editProject';
import { MAX_LENGTH, ROLES, type Role } from '../protocol/limits';
import { draft, field, formError, h, mount, onMessage, post, setFieldError, setFormError, showChecks, $ } from './dom';
import { checkProject } from './formChecks';

// The project form. Stored secrets stay on the host: the page only knows whether each one is stored, and
// a secret field left empty means "keep it". Secrets are never put in webview state.

let strings: EditProjectStrings;
let busy = false;
const CUSTOM = '__custom__';

type Draft = Omit<ProjectFormValues, 'password' | 'apiKey'>;

function render(initial: ProjectFormInitial): void {
  const start: Draft = { ...initial, ...draft.load<Draft>() };
  const text = (value: string | undefined, max: number) => h('input', { type: 'text', value: value ?? '', maxlength: max, autocomplete: 'off', spellcheck: 'false' });
  const secret = (stored: boolean) => h('input', { type: 'password', maxlength: MAX_LENGTH.secret, autocomplete: 'off', placeholder: stored ? strings.stored : undefined });
  const name = text(start.name, MAX_LENGTH.name);
  // A new project starts on the first known host; a saved one on its own URL, known or not.
  const selected = start.baseUrl || initial.knownHosts[0]?.url || '';
  const isKnown = initial.knownHosts.some((k) => k.url === selected);
  const server = h('select', {},
    ...initial.knownHosts.map((k) => h('option', { value: k.url, selected: isKnown && k.url === selected }, k.label)),
    h('option', { value: CUSTOM, selected: !isKnown }, strings.custom),
  );
  const baseUrl = h('input', { type: 'url', value: selected, maxlength: MAX_LENGTH.baseUrl, autocomplete: 'off', spellcheck: 'false' });
  const role = h('select', {}, ...ROLES.map((r) => h('option', { value: r, selected: r === start.role }, strings[r])));
  const loginId = text(start.loginId, MAX_LENGTH.loginId);
  const password = secret(initial.hasPassword);
  const apiKey = secret(initial.hasApiKey);
  const mqttId = text(start.mqttId, MAX_LENGTH.mqttId);
  const production = h('input', { type: 'checkbox', id: 'production', checked: start.production });
  const save = h('button', { type: 'submit', id: 'submit' }, strings.save);
  const saveAnyway = h('button', { type: 'button', id: 'saveAnyway', class: 'secondary', hidden: true }, strings.saveAnyway);
  const cancel = h('button', { type: 'button', id: 'cancel', class: 'secondary' }, strings.cancel);

  const urlField = field('baseUrl', strings.baseUrl, baseUrl, strings.baseUrlHint);
  const syncServer = () => {
    const custom = server.value === CUSTOM;
    urlField.hidden = !custom;
    if (!custom) baseUrl.value = server.value;
    setFieldError('baseUrl', undefined);
  };
  server.addEventListener('change', () => {
    syncServer();
    if (server.value === CUSTOM) baseUrl.focus();
  });
  syncServer();

  const values = (): ProjectFormValues => ({
    name: name.value.trim(),
    baseUrl: baseUrl.value.trim(),
    role: role.value as Role,
    loginId: loginId.value.trim(),
    mqttId: mqttId.value.trim() || undefined,
    production: production.checked,
    // Passwords may legitimately start or end with spaces; API keys may not.
    password: password.value || undefined,
    apiKey: apiKey.value.trim() || undefined,
  });
  const submit = (skipConnectionTest: boolean) => {
    if (busy) return;
    setFormError(undefined);
    const v = values();
    if (!showChecks(checkProject(v, initial, strings))) return;
    setBusy(true, skipConnectionTest);
    post<EditProjectToHost>({ type: 'save', values: v, skipConnectionTest });
  };
  const form = h('form', { novalidate: true, autocomplete: 'off' },
    h('h1', {}, strings.heading),
    formError(),
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
  form.addEventListener('input', (e) => {
    if (e.target instanceof HTMLElement && e.target.id) setFieldError(e.target.id, undefined);
    const { password: _p, apiKey: _k, ...publicValues } = values();
    draft.save<Draft>(publicValues);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit(false);
  });
  saveAnyway.addEventListener('click', () => submit(true));
  cancel.addEventListener('click', () => post<EditProjectToHost>({ type: 'cancel' }));
  mount(form);
  name.focus();
}

function setBusy(on: boolean, skipConnectionTest = false): void {
  busy = on;
  const save = $<HTMLButtonElement>('#submit');
  save.disabled = $<HTMLButtonElement>('#saveAnyway').disabled = on;
  save.textContent = on ? (skipConnectionTest ? strings.saving : strings.testing) : strings.save;
  $('form').setAttribute('aria-busy', String(on));
}

onMessage<EditProjectToView>((message) => {
  if (message.type === 'init') {
    strings = message.strings;
    render(message.initial);
    return;
  }
  setBusy(false);
  if (!message.error) return;
  // The sign-in may have failed for the server's reasons, not the form's: offer to save regardless.
  $<HTMLButtonElement>('#saveAnyway').hidden = false;
  const { field, message: text } = message.error;
  // The URL field is hidden while a known host is selected: its errors then belong to the host select.
  const id = field === 'baseUrl' && document.getElementById('baseUrl')?.closest('[hidden]') ? 'server' : field;
  const target = id && document.getElementById(id);
  if (id && target) {
    setFieldError(id, text);
    target.focus();
  } else {
    setFormError(text);
  }
});
post<EditProjectToHost>({ type: 'ready' });
