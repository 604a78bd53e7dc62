import * as vscode from 'vscode';

/**
 * The questions the extension asks the user. Commands call these, never `vscode.window.show*` directly,
 * so extension-host tests can replace them with a scripted answer list that fails on any unexpected prompt.
 */
export interface Prompts {
  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions & { canPickMany?: false }): Promise<T | undefined>;
  pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<readonly T[] | undefined>;
  input(options: vscode.InputBoxOptions): Promise<string | undefined>;
  /** The file to read (a native or simple file dialog); undefined when the user cancels. */
  openFile(options: vscode.OpenDialogOptions): Promise<vscode.Uri | undefined>;
  /** Where to write a file; undefined when the user cancels. */
  saveFile(options: vscode.SaveDialogOptions): Promise<vscode.Uri | undefined>;
  /** A modal confirmation; resolves to the chosen button's title. */
  confirm(message: string, detail: string, ...buttons: string[]): Promise<string | undefined>;
  info(message: string, ...actions: string[]): Promise<string | undefined>;
  warn(message: string, ...actions: string[]): Promise<string | undefined>;
  error(message: string, ...actions: string[]): Promise<string | undefined>;
}

export const windowPrompts: Prompts = {
  pick: async (items, options) => vscode.window.showQuickPick(items, options),
  pickMany: async (items, options) => vscode.window.showQuickPick(items, { ...options, canPickMany: true }),
  input: async (options) => vscode.window.showInputBox(options),
  openFile: async (options) => (await vscode.window.showOpenDialog({ ...options, canSelectMany: false }))?.[0],
  saveFile: async (options) => vscode.window.showSaveDialog(options),
  confirm: async (message, detail, ...buttons) => vscode.window.showWarningMessage(message, { modal: true, detail }, ...buttons),
  info: async (message, ...actions) => vscode.window.showInformationMessage(message, ...actions),
  warn: async (message, ...actions) => vscode.window.showWarningMessage(message, ...actions),
  error: async (message, ...actions) => vscode.window.showErrorMessage(message, ...actions),
};
