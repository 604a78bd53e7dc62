import type { CreateUserToHost, CreateUserToView, FieldName } from '../webviews/protocol/createUser';
import { field, h, mount, onMessage, post, setFieldError, setFormError, $ } from './dom';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.!@#%+=';

/** 20 characters from a crypto source, with rejection sampling so every character is equally likely. */
function generatePassword(length = 20): string {
  const out: string[] = [];
  const limit = 256 - (256 % ALPHABET.length);
  while (out.length < length) {
    for (const b of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (b < limit && out.length < length) out.push(ALPHABET[b % ALPHABET.length]);
    }
  }
  return out.join('');
}

/** Advice only: length and variety. The server's rule, undocumented, is the authority. */
function strength(pw: string): 0 | 1 | 2 {
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(pw)).length;
  if (pw.length >= 14 && kinds >= 3) return 2;
  if (pw.length >= 10 && kinds >= 2) return 1;
  return 0;
}

let strings: Record<string, string> = {};
let pendingRequest: string | undefined;

function render(projectName: string): void {
  const loginId = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', required: true });
  const password = h('input', { type: 'password', autocomplete: 'new-password', required: true });
  const confirm = h('input', { type: 'password', autocomplete: 'new-password', required: true });
  const meter = h('div', { class: 'strength', id: 'strength', 'aria-live': 'polite' });
  const toggle = h('button', { type: 'button', id: 'toggleShow', class: 'secondary' }, strings.show);
  const generate = h('button', { type: 'button', id: 'generate', class: 'secondary' }, strings.generate);
  const submit = h('button', { type: 'submit', id: 'submit' }, strings.create);
  const cancel = h('button', { type: 'button', id: 'cancel', class: 'secondary' }, strings.cancel);

  const updateMeter = () => {
    const s = strength(password.value);
    meter.dataset.level = String(s);
    meter.textContent = password.value ? `${[strings.strengthWeak, strings.strengthFair, strings.strengthStrong][s]} ${strings.strengthNote}` : '';
  };
  password.addEventListener('input', () => {
    updateMeter();
    setFieldError('password', undefined);
  });
  loginId.addEventListener('input', () => setFieldError('loginId', undefined));
  confirm.addEventListener('input', () => setFieldError('confirm', undefined));
  toggle.addEventListener('click', () => {
    const show = password.type === 'password';
    for (const input of [password, confirm]) input.type = show ? 'text' : 'password';
    toggle.textContent = show ? strings.hide : strings.show;
    toggle.setAttribute('aria-pressed', String(show));
  });
  generate.addEventListener('click', () => {
    password.value = confirm.value = generatePassword();
    for (const input of [password, confirm]) input.type = 'text';
    toggle.textContent = strings.hide;
    updateMeter();
    setFieldError('password', undefined);
    setFieldError('confirm', undefined);
  });
  cancel.addEventListener('click', () => post<CreateUserToHost>({ type: 'cancel' }));

  const form = h('form', { novalidate: true },
    h('h1', {}, `${strings.create} — ${projectName}`),
    h('div', { id: 'formError', class: 'form-error', role: 'alert', hidden: true }),
    field('loginId', strings.loginId, loginId, strings.loginIdHint),
    field('password', strings.password, password),
    h('div', { class: 'row' }, generate, toggle),
    meter,
    field('confirm', strings.confirm, confirm),
    h('div', { class: 'actions' }, submit, cancel),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (pendingRequest) return;
    setFormError(undefined);
    const problems: [string, string | undefined][] = [
      ['loginId', loginId.value.trim() ? undefined : strings.required],
      ['password', password.value ? undefined : strings.required],
      ['confirm', confirm.value === password.value ? undefined : strings.mismatch],
    ];
    problems.forEach(([id, message]) => setFieldError(id, message));
    const first = problems.find(([, m]) => m);
    if (first) return document.getElementById(first[0])?.focus();
    pendingRequest = crypto.randomUUID();
    setBusy(true);
    post<CreateUserToHost>({ type: 'submit', requestId: pendingRequest, loginId: loginId.value.trim(), password: password.value });
  });
  mount(form);
  loginId.focus();
}

function setBusy(busy: boolean): void {
  const submit = $<HTMLButtonElement>('#submit');
  submit.disabled = busy;
  submit.textContent = busy ? strings.creating : strings.create;
}

onMessage<CreateUserToView>((message) => {
  if (message.type === 'init') {
    strings = message.strings;
    render(message.projectName);
  } else if (message.type === 'result' && message.requestId === pendingRequest) {
    pendingRequest = undefined;
    setBusy(false);
    const error = message.error;
    if (!error) return;
    const fieldName: FieldName | undefined = error.field;
    if (fieldName) {
      setFieldError(fieldName, error.message);
      document.getElementById(fieldName)?.focus();
    } else {
      setFormError(error.message);
    }
  }
});
post<CreateUserToHost>({ type: 'ready' });
