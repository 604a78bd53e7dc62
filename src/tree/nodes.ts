import type { CommandId } from '../contributes';
import type { Project } from '../projects/project';
import type { UserEntry } from '../users/userEntry';

/** Tree nodes are plain models with stable, path-like ids; TreeItems are made from them on demand. */
export interface ProjectNode {
  kind: 'project';
  id: string;
  project: Project;
}

export interface UserNode {
  kind: 'user';
  id: string;
  project: Project;
  entry: UserEntry;
}

/** An empty or error state, shown as a row with an action (Retry, Sign in, Create user, …). */
export interface MessageNode {
  kind: 'message';
  id: string;
  project: Project;
  label: string;
  tooltip?: string;
  /** A codicon name; 'loading' spins. */
  icon: 'error' | 'info' | 'warning' | 'loading' | 'more';
  action?: { command: CommandId; title: string };
}

export type TreeNode = ProjectNode | UserNode | MessageNode;

export const projectNodeId = (projectId: string) => `project/${projectId}`;
export const userNodeId = (projectId: string, loginId: string) =>
  `project/${projectId}/user/${encodeURIComponent(loginId)}`;
export const messageNodeId = (projectId: string, name: string) => `project/${projectId}/message/${name}`;

export const projectNode = (project: Project): ProjectNode => ({ kind: 'project', id: projectNodeId(project.id), project });
export const userNode = (project: Project, entry: UserEntry): UserNode => ({
  kind: 'user',
  id: userNodeId(project.id, entry.loginId),
  project,
  entry,
});

export const isUserNode = (n: unknown): n is UserNode => (n as TreeNode | undefined)?.kind === 'user';
export const isProjectNode = (n: unknown): n is ProjectNode => (n as TreeNode | undefined)?.kind === 'project';
