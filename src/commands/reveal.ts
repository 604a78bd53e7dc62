import type { Services } from '../services';

/** Selects and shows a user's row (the view loads its project first); quietly does nothing when filtered out. */
export async function revealUser(s: Services, projectId: string, loginId: string): Promise<void> {
  const node = await s.tree.findUser(projectId, loginId);
  if (node) await s.view.reveal(node, { select: true, focus: true, expand: true });
}
