import * as vscode from 'vscode';
import { isActive, type UserFilter } from '../users/userFilter';
import { STATE_LABELS } from './treeItems';

/**
 * The active filter in words, for the view's description and the export's prompt, e.g. `Filter: "dev" · disabled`.
 * It lives beside the tree, not in src/users, because it is shown text: the states use the tree's own labels.
 */
export function describeFilter(f: UserFilter): string | undefined {
  if (!isActive(f)) return undefined;
  const parts: string[] = [];
  if (f.text) parts.push(vscode.l10n.t('"{0}"', f.text));
  if (f.states?.length) parts.push(f.states.map((s) => STATE_LABELS[s]).join(vscode.l10n.t(', ')));
  return vscode.l10n.t('Filter: {0}', parts.join(' · '));
}
