import * as vscode from 'vscode';
import type * as z from 'zod/mini';
import { buildHtml } from './htmlDocument';

export interface PanelOptions<ToHost> {
  viewType: string;
  title: string;
  /** The bundle in dist/webview/<script>.js. */
  script: string;
  extensionUri: vscode.Uri;
  /** Every inbound message is parsed with this; anything else is dropped and logged. */
  inbound: z.ZodMiniType<ToHost>;
  onMessage(message: ToHost): void | Promise<void>;
}

export interface TypedPanel<ToView> {
  panel: vscode.WebviewPanel;
  post(message: ToView): void;
}

/**
 * The one place a webview panel is made: scripts on, resources limited to the webview bundle and the
 * media folder, the shared HTML shell, and zod validation of everything the page sends.
 */
export function openPanel<ToHost, ToView>(options: PanelOptions<ToHost>): TypedPanel<ToView> {
  const dist = vscode.Uri.joinPath(options.extensionUri, 'dist', 'webview');
  const media = vscode.Uri.joinPath(options.extensionUri, 'media');
  const panel = vscode.window.createWebviewPanel(options.viewType, options.title, vscode.ViewColumn.Active, {
    enableScripts: true,
    retainContextWhenHidden: false,
    localResourceRoots: [dist, media],
  });
  const { webview } = panel;
  webview.html = buildHtml({
    cspSource: webview.cspSource,
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, `${options.script}.js`)).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'webview.css')).toString(),
    title: options.title,
  });
  panel.webview.onDidReceiveMessage((raw: unknown) => {
    const parsed = options.inbound.safeParse(raw);
    if (!parsed.success) {
      console.warn(`[${options.viewType}] dropped an invalid message from the webview`);
      return;
    }
    void Promise.resolve(options.onMessage(parsed.data)).catch((e: unknown) => console.error(e));
  });
  return { panel, post: (message: ToView) => void webview.postMessage(message) };
}
