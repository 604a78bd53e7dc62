import type { Services } from '../services';
import { projectNode, projectNodeId, userNodeId } from '../tree/nodes';
import type { Project } from '../projects/project';

/** Selects and shows a user's row (loading its project first); quietly does nothing when it is filtered out. */
export async function revealUser(s: Services, projectId: string, loginId: string): Promise<void> {
  const node = await s.tree.nodeToReveal(userNodeId(projectId, loginId), projectId, () => s.tree.findUser(projectId, loginId));
  if (node) await s.view.reveal(node, { select: true, focus: true, expand: true });
}

/** Selects, expands and shows a project's row. */
export async function revealProject(s: Services, project: Project): Promise<void> {
  const node = await s.tree.nodeToReveal(projectNodeId(project.id), '', () => Promise.resolve(projectNode(project)));
  if (node) await s.view.reveal(node, { select: true, focus: true, expand: true });
}
