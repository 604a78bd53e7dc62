import type { Services } from '../../services';
import { hasToken, userContextValue } from '../../tree/contextValues';
import { resolveUsers } from '../pickers';
import { openUserDetails } from './showUser';

/**
 * Show Recent Events: the user's details page, opened (or revealed) with its Recent Events section read at once.
 * The one place events are read is that page, so this command and the page's button show the same thing. From the
 * palette it offers only the users whose events the project's account may read (as the rows' menus do).
 */
export const showRecentEvents = (s: Services) => async (node?: unknown) => {
  const [target] = await resolveUsers(s, node, undefined, {
    many: false,
    // No project filter: with only a Registration project, resolveProject would say there is no project at all;
    // this way the user pick says that no user of it can take the action.
    fits: (p, e) => hasToken(userContextValue(p, e), 'canReadEvents'),
  });
  return openUserDetails(s, target, { showEvents: true });
};
