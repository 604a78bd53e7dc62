import { ContextKey } from '../../contributes';
import * as vscode from 'vscode';
import type { Services } from '../../services';

export const clearFilter = (s: Services) => async () => {
  s.tree.setFilter({});
  await vscode.commands.executeCommand('setContext', ContextKey.filtered, false);
};
