import * as vscode from 'vscode';
import type { Services } from '../../services';
import { capabilitiesOf, mayUseEvents } from '../../projects/capabilities';
import { roleLabel } from '../../projects/roleLabels';
import { resolveUsers } from '../pickers';
import { loadProvisioning } from '../provisioning';

/**
 * Send Test Event on a user's behalf: a Business project for any user, a Basic account for itself (the server refuses
 * a Registration account). A disabled user is offered too: the refusal, explained, is what there is to see.
 */
export const sendTestEvent = (s: Services) => async (node?: unknown) => {
  // From the palette with only Registration projects: say why, rather than "no project yet".
  if (node === undefined && s.projects.list().length > 0 && !s.projects.list().some((p) => capabilitiesOf(p.role).events !== 'none')) {
    throw new Error(vscode.l10n.t('No project here may send events: that needs a Business account (or a Basic account, for itself).'));
  }
  const [user] = await resolveUsers(s, node, undefined, {
    many: false,
    fits: (p, e) => mayUseEvents(p, e.loginId) && e.state !== 'pending' && e.state !== 'notFound',
    projectFits: (p) => capabilitiesOf(p.role).events !== 'none',
  });
  if (!mayUseEvents(user.project, user.entry.loginId)) {
    throw new Error(vscode.l10n.t('The {0} account of "{1}" cannot send events for "{2}": that needs a Business account (or the Basic user itself).', roleLabel(user.project.role), user.project.name, user.entry.loginId));
  }
  return loadProvisioning(s).sendTestEventFlow(s, user);
};
