import { PanelType } from '../../contributes';
import * as vscode from 'vscode';
import { openPanel, type PanelGuard, type TypedPanel } from './panel';
import { userDetailsOneAtATime, userDetailsToHost, type SnippetFormat, type UserAction, type UserDetailsToHost, type UserDetailsToView } from '../protocol/userDetails';
import { detailsModel, detailsStrings, eventsView, type EventsRead, type UserDetailsData } from './userDetailsView';

export type { UserDetailsModel } from '../protocol/userDetails';
export type { DeviceFacts, EventsRead, UserDetailsData } from './userDetailsView';

export interface UserDetailsHost {
  /** Logs what the page got wrong and redacts what is sent to it. */
  guard: PanelGuard;
  load(): Promise<UserDetailsData>;
  run(action: UserAction): Promise<void>;
  /**
   * Copy Connection Snippet in this format, for this user (the command asks what it must). True when the page's facts
   * changed meanwhile (the project's MQTT ID was asked for and saved), so the page is reloaded.
   */
  copySnippet(format: SnippetFormat): Promise<boolean>;
  sendTestEvent(): Promise<void>;
  /** One read of the user's last events; a refusal or failure is answered as `error`, not thrown. */
  loadEvents(): Promise<EventsRead>;
  /**
   * Fires when the server behind the page came or went (the Local Sandbox started or stopped): the page reloads, so
   * it does not go on showing a stopped sandbox's user as live.
   */
  onDidChangeServer?: vscode.Event<unknown>;
}

export interface UserDetailsOptions {
  /** Show Recent Events: the section is read at once, not on the page's request. */
  showEvents?: boolean;
}

interface OpenPanel {
  view: TypedPanel<UserDetailsToView>;
  host: UserDetailsHost;
  /** The user asked for the events (or Show Recent Events opened the panel): read them when the page is ready. */
  eventsShown: boolean;
  /**
   * The last read, shown again (times relative to now) when VS Code reloads the page of a hidden panel shown
   * again: switching tabs is no request to read the server.
   */
  lastRead?: EventsRead;
}

/** The open panels by key (project + user), so a second Show reveals the first. */
const open = new Map<string, OpenPanel>();

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** One details panel per user (`key`): opening it again reveals and reloads the existing one. */
export function openUserDetailsPanel(extensionUri: vscode.Uri, key: string, host: UserDetailsHost, options: UserDetailsOptions = {}): vscode.WebviewPanel {
  const existing = open.get(key);
  if (existing) {
    existing.host = host;
    existing.view.panel.reveal();
    void reload(existing).then(() => (options.showEvents ? loadEvents(existing) : undefined));
    return existing.view.panel;
  }
  const view = openPanel<UserDetailsToHost, UserDetailsToView>({
    viewType: PanelType.userDetails,
    // Until the first load answers; then `<loginId> — <project>`.
    title: vscode.l10n.t('User Details'),
    script: 'userDetails',
    extensionUri,
    inbound: userDetailsToHost,
    guard: host.guard,
    oneAtATime: userDetailsOneAtATime,
    onMessage: (message) => handle(state, message),
  });
  const state: OpenPanel = { view, host, eventsShown: options.showEvents === true };
  open.set(key, state);
  const serverChanged = host.onDidChangeServer?.(() => void reload(state));
  view.panel.onDidDispose(() => {
    open.delete(key);
    serverChanged?.dispose();
  });
  return view.panel;
}

async function handle(state: OpenPanel, message: UserDetailsToHost): Promise<void> {
  switch (message.type) {
    case 'ready':
      state.view.post({ type: 'strings', strings: detailsStrings() });
      await reload(state);
      if (state.lastRead) state.view.post({ type: 'events', events: eventsView(state.lastRead) });
      else if (state.eventsShown) await loadEvents(state);
      return;
    case 'action':
      return runAction(state, () => state.host.run(message.action));
    case 'copySnippet': {
      // Copying changes nothing on the server: a reload only when the project's facts changed.
      let changed = false;
      await report(state, async () => void (changed = await state.host.copySnippet(message.format)));
      if (changed) await reload(state);
      return;
    }
    case 'sendTestEvent':
      await report(state, () => state.host.sendTestEvent());
      // The event (if sent) is the newest one: show it where the user is already looking.
      if (state.eventsShown) await loadEvents(state);
      return;
    case 'loadEvents':
      state.eventsShown = true;
      return loadEvents(state);
  }
}

async function report(state: OpenPanel, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (e) {
    state.view.post({ type: 'error', message: messageOf(e) });
  }
}

async function runAction(state: OpenPanel, work: () => Promise<void>): Promise<void> {
  state.view.post({ type: 'busy', busy: true });
  let failure: string | undefined;
  try {
    await work();
  } catch (e) {
    failure = messageOf(e);
  }
  // Whatever happened, show the server's current view of the user (the action may have half-worked).
  await reload(state);
  if (failure) state.view.post({ type: 'error', message: failure });
}

async function reload(state: OpenPanel): Promise<void> {
  const { view } = state;
  view.post({ type: 'busy', busy: true });
  try {
    const model = detailsModel(await state.host.load());
    if (!view.alive) return;
    view.panel.title = `${model.loginId} — ${model.projectName}`;
    view.post({ type: 'model', model });
  } catch (e) {
    view.post({ type: 'error', message: messageOf(e) });
  } finally {
    view.post({ type: 'busy', busy: false });
  }
}

async function loadEvents(state: OpenPanel): Promise<void> {
  const { view } = state;
  view.post({ type: 'events', events: { loading: true, rows: [] } });
  const read = await state.host.loadEvents().catch((e: unknown): EventsRead => ({ stream: '', error: messageOf(e) }));
  state.lastRead = read;
  view.post({ type: 'events', events: eventsView(read) });
}
