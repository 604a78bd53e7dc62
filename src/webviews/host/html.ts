import * as vscode from 'vscode';
import { buildHtml, newNonce } from './htmlDocument';

/** The page scripts built by esbuild.js: dist/webview/<name>.js. */
export type WebviewScript = 'createUser' | 'userDetails' | 'editProject' | 'activity';

const roots = (extensionUri: vscode.Uri) => ({
  scripts: vscode.Uri.joinPath(extensionUri, 'dist', 'webview'),
  media: vscode.Uri.joinPath(extensionUri, 'media'),
});

/** Scripts on; the page may load only our bundles and the media folder; no hidden state is kept alive. */
export function webviewPanelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  const { scripts, media } = roots(extensionUri);
  return { enableScripts: true, retainContextWhenHidden: false, localResourceRoots: [scripts, media] };
}

/** The one HTML builder: the shared document for `script`, with a fresh nonce each time. */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, script: WebviewScript, title: string): string {
  const { scripts, media } = roots(extensionUri);
  return buildHtml({
    cspSource: webview.cspSource,
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(scripts, `${script}.js`)).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'webview.css')).toString(),
    title,
    nonce: newNonce(),
    lang: vscode.env.language,
  });
}
