// Small DOM helpers shared by the webview pages. Pages build their DOM with these (never innerHTML with
// data), so text from the server cannot inject markup.

import type { FieldChecks } from './formChecks';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

/** Sends a message of the page's protocol to the host. */
export const post = <T>(message: T) => api.postMessage(message);

/** Listens to the host's messages (typed by the page's protocol). */
export function onMessage<T>(handler: (message: T) => void): void {
  window.addEventListener('message', (event: MessageEvent<T>) => handler(event.data));
}

/**
 * What the user typed, kept across the page reload VS Code does when a hidden panel is shown again
 * (retainContextWhenHidden is off). Callers must never put a secret in it: webview state is not secret.
 */
export const draft = {
  load: <T extends object>(): Partial<T> => (api.getState() as Partial<T> | undefined) ?? {},
  save: <T extends object>(values: T) => api.setState(values),
};

type Attrs = Record<string, string | number | boolean | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | undefined)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== undefined) el.append(c);
  return el;
}

export const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

/** A labelled field with an (empty) error line under it, tied to the input with aria-describedby. */
export function field(id: string, label: string, input: HTMLElement, hint?: string): HTMLElement {
  input.id = id;
  input.setAttribute('aria-describedby', `${id}-error${hint ? ` ${id}-hint` : ''}`);
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    input,
    hint ? h('div', { class: 'hint', id: `${id}-hint` }, hint) : undefined,
    h('div', { class: 'field-error', id: `${id}-error`, 'aria-live': 'polite' }),
  );
}

export function setFieldError(id: string, message: string | undefined): void {
  const input = document.getElementById(id);
  const error = document.getElementById(`${id}-error`);
  if (!input || !error) return;
  error.textContent = message ?? '';
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

/** Shows every check's outcome; focuses the first bad field and returns false when there is one. */
export function showChecks<F extends string>(checks: FieldChecks<F>): boolean {
  checks.forEach(([id, message]) => setFieldError(id, message));
  const bad = checks.find(([, message]) => message);
  if (bad) document.getElementById(bad[0])?.focus();
  return !bad;
}

/** The message above the form, for errors that concern no single field. */
export function setFormError(message: string | undefined): void {
  const el = document.getElementById('formError');
  if (!el) return;
  el.textContent = message ?? '';
  el.hidden = !message;
}

export const formError = () => h('div', { id: 'formError', class: 'form-error', role: 'alert', hidden: true });

export function mount(...children: Node[]): void {
  const app = $('#app');
  app.replaceChildren(...children);
  app.setAttribute('aria-busy', 'false');
}
