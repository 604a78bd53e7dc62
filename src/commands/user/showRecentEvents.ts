import type { Services } from '../../services';
import { resolveUsers } from '../pickers';
import { openUserDetails } from './showUser';

/**
 * Show Recent Events: the user's details page, opened (or revealed) with its Recent Events section read at once.
 * The one place events are read is that page, so this command and the page's button show the same thing.
 */
export const showRecentEvents = (s: Services) => async (node?: unknown) => {
  const [target] = await resolveUsers(s, node, undefined, { many: false, fits: () => true });
  return openUserDetails(s, target, { showEvents: true });
};
