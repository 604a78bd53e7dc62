// Small DOM helpers shared by the webview pages. Pages build their DOM with these (never innerHTML with
// data), so server text cannot inject markup.

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

/** Sends a message of the page's protocol to the host. */
export const post = <T>(message: T) => api.postMessage(message);

/** Listens to the host's messages (typed by the page's protocol). */
export function onMessage<T>(handler: (message: T) => void): void {
  window.addEventListener('message', (event: MessageEvent<T>) => handler(event.data));
}

type Attrs = Record<string, string | boolean | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | undefined)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== undefined) el.append(c);
  return el;
}

export const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

/** A labelled field with an error line under it, wired with aria-describedby. */
export function field(id: string, label: string, input: HTMLElement, hint?: string): HTMLElement {
  input.id = id;
  input.setAttribute('aria-describedby', `${id}-error${hint ? ` ${id}-hint` : ''}`);
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    input,
    hint ? h('div', { class: 'hint', id: `${id}-hint` }, hint) : undefined,
    h('div', { class: 'field-error', id: `${id}-error`, role: 'alert' }),
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

export function setFormError(message: string | undefined): void {
  const el = document.getElementById('formError');
  if (!el) return;
  el.textContent = message ?? '';
  el.hidden = !message;
}

export function mount(...children: Node[]): void {
  const app = $('#app');
  app.replaceChildren(...children);
  app.setAttribute('aria-busy', 'false');
}
