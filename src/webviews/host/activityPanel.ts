import { PanelType } from '../../contributes';
import * as vscode from 'vscode';
import type { ActivityEntry } from '../../activity/activityEntry';
import { openPanel, type PanelGuard, type TypedPanel } from './panel';
import { inboundHandler, type Received } from './inbound';
import { activityModel, filterEntries, type ActivityTexts } from './activityRows';
import {
  activityOneAtATime,
  activityToHost,
  type ActivityFilter,
  type ActivityModel,
  type ActivityStrings,
  type ActivityToHost,
  type ActivityToView,
} from '../protocol/activity';

export type { ActivityFilter, ActivityModel } from '../protocol/activity';

/** What Show Activity's command gives the panel: the history, and the two things the page may ask of it. */
export interface ActivityHost {
  guard: PanelGuard;
  /** The whole history, newest first. */
  read(): Promise<ActivityEntry[]>;
  /** Calls `listener` after each new record, until disposed. */
  onDidRecord(listener: () => void): { dispose(): void };
  /** Export…: writes these entries (the page's filtered list) where the user picks. */
  exportEntries(entries: readonly ActivityEntry[], format: 'csv' | 'json'): Promise<void>;
  /** Runs mediumOne.undoActivity (confirmation, progress and summary are that command's). */
  undo(target: { entryId: string } | { runId: string }): Promise<void>;
}

/** What a test drives: the page's inbound path (zod-checked as the webview's messages are) and what the page shows. */
export interface ActivityPanelHandle {
  panel: vscode.WebviewPanel;
  receive(raw: unknown): Promise<Received>;
  /** The last model sent to the page. */
  model(): ActivityModel | undefined;
  /** Resolves once the latest read of the history (on open, on the page's ready, after a record) has been shown. */
  settled(): Promise<void>;
}

interface OpenPanel {
  view: TypedPanel<ActivityToView>;
  host: ActivityHost;
  filter: ActivityFilter;
  entries: ActivityEntry[];
  last?: ActivityModel;
  pending: Promise<void>;
  /** Reads overlap (a record during a read): only the latest one's answer is shown. */
  reads: number;
  handle: ActivityPanelHandle;
}

/** One Show Activity panel: opening it again reveals it with the new filter. */
let current: OpenPanel | undefined;

const strings = (): ActivityStrings => ({
  title: vscode.l10n.t('Activity'),
  filters: vscode.l10n.t('Filters'),
  project: vscode.l10n.t('Project'),
  allProjects: vscode.l10n.t('All projects'),
  user: vscode.l10n.t('User'),
  userHint: vscode.l10n.t('Part of a login_id'),
  action: vscode.l10n.t('Action'),
  anyAction: vscode.l10n.t('Any action'),
  outcome: vscode.l10n.t('Outcome'),
  anyOutcome: vscode.l10n.t('Any outcome'),
  time: vscode.l10n.t('Time'),
  loginId: vscode.l10n.t('Login ID'),
  reason: vscode.l10n.t('Reason'),
  undoColumn: vscode.l10n.t('Undo'),
  undo: vscode.l10n.t('Undo'),
  undoRun: vscode.l10n.t('Undo run'),
  undone: vscode.l10n.t('Undone'),
  exportCsv: vscode.l10n.t('Export CSV…'),
  exportJson: vscode.l10n.t('Export JSON…'),
  loading: vscode.l10n.t('Loading…'),
  actions: {
    create: vscode.l10n.t('Create user'),
    changePassword: vscode.l10n.t('Change password'),
    enable: vscode.l10n.t('Enable'),
    disable: vscode.l10n.t('Disable'),
    delete: vscode.l10n.t('Delete user'),
    importRow: vscode.l10n.t('Import row'),
    projectAdded: vscode.l10n.t('Project added'),
    projectRemoved: vscode.l10n.t('Project removed'),
  },
  outcomes: {
    succeeded: vscode.l10n.t('Succeeded'),
    failed: vscode.l10n.t('Failed'),
    mayHaveBeenApplied: vscode.l10n.t('May have been applied'),
    notRun: vscode.l10n.t('Not run'),
  },
});

const texts = (words: ActivityStrings): ActivityTexts => ({
  words,
  summary: (shown, total) => (shown === total
    ? total === 1 ? vscode.l10n.t('1 entry, newest first.') : vscode.l10n.t('{0} entries, newest first.', total)
    : vscode.l10n.t('Showing {0} of {1} entries, newest first.', shown, total)),
  none: vscode.l10n.t('No activity yet: what this extension changes (users created, enabled, disabled, deleted, passwords changed, imports, projects added or removed) is listed here.'),
  noMatch: vscode.l10n.t('No entry matches these filters.'),
});

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Opens Show Activity (or reveals the open one) with `filter` applied. */
export function openActivityPanel(extensionUri: vscode.Uri, host: ActivityHost, filter: ActivityFilter = {}): ActivityPanelHandle {
  if (current) {
    current.host = host;
    current.filter = filter;
    current.view.panel.reveal();
    current.pending = reload(current);
    return current.handle;
  }
  const title = vscode.l10n.t('Activity');
  const view = openPanel<ActivityToHost, ActivityToView>({
    viewType: PanelType.activity,
    title,
    script: 'activity',
    extensionUri,
    inbound: activityToHost,
    guard: host.guard,
    oneAtATime: activityOneAtATime,
    onMessage: (message) => handle(state, message),
  });
  const receive = inboundHandler({
    viewType: PanelType.activity,
    schema: activityToHost,
    onMessage: (message) => handle(state, message),
    oneAtATime: activityOneAtATime,
    log: host.guard.log,
  });
  const state: OpenPanel = {
    view,
    host,
    filter,
    entries: [],
    pending: Promise.resolve(),
    reads: 0,
    handle: { panel: view.panel, receive, model: () => state.last, settled: () => settled(state) },
  };
  state.pending = reload(state);
  // The view follows the history: each record (a command elsewhere, or this page's Undo) shows at once.
  const following = host.onDidRecord(() => void (state.pending = reload(state)));
  current = state;
  view.panel.onDidDispose(() => {
    following.dispose();
    if (current === state) current = undefined;
  });
  return state.handle;
}

async function handle(state: OpenPanel, message: ActivityToHost): Promise<void> {
  switch (message.type) {
    case 'ready':
      state.view.post({ type: 'strings', strings: strings() });
      if (state.last) state.view.post({ type: 'model', model: state.last });
      await (state.pending = reload(state));
      return;
    case 'filter':
      state.filter = message.filter;
      show(state);
      return;
    case 'export':
      return busy(state, () => state.host.exportEntries(filterEntries(state.entries, state.last?.filter ?? {}), message.format));
    case 'undo':
      return busy(state, () => state.host.undo({ entryId: message.entryId }));
    case 'undoRun':
      return busy(state, () => state.host.undo({ runId: message.runId }));
  }
}

/** The page is busy while a dialog or an undo runs; a failure is shown above the table, which stays. */
async function busy(state: OpenPanel, work: () => Promise<void>): Promise<void> {
  state.view.post({ type: 'busy', busy: true });
  try {
    await work();
  } catch (e) {
    state.view.post({ type: 'error', message: messageOf(e) });
  } finally {
    state.view.post({ type: 'busy', busy: false });
  }
}

/** Waits for the latest read: one started meanwhile (the page's ready, a record) supersedes the one awaited. */
async function settled(state: OpenPanel): Promise<void> {
  let awaited: Promise<void>;
  do {
    awaited = state.pending;
    await awaited;
  } while (awaited !== state.pending);
}

async function reload(state: OpenPanel): Promise<void> {
  const read = ++state.reads;
  try {
    const entries = await state.host.read();
    if (read !== state.reads) return;
    state.entries = entries;
  } catch (e) {
    state.view.post({ type: 'error', message: messageOf(e) });
  }
  show(state);
}

function show(state: OpenPanel): void {
  state.last = activityModel(state.entries, state.filter, texts(strings()), vscode.env.language);
  state.view.post({ type: 'model', model: state.last });
}
