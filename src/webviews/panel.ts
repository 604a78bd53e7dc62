import * as vscode from 'vscode';
import type * as z from 'zod/mini';
import { webviewHtml, webviewPanelOptions, type WebviewScript } from './html';

export interface PanelOptions<ToHost> {
  viewType: string;
  title: string;
  script: WebviewScript;
  extensionUri: vscode.Uri;
  /** Every inbound message is parsed with this; anything else is dropped. */
  inbound: z.ZodMiniType<ToHost>;
  onMessage(message: ToHost): void | Promise<void>;
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
export function openPanel<ToHost, ToView>(options: PanelOptions<ToHost>): TypedPanel<ToView> {
  const panel = vscode.window.createWebviewPanel(options.viewType, options.title, vscode.ViewColumn.Active, webviewPanelOptions(options.extensionUri));
  const { webview } = panel;
  webview.html = webviewHtml(webview, options.extensionUri, options.script, options.title);
  let alive = true;
  panel.onDidDispose(() => (alive = false));
  webview.onDidReceiveMessage((raw: unknown) => {
    const parsed = options.inbound.safeParse(raw);
    if (!parsed.success) {
      // The message itself is not logged: it may hold a password.
      console.warn(`[${options.viewType}] dropped a malformed message from the webview`);
      return;
    }
    void Promise.resolve(options.onMessage(parsed.data)).catch((e: unknown) => console.error(`[${options.viewType}]`, e));
  });
  return {
    panel,
    get alive() {
      return alive;
    },
    post: (message) => {
      if (alive) void webview.postMessage(message);
    },
    close: () => {
      if (alive) panel.dispose();
    },
  };
}
