import type { Services } from '../../services';
import { isUserNode, type UserNode } from '../../tree/nodes';
import { hasToken, userContextValue } from '../../tree/contextValues';
import { settleStates } from '../settleStates';

/**
 * "Read State Now", on a row whose state is not read yet (a login_id-only list): its menu offers this where Enable
 * and Disable would be, instead of guessing. The rows picked are read ahead of the rest of the background read, and
 * their menus then offer what fits. Only from rows: the palette has no row whose state it could be missing.
 */
export const readUserState = (s: Services) => async (node?: unknown, selection?: unknown) => {
  const picked = (Array.isArray(selection) && selection.length > 0 ? selection : [node]).filter(isUserNode);
  const first = picked[0];
  if (!first) return;
  const rows = picked.filter((n: UserNode) => n.project.id === first.project.id && hasToken(userContextValue(n.project, n.entry), 'stateUnknown'));
  await settleStates(s, first.project, rows.map((n) => n.entry));
};
