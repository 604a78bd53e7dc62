import * as vscode from 'vscode';
import type { ProjectStore } from '../projects/projectStore';
import type { Project } from '../projects/project';
import type { UsersChange, UsersModel } from './usersModel';
import { isActive, matches, type UserFilter } from './userFilter';
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
import { messageTreeItem, projectTreeItem, userTooltip, userTreeItem } from './treeItems';
import { describeError } from '../util/errorText';
import { isMediumOneError } from '../api/errors';
import { capabilitiesOf } from '../projects/capabilities';

/** Projects at the root, their basic users below. Reads UsersModel; never talks to the network itself. */
export class UsersTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private filter: UserFilter = {};
  /** Nodes handed to VS Code, by id: reveal() and getParent() need the same objects back. */
  private readonly nodes = new Map<string, TreeNode>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly projects: ProjectStore,
    private readonly users: UsersModel,
    private readonly sandboxRunning: () => boolean,
  ) {
    this.subscriptions.push(
      projects.onDidChange(() => this.changed.fire(undefined)),
      users.onDidChange((change) => this.changed.fire(this.nodeFor(change))),
    );
  }

  getFilter(): UserFilter {
    return this.filter;
  }

  setFilter(filter: UserFilter): void {
    this.filter = filter;
    this.changed.fire(undefined);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'project':
        return projectTreeItem(
          node,
          this.users.get(node.project.id),
          node.project.sandbox ? this.sandboxRunning() : undefined,
          this.projects.list().length === 1,
        );
      case 'user':
        return userTreeItem(node);
      case 'message':
        return messageTreeItem(node);
    }
  }

  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    if (node.kind === 'user') item.tooltip = userTooltip(node);
    return item;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) return this.remember(this.projects.list().map(projectNode));
    if (node.kind !== 'project') return [];
    return this.remember(await this.projectChildren(node.project), node.project.id);
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

  /** The node for a user, loading its project first, so commands can reveal it. */
  async findUser(projectId: string, loginId: string): Promise<UserNode | undefined> {
    const project = this.projects.get(projectId);
    if (!project) return undefined;
    const children = await this.getChildren(projectNode(project));
    return children.find((n): n is UserNode => n.kind === 'user' && n.entry.loginId === loginId);
  }

  private async projectChildren(project: Project): Promise<TreeNode[]> {
    if (project.sandbox && !this.sandboxRunning()) {
      return [this.message(project, 'stopped', vscode.l10n.t('The Local Sandbox is not running.'), 'info', 'mediumOne.startSandbox', vscode.l10n.t('Start'))];
    }
    const load = await this.users.ensureLoaded(project);
    if (load.status === 'error') return [this.errorRow(project, load.error)];
    if (load.status !== 'loaded') return [];
    const rows: TreeNode[] = [];
    if (load.source === 'tracked') {
      rows.push(this.message(project, 'tracked', vscode.l10n.t('Showing users tracked by this extension. {0}', load.sourceReason ?? '').trim(), 'info'));
    }
    const shown = isActive(this.filter) ? load.users.filter((u) => matches(this.filter, u)) : load.users;
    for (const entry of shown) rows.push(userNode(project, entry));
    if (load.users.length === 0) {
      const caps = capabilitiesOf(project.role);
      rows.push(caps.create
        ? this.message(project, 'empty', vscode.l10n.t('No basic users yet.'), 'info', 'mediumOne.createUser', vscode.l10n.t('Create User'))
        : this.message(project, 'empty', vscode.l10n.t('No basic users to show.'), 'info'));
    } else if (shown.length === 0) {
      rows.push(this.message(project, 'filtered', vscode.l10n.t('No users match the filter.'), 'info', 'mediumOne.clearFilter', vscode.l10n.t('Clear Filter')));
    }
    return rows;
  }

  private errorRow(project: Project, error: unknown): MessageNode {
    const text = describeError(error);
    if (isMediumOneError(error, 'loginFailed')) {
      return this.message(project, 'error', vscode.l10n.t('Sign-in failed: {0}', text), 'error', 'mediumOne.editProject', vscode.l10n.t('Edit Project'), text);
    }
    return this.message(project, 'error', text, 'error', 'mediumOne.refresh', vscode.l10n.t('Retry'), text);
  }

  private message(
    project: Project,
    name: string,
    label: string,
    icon: MessageNode['icon'],
    command?: string,
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
    this.changed.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
