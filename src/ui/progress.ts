import * as vscode from 'vscode';

/**
 * A cancellable progress notification whose cancel button aborts an `AbortSignal`: the API client and the bulk
 * runner take signals, not VS Code tokens, since they know nothing of VS Code.
 */
export function withCancellableProgress<T>(
  title: string,
  task: (progress: vscode.Progress<{ message?: string; increment?: number }>, signal: AbortSignal) => Promise<T>,
): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    try {
      return await task(progress, abort.signal);
    } finally {
      sub.dispose();
    }
  });
}
