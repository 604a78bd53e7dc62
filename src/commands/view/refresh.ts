import type { Services } from '../../services';
import { isProjectNode, type TreeNode } from '../../tree/nodes';

/** Refresh one project (from its row) or the whole view (from the title bar or palette). */
export const refresh = (s: Services) => (node?: TreeNode) => {
  const projectId = node && (isProjectNode(node) || node.kind === 'message') ? node.project.id : undefined;
  if (projectId) s.clients.forget(projectId);
  s.users.invalidate(projectId);
};
