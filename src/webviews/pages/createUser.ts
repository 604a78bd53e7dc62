import type { CreateUserStrings, CreateUserToHost, CreateUserToView } from '../protocol/createUser';
import { MAX_LENGTH } from '../protocol/limits';
import { draft, field, formError, h, mount, onMessage, post, setFieldError, setFormError, showChecks, $ } from './dom';
import { renderCreated, showCopied, updateCreated } from './createUserCreated';
import { checkNewUser } from './formChecks';
import { generatePassword, passwordStrength } from './password';

// The create-user form. The password never leaves this page except in the one `submit` message, and is
// never kept in webview state (only the login ID survives the panel being hidden). After a create, the password
// submitted is shown once (./createUserCreated.ts) from this page's memory, then dropped.

let strings: CreateUserStrings;
/** The submit awaiting its answer; a counter, since crypto.randomUUID needs a secure context code-server may lack. */
let pending: string | undefined;
/** The password of the pending submit, held only until its answer: shown once if created, dropped either way. */
let submitted: string | undefined;
let submits = 0;

const randomBytes = (count: number) => crypto.getRandomValues(new Uint8Array(count));

function render(): void {
  // autocomplete "off", not "new-password": Chromium saves the value of any shown (type=text) field whose
  // autocomplete is not "off" into its session-restore files on disk, and Show and Generate make these text fields.
  const secretInput = () => h('input', { type: 'password', autocomplete: 'off', spellcheck: 'false', maxlength: MAX_LENGTH.secret });
  const loginId = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', maxlength: MAX_LENGTH.loginId, value: draft.load<{ loginId: string }>().loginId ?? '' });
  const password = secretInput();
  const confirm = secretInput();
  const toggle = h('button', { type: 'button', id: 'toggleShow', class: 'secondary', 'aria-pressed': 'false', 'aria-controls': 'password confirm' }, strings.show);
  const generate = h('button', { type: 'button', id: 'generate', class: 'secondary' }, strings.generate);
  const meterBar = h('div', { class: 'strength-bar', 'aria-hidden': 'true' }, h('span'));
  const meterText = h('span', { id: 'strength-text' });
  const meter = h('div', { class: 'strength', id: 'strength', 'aria-live': 'polite' }, meterBar, meterText);
  const submit = h('button', { type: 'submit', id: 'submit' }, strings.create);
  const cancel = h('button', { type: 'button', id: 'cancel', class: 'secondary' }, strings.cancel);

  const showPasswords = (show: boolean) => {
    for (const input of [password, confirm]) input.type = show ? 'text' : 'password';
    toggle.textContent = show ? strings.hide : strings.show;
    toggle.setAttribute('aria-pressed', String(show));
  };
  const updateMeter = () => {
    const level = passwordStrength(password.value);
    meter.dataset.level = password.value ? String(level) : '';
    meterText.textContent = password.value
      ? `${[strings.strengthWeak, strings.strengthFair, strings.strengthStrong][level]} ${strings.strengthNote}`
      : '';
  };
  loginId.addEventListener('input', () => {
    setFieldError('loginId', undefined);
    draft.save({ loginId: loginId.value });
  });
  password.addEventListener('input', () => {
    updateMeter();
    setFieldError('password', undefined);
  });
  confirm.addEventListener('input', () => setFieldError('confirm', undefined));
  toggle.addEventListener('click', () => showPasswords(password.type === 'password'));
  generate.addEventListener('click', () => {
    password.value = confirm.value = generatePassword(randomBytes);
    showPasswords(true); // a generated password is only useful if the user can see and copy it
    updateMeter();
    setFieldError('password', undefined);
    setFieldError('confirm', undefined);
  });
  cancel.addEventListener('click', () => post<CreateUserToHost>({ type: 'cancel' }));

  const form = h('form', { novalidate: true, autocomplete: 'off' },
    h('h1', {}, strings.title),
    formError(),
    field('loginId', strings.loginId, loginId, strings.loginIdHint),
    field('password', strings.password, password),
    h('div', { class: 'row' }, generate, toggle),
    meter,
    field('confirm', strings.confirm, confirm),
    h('div', { class: 'actions' }, submit, cancel),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (pending) return;
    setFormError(undefined);
    const values = { loginId: loginId.value.trim(), password: password.value, confirm: confirm.value };
    if (!showChecks(checkNewUser(values, strings))) return;
    pending = String(++submits);
    submitted = values.password;
    setBusy(true);
    post<CreateUserToHost>({ type: 'submit', requestId: pending, loginId: values.loginId, password: values.password });
  });
  mount(form);
  loginId.focus();
}

function setBusy(busy: boolean): void {
  const submit = $<HTMLButtonElement>('#submit');
  submit.disabled = busy;
  submit.textContent = busy ? strings.creating : strings.create;
  $('form').setAttribute('aria-busy', String(busy));
}

onMessage<CreateUserToView>((message) => {
  switch (message.type) {
    case 'init':
      strings = message.strings;
      render();
      return;
    case 'copied':
      showCopied(strings);
      return;
    case 'createdChanged':
      updateCreated(message.user);
      return;
    case 'created': {
      // Without a requestId, or for another submit, the page does not hold this user's password (a reload).
      const password = message.requestId !== undefined && message.requestId === pending ? submitted : undefined;
      pending = submitted = undefined;
      renderCreated(message.user, password, strings);
      return;
    }
  }
  if (message.requestId !== pending) return; // an answer to a submit from before a reload
  pending = submitted = undefined;
  setBusy(false);
  if (!message.error) return;
  const { field: name, message: text } = message.error;
  if (name) {
    setFieldError(name, text);
    document.getElementById(name)?.focus();
  } else {
    setFormError(text);
  }
});
post<CreateUserToHost>({ type: 'ready' });
