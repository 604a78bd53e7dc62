import * as vscode from 'vscode';
import type { ProjectStore } from '../projects/projectStore';
import type { Project } from '../projects/project';
import type { ProjectUsers, UsersChange } from '../users/projectUsers';
import type { UserEntry } from '../users/userEntry';
import { isActive, type UserFilter } from '../users/userFilter';
import { RowFetches } from '../users/rowFetches';
import { projectNode, userNodeId, type MessageNode, type ProjectNode, type TreeNode, type UserNode } from './nodes';
import { messageTreeItem, projectTooltip, projectTreeItem, userTooltip, userTreeItem } from './treeItems';
import { emptyRow, errorRow, loadMoreRow, noMatchRow, sandboxStoppedRow, signInRow, trackedRow, unjudgedRow } from './messageRows';
import { PAGE_SIZE, visibleUserRows } from './userRows';

/** Rows a filtered view shows first: their states are read before the others'. */
const FIRST_ROWS = 50;

/**
 * Projects at the root, their basic users below: an adapter from the users model (src/users, no VS Code) to VS
 * Code's tree. Model changes become onDidChangeTreeData events (RowFetches keeps VS Code from fetching one parent
 * twice at once); nodes become TreeItems (treeItems.ts). It never talks to the network itself.
 */
export class UsersTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private filter: UserFilter = {};
  /** Project rows handed to VS Code: reveal() and getParent() need the same objects back. */
  private readonly projectRows = new Map<string, ProjectNode>();
  /** Each user's row object, kept while its entry lives: a fetch again hands VS Code the same objects. */
  private readonly rowCache = new WeakMap<UserEntry, UserNode>();
  /** The user rows of each project's last fetch (and its Load More row); `shown` is built from them when first asked. */
  private readonly lastRows = new Map<string, { rows: UserNode[]; more?: MessageNode; shown?: Set<UserNode> }>();
  /** User rows each project shows (PAGE_SIZE until Load More or a reveal beyond it); a filter change resets them. */
  private readonly pageLimits = new Map<string, number>();
  private readonly fetches = new RowFetches((key) => this.changed.fire(key ? this.projectRows.get(key) : undefined));
  private readonly subscriptions: { dispose(): void }[] = [];

  constructor(
    private readonly projects: ProjectStore,
    private readonly users: ProjectUsers,
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
    this.pageLimits.clear();
    this.refresh(undefined);
  }

  /** Load More: the project shows its next page of users too. */
  loadMore(projectId: string): void {
    this.pageLimits.set(projectId, this.pageLimit(projectId) + PAGE_SIZE);
    this.refresh(this.projectRows.get(projectId));
  }

  private pageLimit(projectId: string): number {
    return this.pageLimits.get(projectId) ?? PAGE_SIZE;
  }

  private refresh(node: TreeNode | undefined): void {
    const key = node === undefined ? '' : node.kind === 'project' ? node.project.id : undefined;
    if (this.fetches.refreshNow(key)) this.changed.fire(node);
  }

  /**
   * A batch of rows whose state was read: those rows only, in one event. Under a state filter the read decides
   * which rows are shown at all, so the project's rows are fetched again instead (at most a few times a second).
   */
  private refreshRows(projectId: string, loginIds: string[]): void {
    if (this.filter.states?.length) {
      this.fetches.throttle(projectId, () => this.refresh(this.projectRows.get(projectId)));
      return;
    }
    const rows: TreeNode[] = [];
    for (const id of loginIds) {
      const row = this.shownRow(projectId, id);
      if (row) rows.push(row);
    }
    // None on the page: its Load More row alone (a state read does not change its count), so the view's message
    // still updates without VS Code fetching the page again. Never expanded: the project row.
    const more = this.lastRows.get(projectId)?.more;
    if (rows.length > 0) this.changed.fire(rows);
    else if (more) this.changed.fire(more);
    else this.refresh(this.projectRows.get(projectId));
  }

  /** The row VS Code holds for a user (handed over in the project's last fetch), if any. */
  private shownRow(projectId: string, loginId: string): UserNode | undefined {
    const entry = this.users.entry(projectId, loginId);
    const row = entry && this.rowCache.get(entry);
    const last = this.lastRows.get(projectId);
    if (!row || !last) return undefined;
    last.shown ??= new Set(last.rows);
    return last.shown.has(row) ? row : undefined;
  }

  /**
   * The node to pass to `TreeView.reveal`. After a refresh VS Code fetches the parent's rows again; revealing a
   * node it does not hold yet makes it fetch them a second time, concurrently, and it then fails with "Element with
   * id … is already registered". So: wait (briefly) for its own fetch, and hand back the very object it registered.
   */
  async nodeToReveal(id: string, parentKey: string, fallback: () => Promise<TreeNode | undefined>): Promise<TreeNode | undefined> {
    this.extendPageTo(parentKey, id);
    await this.fetches.whenQuiet(parentKey);
    return this.nodeById(id) ?? fallback();
  }

  /** A user beyond its project's page (a user just created, say) is revealed by extending the page to it. */
  private extendPageTo(projectId: string, id: string): void {
    const project = this.projects.get(projectId);
    const load = this.users.get(projectId);
    const prefix = userNodeId(projectId, '');
    if (!project || load?.status !== 'loaded' || !id.startsWith(prefix)) return;
    const limit = this.pageLimit(projectId);
    const { rows } = visibleUserRows(project, load.users, this.filter, { limit, include: decodeURIComponent(id.slice(prefix.length)), cache: this.rowCache });
    if (rows.length <= limit) return;
    this.pageLimits.set(projectId, rows.length);
    // A project row VS Code does not hold has no rows to fetch again; refreshing the root instead would race the reveal.
    const row = this.projectRows.get(projectId);
    if (row) this.refresh(row);
  }

  private nodeById(id: string): TreeNode | undefined {
    for (const [projectId, node] of this.projectRows) {
      if (id === node.id) return node;
      const prefix = `${node.id}/user/`;
      if (id.startsWith(prefix)) return this.shownRow(projectId, decodeURIComponent(id.slice(prefix.length)));
    }
    return undefined;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'project':
        return projectTreeItem(node, this.users.get(node.project.id), this.running(node.project), this.projects.list().length === 1, this.users.isReading(node.project.id));
      case 'user':
        return userTreeItem(node, this.users.isReading(node.project.id, node.entry.loginId));
      case 'message':
        return messageTreeItem(node);
    }
  }

  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    const { id } = node.project;
    if (node.kind === 'user') item.tooltip = userTooltip(node, this.users.isReading(id, node.entry.loginId));
    if (node.kind === 'project') item.tooltip = projectTooltip(node, this.users.get(id), this.running(node.project), this.users.readProgress(id));
    return item;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) {
      return this.fetches.run('', () => {
        this.projectRows.clear();
        for (const project of this.projects.list()) this.projectRows.set(project.id, projectNode(project));
        return Promise.resolve([...this.projectRows.values()]);
      });
    }
    if (node.kind !== 'project') return [];
    return this.fetches.run(node.project.id, () => this.projectChildren(node.project, true));
  }

  getParent(node: TreeNode): TreeNode | undefined {
    if (node.kind === 'project') return undefined;
    // A reveal before VS Code fetched the root asks for the parent first (VS Code matches the root fetch by id).
    let parent = this.projectRows.get(node.project.id);
    if (!parent) this.projectRows.set(node.project.id, (parent = projectNode(node.project)));
    return parent;
  }

  /** The node VS Code must refresh for a change: the row itself when shown, else its project, else the root. */
  private nodeFor(change: UsersChange | undefined): TreeNode | undefined {
    if (!change) return undefined;
    const row = change.loginId !== undefined ? this.shownRow(change.projectId, change.loginId) : undefined;
    return row ?? this.projectRows.get(change.projectId);
  }

  /** The node for a user, loading its project first (for tests and pickers; commands reveal via nodeToReveal). */
  async findUser(projectId: string, loginId: string): Promise<UserNode | undefined> {
    const project = this.projects.get(projectId);
    if (!project) return undefined;
    const children = await this.projectChildren(project);
    return children.find((n): n is UserNode => n.kind === 'user' && n.entry.loginId === loginId);
  }

  /** The rows under a project; `handedOver`: these go to VS Code (its rows for refreshRows and reveal). */
  private async projectChildren(project: Project, handedOver = false): Promise<TreeNode[]> {
    if (handedOver) this.lastRows.delete(project.id);
    if (project.sandbox && !this.sandboxRunning()) return [sandboxStoppedRow(project)];
    // Expanding a project from settings never asks for its secrets (nor shows a cancelled question as an error):
    // the row offers to sign in instead.
    if (project.origin && this.users.get(project.id)?.status !== 'loaded' && !(await this.projects.hasSecrets(project.id))) return [signInRow(project)];
    const load = await this.users.ensureLoaded(project);
    if (load.status === 'error') return [errorRow(project, load.error)];
    if (load.status !== 'loaded') return [];
    const { rows, more, unjudged } = visibleUserRows(project, load.users, this.filter, { limit: this.pageLimit(project.id), cache: this.rowCache });
    const moreRow = more > 0 ? loadMoreRow(project, more, Math.min(more, PAGE_SIZE)) : undefined;
    if (handedOver) this.lastRows.set(project.id, { rows, more: moreRow });
    const reading = this.users.isReading(project.id);
    // While states are read, a filter's rows on screen and every candidate a state filter still needs go first.
    if (isActive(this.filter) && reading) this.users.prioritize(project.id, [...rows.slice(0, FIRST_ROWS).map((r) => r.entry.loginId), ...unjudged]);
    const before: TreeNode[] = load.source === 'tracked' ? [trackedRow(project, load.sourceReason)] : [];
    const after: TreeNode[] = moreRow ? [moreRow] : [];
    if (unjudged.length > 0) after.push(unjudgedRow(project, unjudged.length, reading));
    if (load.users.length === 0) after.push(emptyRow(project));
    else if (rows.length === 0 && unjudged.length === 0) after.push(noMatchRow(project));
    return before.length + after.length > 0 ? before.concat(rows, after) : rows;
  }

  private running(project: Project): boolean | undefined {
    return project.sandbox ? this.sandboxRunning() : undefined;
  }

  dispose(): void {
    this.fetches.dispose();
    this.changed.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
