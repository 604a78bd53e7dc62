import * as vscode from 'vscode';

export const REPORT_SCHEME = 'mediumone-report';

/**
 * Read-only Markdown documents for the reports the extension writes (an import's per-row results). Virtual, so
 * closing one never asks to save it, and kept in memory only for this window: a report holds no secret, but
 * nothing needs it on disk unless the user saves a copy.
 */
export class ReportDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly reports = new Map<string, string>();
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, this);

  /** Stores a report under a readable name (made unique) and returns its URI. */
  add(name: string, markdown: string): vscode.Uri {
    let uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${name}.md` });
    for (let n = 2; this.reports.has(uri.toString()); n++) uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${name} (${n}).md` });
    this.reports.set(uri.toString(), markdown);
    return uri;
  }

  async show(uri: vscode.Uri): Promise<void> {
    await vscode.window.showTextDocument(uri, { preview: false });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.reports.get(uri.toString()) ?? vscode.l10n.t('This report is no longer available: reports last only as long as the window.');
  }

  dispose(): void {
    this.registration.dispose();
    this.reports.clear();
  }
}
