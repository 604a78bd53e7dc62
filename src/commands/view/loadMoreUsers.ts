import type { Services } from '../../services';
import type { TreeNode } from '../../tree/nodes';

/** The "Load More…" row under a project's users: the project shows its next page of them. */
export const loadMoreUsers = (s: Services) => (node?: TreeNode) => {
  if (node) s.tree.loadMore(node.project.id);
};
