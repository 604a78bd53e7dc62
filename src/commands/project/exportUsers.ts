import type { Services } from '../../services';
import { resolveProject } from '../pickers';
import { loadProvisioning } from '../provisioning';

/**
 * Export Users: the project is picked here; the rest (format, file, the states a filter needs, writing) runs in the
 * on-demand provisioning bundle (src/commands/provisioning/exportUsersFlow.ts), off the start-up bundle.
 */
export const exportUsers = (s: Services) => async (node?: unknown) => loadProvisioning(s).exportUsersFlow(s, await resolveProject(s, node));
