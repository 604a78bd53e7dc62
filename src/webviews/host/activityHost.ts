import * as vscode from 'vscode';
import type { Services } from '../../services';
import { Cmd } from '../../contributes';
import { isProjectNode, isUserNode } from '../../tree/nodes';
import { openActivityPanel, type ActivityFilter, type ActivityHost, type ActivityPanelHandle } from './activityPanel';
import { exportActivity } from './activityExport';

// Show Activity's wiring of the history to its panel, in the panels' bundle (the command in the start-up bundle
// only loads it): the main bundle has no room to spare.

/** The filter a caller asks for: a project or user row of the tree, or `{ projectId?, loginId? }`. */
export function activityFilterOf(arg: unknown): ActivityFilter {
  if (isUserNode(arg)) return { projectId: arg.project.id, loginId: arg.entry.loginId, exactLoginId: true };
  if (isProjectNode(arg)) return { projectId: arg.project.id };
  if (typeof arg !== 'object' || arg === null) return {};
  const { projectId, loginId } = arg as Record<string, unknown>;
  return {
    ...(typeof projectId === 'string' && projectId ? { projectId } : {}),
    ...(typeof loginId === 'string' && loginId ? { loginId } : {}),
  };
}

/** Opens Show Activity filtered as `arg` asks; returns the panel's handle so extension-host tests drive the page. */
export function showActivity(s: Services, arg: unknown): ActivityPanelHandle {
  const host: ActivityHost = {
    guard: { log: s.log.scoped('activity'), redactor: s.redactor },
    read: () => s.activity.read(),
    onDidRecord: (listener) => s.activity.onDidRecord(() => listener()),
    exportEntries: async (entries, format) => void (await exportActivity(s, entries, format)),
    // Undo's confirmation, progress and summary are mediumOne.undoActivity's own.
    undo: async (target) => void (await vscode.commands.executeCommand(Cmd.undoActivity, target)),
  };
  return openActivityPanel(s.context.extensionUri, host, activityFilterOf(arg));
}
