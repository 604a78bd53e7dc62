import type { Services } from '../../services';
import { resolveUsers } from '../pickers';
import { loadProvisioning } from '../provisioning';

/**
 * Copy Connection Snippet (user rows, the details page, the palette): the user is picked here, the rest runs in
 * the provisioning bundle. `format` (a SnippetFormat, from the details page) skips the format pick.
 */
export const copyConnectionSnippet = (s: Services) => async (node?: unknown, selection?: unknown, format?: unknown) => {
  const [user] = await resolveUsers(s, node, selection, { many: false, fits: (_p, e) => e.state !== 'notFound' });
  return loadProvisioning(s).copyConnectionSnippetFlow(s, user, format);
};
