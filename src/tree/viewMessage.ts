import * as vscode from 'vscode';
import type { ProjectStore } from '../projects/projectStore';
import type { ProjectUsers } from '../users/projectUsers';
import type { UsersTreeProvider } from './usersTreeProvider';
import type { TreeNode } from './nodes';
import { countFiltered, isActive, type FilterCounts, type UserFilter } from '../users/userFilter';
import { describeFilter } from './filterText';
import { readingText, STATE_LABELS } from './treeItems';

/** Updates at most this often: a bulk run or a state read changes rows many times a second. */
const SETTLE_MS = 100;

/**
 * The view's message (shown above the rows, even when "API Users" is alone in its container and VS Code hides the
 * view's description) says what the user would otherwise not see: the active filter with its counts and how to
 * clear it, and the progress of a state read. The description keeps the short filter text too.
 *
 * `update` is called on changes: the description follows at once, the message (which counts every loaded row) at
 * most every SETTLE_MS. Disposing cancels a message still due, so none is set on a view disposed with the extension.
 */
export function viewMessageUpdater(view: vscode.TreeView<TreeNode>, tree: UsersTreeProvider, users: ProjectUsers, projects: ProjectStore): { update(): void } & vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  const setMessage = () => {
    timer = undefined;
    view.message = composeMessage(tree.getFilter(), users, projects);
  };
  return {
    update: () => {
      if (disposed) return;
      view.description = describeFilter(tree.getFilter());
      timer ??= setTimeout(setMessage, SETTLE_MS);
    },
    dispose: () => {
      disposed = true;
      clearTimeout(timer);
      timer = undefined;
    },
  };
}

function composeMessage(filter: UserFilter, users: ProjectUsers, projects: ProjectStore): string | undefined {
  const lines: string[] = [];
  const totals: FilterCounts = { total: 0, shown: 0, unjudged: 0 };
  let reading = false;
  for (const project of projects.list()) {
    const load = users.get(project.id);
    if (load?.status !== 'loaded') continue;
    const progress = users.readProgress(project.id);
    if (progress) {
      reading = true;
      lines.push(`${project.name}: ${readingText(progress)}`);
    }
    if (!isActive(filter)) continue;
    const c = countFiltered(filter, load.users);
    totals.total += c.total;
    totals.shown += c.shown;
    totals.unjudged += c.unjudged;
  }
  if (isActive(filter)) lines.unshift(filterLine(filter, totals, reading));
  const ignored = projects.ignoredUntrusted();
  if (ignored > 0) lines.unshift(vscode.l10n.t('{0} workspace-defined projects are ignored until the workspace is trusted (Manage Workspace Trust).', ignored));
  return lines.length > 0 ? lines.join('\n') : undefined;
}

/** `Filter: state = disabled, "dev" — 2 of 5 shown; 3 not judged yet (state not read). Clear Filter (title bar) shows all.` */
function filterLine(filter: UserFilter, c: FilterCounts, reading: boolean): string {
  const parts: string[] = [];
  if (filter.states?.length) parts.push(vscode.l10n.t('state = {0}', filter.states.map((s) => STATE_LABELS[s]).join(' or ')));
  if (filter.text) parts.push(`"${filter.text}"`);
  let line = vscode.l10n.t('Filter: {0} — {1} of {2} shown', parts.join(', '), c.shown, c.total);
  if (c.unjudged > 0) {
    line += reading
      ? vscode.l10n.t('; {0} not judged yet (state not read yet)', c.unjudged)
      : vscode.l10n.t('; {0} not judged (state unknown)', c.unjudged);
  }
  return `${line}. ${vscode.l10n.t('Clear Filter (title bar, or the Clear Filter command) shows all.')}`;
}
