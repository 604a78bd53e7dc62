import * as vscode from 'vscode';

/** Where a progress shows: a notification (with its title), or the status bar for a short look-up. */
export type ProgressPlace = 'notification' | 'window';

const locations: Record<ProgressPlace, vscode.ProgressLocation> = {
  notification: vscode.ProgressLocation.Notification,
  window: vscode.ProgressLocation.Window,
};

/** A progress the user cannot cancel, for work that ends on its own (a sign-in or one call, bounded by a timeout). */
export function withUncancellableProgress<T>(title: string, task: () => Thenable<T>, place: ProgressPlace = 'notification'): Thenable<T> {
  return vscode.window.withProgress({ location: locations[place], title }, task);
}

/**
 * A cancellable progress notification whose cancel button aborts an `AbortSignal`: the API client and the bulk
 * runner take signals, not VS Code tokens, since they know nothing of VS Code.
 */
export function withCancellableProgress<T>(
  title: string,
  task: (progress: vscode.Progress<{ message?: string; increment?: number }>, signal: AbortSignal) => Promise<T>,
): Thenable<T> {
  return vscode.window.withProgress({ location: locations.notification, title, cancellable: true }, async (progress, token) => {
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    try {
      return await task(progress, abort.signal);
    } finally {
      sub.dispose();
    }
  });
}
