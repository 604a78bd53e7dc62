import type { ActivityFilter, ActivityModel, ActivityRowView, ActivityStrings, ActivityToHost, ActivityToView } from '../protocol/activity';
import { MAX_LENGTH } from '../protocol/limits';
import { $, field, formError, h, mount, onMessage, post, setFormError } from './dom';

// The Show Activity page: filters, Export, and the history's table, newest first. The host filters and composes
// every text; the page sends what the user chose. Built once when the strings arrive, then only the project list,
// the summary and the table change, so typing in the user filter keeps its focus.

let strings: ActivityStrings | undefined;
/** The host's last filter: a user row's whole login_id stays whole until the user edits the text. */
let shownFilter: ActivityFilter = {};

const input = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;

function readFilter(): ActivityFilter {
  const value = (id: string) => input<HTMLInputElement | HTMLSelectElement>(id)?.value ?? '';
  const filter: ActivityFilter = {};
  if (value('project')) filter.projectId = value('project');
  if (value('user')) filter.loginId = value('user');
  if (shownFilter.exactLoginId && filter.loginId === shownFilter.loginId) filter.exactLoginId = true;
  if (value('action')) filter.action = value('action') as ActivityFilter['action'];
  if (value('outcome')) filter.outcome = value('outcome') as ActivityFilter['outcome'];
  return filter;
}

const sendFilter = () => post<ActivityToHost>({ type: 'filter', filter: readFilter() });

function select(any: string, options: [string, string][]): HTMLSelectElement {
  const el = h('select', {}, h('option', { value: '' }, any), ...options.map(([value, label]) => h('option', { value }, label)));
  el.addEventListener('change', sendFilter);
  return el;
}

function button(label: string, message: ActivityToHost, attrs: Record<string, string> = {}): HTMLButtonElement {
  const el = h('button', { type: 'button', class: 'secondary', ...attrs }, label);
  el.addEventListener('click', () => post<ActivityToHost>(message));
  return el;
}

function skeleton(s: ActivityStrings): void {
  const user = h('input', { type: 'text', maxlength: MAX_LENGTH.loginId, placeholder: s.userHint, autocomplete: 'off', spellcheck: 'false' });
  user.addEventListener('input', sendFilter);
  document.title = s.title;
  mount(
    h('header', {}, h('h1', {}, s.title)),
    formError(),
    h('section', { class: 'filters', 'aria-label': s.filters },
      field('project', s.project, select(s.allProjects, [])),
      field('user', s.user, user),
      field('action', s.action, select(s.anyAction, Object.entries(s.actions))),
      field('outcome', s.outcome, select(s.anyOutcome, Object.entries(s.outcomes))),
    ),
    h('div', { class: 'actions', id: 'exports' },
      button(s.exportCsv, { type: 'export', format: 'csv' }, { id: 'exportCsv' }),
      button(s.exportJson, { type: 'export', format: 'json' }, { id: 'exportJson' }),
    ),
    h('p', { id: 'summary', class: 'muted', role: 'status', 'aria-live': 'polite' }, s.loading),
    h('div', { id: 'history' }),
  );
  $('#app').setAttribute('aria-busy', 'true');
}

/** The Undo cell: what was undone says so; an undoable row offers Undo, and Undo run when it was one of several. */
function undoCell(row: ActivityRowView, s: ActivityStrings): HTMLElement {
  if (row.undone) return h('td', { class: 'muted' }, s.undone);
  const buttons: HTMLElement[] = [];
  if (row.undo) buttons.push(button(s.undo, { type: 'undo', entryId: row.id }, { 'data-focus': `undo:${row.id}`, 'aria-label': `${s.undo} ${row.action} ${row.loginId}` }));
  if (row.undoRun) buttons.push(button(s.undoRun, { type: 'undoRun', runId: row.undoRun }, { 'data-focus': `run:${row.id}` }));
  return h('td', {}, h('div', { class: 'row' }, ...buttons));
}

function table(rows: ActivityRowView[], s: ActivityStrings): HTMLElement {
  const col = (text: string) => h('th', { scope: 'col' }, text);
  return h('table', { id: 'activityTable' },
    h('thead', {}, h('tr', {}, col(s.time), col(s.project), col(s.loginId), col(s.action), col(s.outcome), col(s.reason), col(s.undoColumn))),
    h('tbody', {}, ...rows.map((r) => h('tr', { 'data-id': r.id },
      h('td', { title: r.iso }, h('time', { datetime: r.iso }, r.time)),
      h('td', {}, r.project),
      h('td', {}, r.loginId),
      h('td', {}, r.action),
      h('td', { 'data-outcome': r.outcomeKind }, r.outcome),
      h('td', {}, r.reason),
      undoCell(r, s),
    ))),
  );
}

/** Sets a control to the host's filter, unless the user is in it (the host's copy is trimmed). */
function setControl(id: string, value: string | undefined): void {
  const el = input<HTMLInputElement | HTMLSelectElement>(id);
  if (el && document.activeElement !== el) el.value = value ?? '';
}

function render(model: ActivityModel, s: ActivityStrings): void {
  shownFilter = model.filter;
  const projects = input<HTMLSelectElement>('project');
  if (projects) {
    projects.replaceChildren(h('option', { value: '' }, s.allProjects), ...model.projects.map((p) => h('option', { value: p.id }, p.name)));
    // A prefilter may name a project the history does not (yet): it stays chosen, under its id.
    if (model.filter.projectId && !model.projects.some((p) => p.id === model.filter.projectId)) {
      projects.append(h('option', { value: model.filter.projectId }, model.filter.projectId));
    }
  }
  setControl('project', model.filter.projectId);
  setControl('user', model.filter.loginId);
  setControl('action', model.filter.action);
  setControl('outcome', model.filter.outcome);
  $('#summary').textContent = model.summary;
  const focused = document.activeElement?.getAttribute('data-focus');
  const body = model.empty ? h('p', { id: 'empty', class: 'muted' }, model.empty) : table(model.rows, s);
  $('#history').replaceChildren(body);
  document.querySelectorAll<HTMLButtonElement>('#exports button').forEach((b) => (b.disabled = model.rows.length === 0));
  // The table is rebuilt: the button the user was on gets its focus back, or Export CSV when that row lost it.
  if (focused) (document.querySelector<HTMLElement>(`[data-focus="${CSS.escape(focused)}"]`) ?? $('#exportCsv')).focus();
  $('#app').setAttribute('aria-busy', 'false');
}

function setBusy(busy: boolean): void {
  const none = document.getElementById('empty') !== null;
  document.querySelectorAll<HTMLButtonElement>('#history button').forEach((b) => (b.disabled = busy));
  document.querySelectorAll<HTMLButtonElement>('#exports button').forEach((b) => (b.disabled = busy || none));
  $('#app').setAttribute('aria-busy', String(busy));
}

onMessage<ActivityToView>((message) => {
  switch (message.type) {
    case 'strings':
      strings = message.strings;
      skeleton(strings);
      return;
    case 'model':
      if (strings) render(message.model, strings);
      return;
    case 'error':
      setFormError(message.message);
      return;
    case 'busy':
      setBusy(message.busy);
  }
});
post<ActivityToHost>({ type: 'ready' });
