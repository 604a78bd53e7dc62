import * as vscode from 'vscode';
import type * as z from 'zod/mini';
import { inboundHandler } from './inbound';
import { webviewHtml, webviewPanelOptions, type WebviewScript } from './html';
import type { Logger } from '../../log/logger';
import type { SecretRedactor } from '../../log/secretRedactor';

/** Where a panel reports what the page got wrong, and what every text bound for the page passes first. */
export interface PanelGuard {
  log: Logger;
  redactor: SecretRedactor;
}

export interface PanelOptions<ToHost extends { type: string }> {
  viewType: string;
  title: string;
  script: WebviewScript;
  extensionUri: vscode.Uri;
  /** Every inbound message is parsed with this; anything else is dropped. */
  inbound: z.ZodMiniType<ToHost>;
  onMessage(message: ToHost): void | Promise<void>;
  /** Message types handled one at a time (see inboundHandler): a second while the first runs is dropped. */
  oneAtATime?: readonly ToHost['type'][];
  /** The log for dropped messages and handler failures, and the redactor every outgoing message passes. */
  guard: PanelGuard;
}

export interface TypedPanel<ToView> {
  panel: vscode.WebviewPanel;
  /** Whether the panel is still open: host work may finish after the user closed it. */
  readonly alive: boolean;
  /** Sends to the page; a no-op once the panel is closed. */
  post(message: ToView): void;
  /** Closes the panel; a no-op once it is closed. */
  close(): void;
}

/**
 * The one place a webview panel is made: the shared options and HTML, and zod validation of everything
 * the page sends (a compromised or buggy page must not reach host code with unchecked data).
 */
export function openPanel<ToHost extends { type: string }, ToView>(options: PanelOptions<ToHost>): TypedPanel<ToView> {
  const panel = vscode.window.createWebviewPanel(options.viewType, options.title, vscode.ViewColumn.Active, webviewPanelOptions(options.extensionUri));
  const { webview } = panel;
  webview.html = webviewHtml(webview, options.extensionUri, options.script, options.title);
  let alive = true;
  panel.onDidDispose(() => (alive = false));
  const { guard } = options;
  const receive = inboundHandler({
    viewType: options.viewType,
    schema: options.inbound,
    onMessage: (message) => options.onMessage(message),
    oneAtATime: options.oneAtATime,
    log: guard.log,
  });
  webview.onDidReceiveMessage((raw: unknown) => void receive(raw));
  return {
    panel,
    get alive() {
      return alive;
    },
    post: (message) => {
      if (alive) void webview.postMessage(guard.redactor.redactValue(message));
    },
    close: () => {
      if (alive) panel.dispose();
    },
  };
}
