import { Cmd, type CommandId } from '../contributes';
import * as vscode from 'vscode';
import type { ProjectStore } from '../projects/projectStore';
import type { Project } from '../projects/project';
import type { UsersChange, UsersModel } from './usersModel';
import { isActive, judge, type UserFilter } from '../users/userFilter';
import {
  messageNodeId,
  projectNode,
  projectNodeId,
  userNodeId,
  userNode,
  type MessageNode,
  type TreeNode,
  type UserNode,
} from './nodes';
import { messageTreeItem, projectTooltip, projectTreeItem, userTooltip, userTreeItem } from './treeItems';
import { describeError } from '../util/errorText';
import { isMediumOneError } from '../api/errors';
import type { UserEntry } from '../users/userEntry';
import { ROLE_LABELS, capabilitiesOf } from '../projects/capabilities';

/** Under a state filter, read states change which rows show: the project's rows are fetched again, this often at most. */
const FILTERED_REFETCH_MS = 300;
/** Rows a filtered view shows first: their states are read before the others'. */
const FIRST_ROWS = 50;
/** How long reveal waits for VS Code to re-fetch a refreshed parent (it never does for a collapsed one). */
const REFETCH_WAIT_MS = 1000;
/** VS Code registers fetched rows after resolving their TreeItems; reveal only once that is done. */
const REGISTER_GRACE_MS = 50;

/** Projects at the root, their basic users below. Reads UsersModel; never talks to the network itself. */
export class UsersTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private filter: UserFilter = {};
  /** Nodes handed to VS Code, by id: reveal() and getParent() need the same objects back. */
  private readonly nodes = new Map<string, TreeNode>();
  /*
   * Refresh bookkeeping per parent ('' = root, else a project id). VS Code's tree fails with "Element
   * with id … is already registered" when a parent's rows are fetched twice at once: a refresh during a
   * fetch, or a reveal of a row it does not hold yet during a refresh. So a refresh waits for an
   * in-flight fetch to end, and reveal waits until the parent is quiet.
   */
  private readonly fetching = new Map<string, number>();
  private readonly deferred = new Set<string>();
  private readonly stale = new Set<string>();
  private readonly quietWaiters = new Map<string, (() => void)[]>();
  private readonly everFetched = new Set<string>();
  private readonly refetchTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly projects: ProjectStore,
    private readonly users: UsersModel,
    private readonly sandboxRunning: () => boolean,
  ) {
    this.subscriptions.push(
      projects.onDidChange(() => this.refresh(undefined)),
      users.onDidChange((change) => (change?.loginIds ? this.refreshRows(change.projectId, change.loginIds) : this.refresh(this.nodeFor(change)))),
    );
  }

  getFilter(): UserFilter {
    return this.filter;
  }

  setFilter(filter: UserFilter): void {
    this.filter = filter;
    this.refresh(undefined);
  }

  private refresh(node: TreeNode | undefined): void {
    const key = node === undefined ? '' : node.kind === 'project' ? node.project.id : undefined;
    if (key !== undefined) {
      this.stale.add(key);
      if (this.fetching.get(key)) {
        this.deferred.add(key);
        return;
      }
    }
    this.changed.fire(node);
  }

  /**
   * A batch of rows whose state was read: those rows only, in one event. Under a state filter the read decides
   * which rows are shown at all, so the project's rows are fetched again instead.
   */
  private refreshRows(projectId: string, loginIds: string[]): void {
    const project = this.nodes.get(projectNodeId(projectId));
    if (this.filter.states?.length) {
      // Fetching 10,000 rows again for every batch would be wasteful: at most once per FILTERED_REFETCH_MS.
      if (!this.refetchTimers.has(projectId)) {
        this.refetchTimers.set(projectId, setTimeout(() => {
          this.refetchTimers.delete(projectId);
          this.refresh(this.nodes.get(projectNodeId(projectId)));
        }, FILTERED_REFETCH_MS));
      }
      return;
    }
    const rows: TreeNode[] = [];
    for (const id of loginIds) {
      const row = this.nodes.get(userNodeId(projectId, id));
      if (row) rows.push(row);
    }
    // No row of it on screen (never expanded): the project row alone, so the view's message still updates.
    if (rows.length > 0) this.changed.fire(rows);
    else this.refresh(project);
  }

  /**
   * The node to pass to `TreeView.reveal`. After a refresh VS Code fetches the parent's rows again;
   * revealing a node it does not hold yet makes it fetch them a second time, concurrently, and it then
   * fails with "Element with id … is already registered". So: wait (briefly) for its own fetch, and
   * hand back the very object it registered.
   */
  async nodeToReveal(id: string, parentKey: string, fallback: () => Promise<TreeNode | undefined>): Promise<TreeNode | undefined> {
    // A parent VS Code never fetched has nothing to re-fetch: reveal fetches it once, with no race.
    if (this.stale.has(parentKey) && this.everFetched.has(parentKey)) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, REFETCH_WAIT_MS);
        const list = this.quietWaiters.get(parentKey) ?? [];
        list.push(() => {
          clearTimeout(timer);
          resolve();
        });
        this.quietWaiters.set(parentKey, list);
      });
    }
    return this.nodes.get(id) ?? fallback();
  }

  /** Runs a fetch of one parent's rows with the bookkeeping above. */
  private async fetch<T extends TreeNode>(key: string, rows: () => Promise<T[]>): Promise<T[]> {
    this.fetching.set(key, (this.fetching.get(key) ?? 0) + 1);
    try {
      return await rows();
    } finally {
      this.fetching.set(key, (this.fetching.get(key) ?? 1) - 1);
      this.everFetched.add(key);
      // VS Code registers the rows a moment after getChildren resolves (once their TreeItems are made).
      setTimeout(() => this.afterFetch(key), REGISTER_GRACE_MS);
    }
  }

  private afterFetch(key: string): void {
    if (this.fetching.get(key)) return;
    if (this.deferred.delete(key)) {
      this.changed.fire(key ? this.nodes.get(projectNodeId(key)) : undefined);
      return;
    }
    this.stale.delete(key);
    const waiters = this.quietWaiters.get(key) ?? [];
    this.quietWaiters.delete(key);
    waiters.forEach((wake) => wake());
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'project':
        return projectTreeItem(
          node,
          this.users.get(node.project.id),
          node.project.sandbox ? this.sandboxRunning() : undefined,
          this.projects.list().length === 1,
          this.users.isReading(node.project.id),
        );
      case 'user':
        return userTreeItem(node, this.users.isReading(node.project.id, node.entry.loginId));
      case 'message':
        return messageTreeItem(node);
    }
  }

  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    if (node.kind === 'user') item.tooltip = userTooltip(node, this.users.isReading(node.project.id, node.entry.loginId));
    if (node.kind === 'project') {
      item.tooltip = projectTooltip(node, this.users.get(node.project.id), node.project.sandbox ? this.sandboxRunning() : undefined, this.users.readProgress(node.project.id));
    }
    return item;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) return this.fetch('', () => Promise.resolve(this.remember(this.projects.list().map(projectNode))));
    if (node.kind !== 'project') return [];
    const { project } = node;
    return this.fetch(project.id, async () => this.remember(await this.projectChildren(project), project.id));
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.kind === 'project' ? undefined : this.nodes.get(projectNodeId(node.project.id));
  }

  /** The node VS Code must refresh for a change: the row itself when known, else its project, else the root. */
  private nodeFor(change: UsersChange | undefined): TreeNode | undefined {
    if (!change) return undefined;
    const row = change.loginId !== undefined ? this.nodes.get(userNodeId(change.projectId, change.loginId)) : undefined;
    return row ?? this.nodes.get(projectNodeId(change.projectId));
  }

  /** The node for a user, loading its project first (for tests and pickers; commands reveal via nodeToReveal). */
  async findUser(projectId: string, loginId: string): Promise<UserNode | undefined> {
    const project = this.projects.get(projectId);
    if (!project) return undefined;
    const children = await this.projectChildren(project);
    return children.find((n): n is UserNode => n.kind === 'user' && n.entry.loginId === loginId);
  }

  private async projectChildren(project: Project): Promise<TreeNode[]> {
    if (project.sandbox && !this.sandboxRunning()) {
      return [this.message(project, 'stopped', vscode.l10n.t('The Local Sandbox is not running.'), 'info', Cmd.startSandbox, vscode.l10n.t('Start'))];
    }
    const load = await this.users.ensureLoaded(project);
    if (load.status === 'error') return [this.errorRow(project, load.error)];
    if (load.status !== 'loaded') return [];
    const rows: TreeNode[] = [];
    if (load.source === 'tracked') {
      rows.push(this.message(project, 'tracked', vscode.l10n.t('Showing users tracked by this extension. {0}', load.sourceReason ?? '').trim(), 'info'));
    }
    const { shown, unjudged } = this.applyFilter(project, load.users);
    for (const entry of shown) rows.push(userNode(project, entry));
    if (unjudged > 0) rows.push(this.unjudgedRow(project, unjudged));
    if (load.users.length === 0) {
      const caps = capabilitiesOf(project.role);
      rows.push(caps.create
        ? this.message(project, 'empty', vscode.l10n.t('No basic users yet.'), 'info', Cmd.createUser, vscode.l10n.t('Create User'))
        : this.message(project, 'empty', vscode.l10n.t('No basic users to show.'), 'info'));
    } else if (shown.length === 0 && unjudged === 0) {
      rows.push(this.message(project, 'filtered', vscode.l10n.t('No users match the filter.'), 'info', Cmd.clearFilter, vscode.l10n.t('Clear Filter')));
    }
    return rows;
  }

  /**
   * The rows the filter shows, and how many it cannot judge yet (a state filter, a state not known). While states
   * are read, the filter's candidates are read first: the filter waits for what it needs, no longer than that.
   */
  private applyFilter(project: Project, users: UserEntry[]): { shown: UserEntry[]; unjudged: number } {
    if (!isActive(this.filter)) {
      return { shown: users, unjudged: 0 };
    }
    const shown: UserEntry[] = [];
    const waiting: string[] = [];
    for (const u of users) {
      const j = judge(this.filter, u);
      if (j === 'shown') shown.push(u);
      else if (j === 'unjudged') waiting.push(u.loginId);
    }
    if (this.users.isReading(project.id)) {
      // A text filter's rows on screen, then every candidate a state filter still needs.
      this.users.prioritize(project.id, [...shown.slice(0, FIRST_ROWS).map((u) => u.loginId), ...waiting]);
    }
    return { shown, unjudged: waiting.length };
  }

  /** "3 users not shown: state not read yet": a state filter never hides users silently. */
  private unjudgedRow(project: Project, count: number): MessageNode {
    const reading = this.users.isReading(project.id);
    const label = reading
      ? vscode.l10n.t('{0} users not shown: state not read yet', count)
      : vscode.l10n.t('{0} users not shown: their state is unknown to this extension', count);
    const tooltip = reading
      ? vscode.l10n.t('The filter asks for a state these users have not been read for yet. They appear, or stay hidden, as their states are read.')
      : capabilitiesOf(project.role).read === 'any'
        ? vscode.l10n.t('Their state could not be read. Refresh the project to read it again, or clear the filter.')
        : vscode.l10n.t('The {0} role cannot read users, so the filter cannot judge their state. Clear the filter to see them.', ROLE_LABELS[project.role]);
    return this.message(project, 'unjudged', label, reading ? 'loading' : 'info', Cmd.clearFilter, vscode.l10n.t('Clear Filter'), tooltip);
  }

  private errorRow(project: Project, error: unknown): MessageNode {
    const text = describeError(error);
    if (isMediumOneError(error, 'loginFailed')) {
      return this.message(project, 'error', vscode.l10n.t('Sign-in failed: {0}', text), 'error', Cmd.editProject, vscode.l10n.t('Edit Project'), text);
    }
    return this.message(project, 'error', text, 'error', Cmd.refresh, vscode.l10n.t('Retry'), text);
  }

  private message(
    project: Project,
    name: string,
    label: string,
    icon: MessageNode['icon'],
    command?: CommandId,
    title?: string,
    tooltip?: string,
  ): MessageNode {
    return {
      kind: 'message',
      id: messageNodeId(project.id, name),
      project,
      label,
      icon,
      tooltip: tooltip ?? label,
      action: command && title ? { command, title } : undefined,
    };
  }

  private remember<T extends TreeNode>(nodes: T[], projectId?: string): T[] {
    if (projectId) {
      // Forget the project's previous rows, so deleted users do not linger in the map.
      const prefix = `${projectNodeId(projectId)}/`;
      for (const id of this.nodes.keys()) if (id.startsWith(prefix)) this.nodes.delete(id);
    }
    for (const n of nodes) this.nodes.set(n.id, n);
    return nodes;
  }

  dispose(): void {
    for (const timer of this.refetchTimers.values()) clearTimeout(timer);
    this.changed.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
