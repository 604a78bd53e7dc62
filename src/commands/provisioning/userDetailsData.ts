import * as vscode from 'vscode';
import type { Services } from '../../services';
import { capabilitiesOf } from '../../projects/capabilities';
import { roleLabel } from '../../projects/roleLabels';
import { hasToken, userContextValue } from '../../tree/contextValues';
import { STATE_LABELS } from '../../tree/treeItems';
import { entryFromUser, type UserEntry } from '../../users/userEntry';
import type { UserNode } from '../../tree/nodes';
import { readSettings } from '../../settings';
import { describeError } from '../../util/errorText';
import type { UserDetailsData } from '../../webviews/host/userDetailsPanel';
import { mqttEndpointFor } from '../mqttEndpoint';

type Action = UserDetailsData['actions'][number];

/**
 * What the details page shows of a user: the server's fields (read again when the role may), the actions its row
 * allows, and how to connect it as a device. In the on-demand provisioning bundle, off the start-up bundle.
 */
export async function loadUserDetails(s: Services, node: UserNode): Promise<UserDetailsData> {
  const { project } = node;
  let entry: UserEntry = node.entry;
  let error: string | undefined;
  let notice: string | undefined;
  const caps = capabilitiesOf(project.role);
  const mayRead = caps.read === 'any' || (caps.read === 'self' && entry.loginId === project.loginId);
  // A stopped Local Sandbox has no server to ask: say so, rather than how a connection to nothing failed.
  const stopped = project.sandbox === true && !s.sandbox.running;
  if (stopped) {
    error = `${vscode.l10n.t('The Local Sandbox is not running.')} ${vscode.l10n.t('Start it to see this user as the server holds it.')}`;
  } else if (mayRead) {
    try {
      const client = await s.clients.for(project);
      entry = { ...entry, ...entryFromUser(await client.getUser(entry.loginId)) };
      s.users.patchUser(project.id, entry.loginId, entry);
    } catch (e) {
      error = s.redactor.redact(describeError(e));
    }
  } else {
    notice = caps.read === 'self'
      ? vscode.l10n.t('A {0} account can read only itself, so this page shows what this extension knows about "{1}": no state, no fields from the server.', roleLabel(project.role), entry.loginId)
      : vscode.l10n.t('The {0} role cannot read users, so this page shows what this extension knows about "{1}": no state, no fields from the server.', roleLabel(project.role), entry.loginId);
  }
  const cv = userContextValue(project, entry);
  const actions: Action[] = ['refresh'];
  // A stopped sandbox takes no change: only the copies are offered.
  const changes = [['canEnable', 'enable'], ['canDisable', 'disable'], ['canChangePassword', 'changePassword'], ['canDelete', 'delete']] as const;
  if (!stopped) for (const [token, action] of changes) if (hasToken(cv, token)) actions.push(action);
  actions.push('copyLoginId');
  if (entry.mqttId) actions.push('copyMqttId');
  const settings = readSettings();
  return {
    projectName: project.name,
    loginId: entry.loginId,
    state: mayRead ? STATE_LABELS[entry.state] : vscode.l10n.t('not readable by the {0} role', roleLabel(project.role)),
    mqttId: entry.mqttId,
    fields: mayRead ? knownFields(entry) : { login_id: entry.loginId, ...(entry.mqttId ? { mqtt_id: entry.mqttId } : {}) },
    userData: entry.userData,
    error,
    notice,
    actions,
    device: {
      projectMqttId: project.mqttId,
      userMqttId: entry.mqttId,
      stream: settings.eventsStream,
      limit: settings.recentEventsLimit,
      deviceId: settings.deviceId,
      // The same broker the snippets use: the running Local Sandbox's own, else the settings.
      mqtt: mqttEndpointFor(s, project),
      canSendEvents: hasToken(cv, 'canSendEvents'),
    },
  };
}

/** The server's fields when they were read; else what is known, with `disabled` only when the state is. */
function knownFields(entry: UserEntry): Record<string, unknown> {
  if (entry.raw) return entry.raw;
  const fields: Record<string, unknown> = { login_id: entry.loginId };
  if (entry.state === 'enabled' || entry.state === 'disabled') fields.disabled = entry.state === 'disabled';
  if (entry.mqttId) fields.mqtt_id = entry.mqttId;
  return fields;
}
