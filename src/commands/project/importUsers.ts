import * as vscode from 'vscode';
import type { Services } from '../../services';
import { capabilitiesOf } from '../../projects/capabilities';
import { readSettings } from '../../settings';
import { concurrencyFor } from '../../users/serverConcurrency';
import { resolveProject } from '../pickers';
import { loadProvisioning } from '../provisioning';

export type { ImportOutcome } from '../provisioning/importUsersFlow';

/**
 * Import Users from CSV: the project is picked here; reading the file, the bulk create, the report and the offer of
 * a credentials file run in the on-demand provisioning bundle (src/commands/provisioning/importUsersFlow.ts), which
 * keeps the main bundle under its size bar.
 */
export const importUsers = (s: Services) => async (node?: unknown) => {
  const project = await resolveProject(s, node, (p) => capabilitiesOf(p.role).create,
    vscode.l10n.t('No project here may create users: that needs a Business or Registration account.'));
  return loadProvisioning(s).importUsersFlow(s, project, (client) => concurrencyFor(client, readSettings().concurrency));
};
