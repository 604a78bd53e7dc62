import * as vscode from 'vscode';
import type { Services } from '../../services';
import { Cmd } from '../../contributes';
import { isProjectNode, isUserNode } from '../../tree/nodes';
import type { ActivityFilter, ActivityHost } from '../../webviews/host/activityPanel';
import { loadPanels } from '../panels';

/** The filter a caller asks for: a project or user row of the tree, or `{ projectId?, loginId? }`. */
export function activityFilterOf(arg: unknown): ActivityFilter {
  if (isUserNode(arg)) return { projectId: arg.project.id, loginId: arg.entry.loginId };
  if (isProjectNode(arg)) return { projectId: arg.project.id };
  if (typeof arg !== 'object' || arg === null) return {};
  const { projectId, loginId } = arg as Record<string, unknown>;
  return {
    ...(typeof projectId === 'string' && projectId ? { projectId } : {}),
    ...(typeof loginId === 'string' && loginId ? { loginId } : {}),
  };
}

/**
 * Show Activity: the history of what this extension changed, filterable, exportable, with Undo for enable/disable.
 * The panel and the export live in the panels' bundle; this only wires the history to them. Returns the panel's
 * handle so extension-host tests can drive the page's messages.
 */
export const showActivity = (s: Services) => (arg?: unknown) => {
  const host: ActivityHost = {
    guard: { log: s.log.scoped('activity'), redactor: s.redactor },
    read: () => s.activity.read(),
    onDidRecord: (listener) => s.activity.onDidRecord(() => listener()),
    exportEntries: async (entries, format) => void (await loadPanels(s).exportActivity(s, entries, format)),
    // Undo's confirmation, progress and summary are mediumOne.undoActivity's own.
    undo: async (target) => void (await vscode.commands.executeCommand(Cmd.undoActivity, target)),
  };
  return loadPanels(s).openActivityPanel(s.context.extensionUri, host, activityFilterOf(arg));
};
