import type { Services } from '../../services';
import type { TreeNode } from '../../tree/nodes';

/**
 * The "Load More…" row under a project's users: the project shows its next page of them. Any caller can run a
 * command with any argument, so only a node naming a project's id counts; anything else does nothing.
 */
export const loadMoreUsers = (s: Services) => (node?: unknown) => {
  const projectId = (node as Partial<TreeNode> | undefined)?.project?.id;
  if (typeof projectId === 'string') s.tree.loadMore(projectId);
};
