import * as vscode from 'vscode';
import type { Services } from '../../services';
import { Cmd } from '../../contributes';
import { resolveUsers } from '../pickers';
import { capabilitiesOf, ROLE_LABELS } from '../../projects/capabilities';
import { hasToken, userContextValue } from '../../tree/contextValues';
import { STATE_LABELS } from '../../tree/treeItems';
import { entryFromUser, type UserEntry } from '../../users/userEntry';
import { userNode, type UserNode } from '../../tree/nodes';
import { describeError } from '../../util/errorText';
import type { UserDetailsHost, UserDetailsModel } from '../../webviews/host/userDetailsPanel';
import { loadPanels } from '../panels';

type Action = UserDetailsModel['actions'][number];

const ACTION_COMMANDS: Partial<Record<Action, string>> = {
  enable: Cmd.enableUser,
  disable: Cmd.disableUser,
  changePassword: Cmd.changePassword,
  delete: Cmd.deleteUser,
  copyLoginId: Cmd.copyLoginId,
  copyMqttId: Cmd.copyMqttId,
};

/** The details view: every field the server sent, user_data as JSON, and the operations this row allows. */
export const showUser = (s: Services) => async (node?: unknown) => {
  const [target] = await resolveUsers(s, node, undefined, { many: false, fits: () => true });
  const { project } = target;
  const loginId = target.entry.loginId;
  const current = (): UserNode => {
    const load = s.users.get(project.id);
    const entry = load?.status === 'loaded' ? load.users.find((u) => u.loginId === loginId) : undefined;
    return userNode(project, entry ?? target.entry);
  };
  const host: UserDetailsHost = {
    guard: { log: s.log.scoped('userDetails'), redactor: s.redactor },
    load: () => loadDetails(s, current()),
    run: async (action) => {
      if (action === 'refresh') return;
      const command = ACTION_COMMANDS[action];
      if (command) await vscode.commands.executeCommand(command, current());
    },
  };
  loadPanels(s).openUserDetailsPanel(s.context.extensionUri, `${project.id}/${loginId}`, host);
  return host;
};

async function loadDetails(s: Services, node: UserNode): Promise<UserDetailsModel> {
  const { project } = node;
  let entry: UserEntry = node.entry;
  let error: string | undefined;
  let notice: string | undefined;
  const caps = capabilitiesOf(project.role);
  const mayRead = caps.read === 'any' || (caps.read === 'self' && entry.loginId === project.loginId);
  if (mayRead) {
    try {
      const client = await s.clients.for(project);
      entry = { ...entry, ...entryFromUser(await client.getUser(entry.loginId)) };
      s.users.patchUser(project.id, entry.loginId, entry);
    } catch (e) {
      error = s.redactor.redact(describeError(e));
    }
  } else {
    notice = caps.read === 'self'
      ? vscode.l10n.t('A {0} account can read only itself, so this page shows what this extension knows about "{1}": no state, no fields from the server.', ROLE_LABELS[project.role], entry.loginId)
      : vscode.l10n.t('The {0} role cannot read users, so this page shows what this extension knows about "{1}": no state, no fields from the server.', ROLE_LABELS[project.role], entry.loginId);
  }
  const cv = userContextValue(project, entry);
  const actions: Action[] = ['refresh'];
  if (hasToken(cv, 'canEnable')) actions.push('enable');
  if (hasToken(cv, 'canDisable')) actions.push('disable');
  if (hasToken(cv, 'canChangePassword')) actions.push('changePassword');
  if (hasToken(cv, 'canDelete')) actions.push('delete');
  actions.push('copyLoginId');
  if (entry.mqttId) actions.push('copyMqttId');
  return {
    projectName: project.name,
    loginId: entry.loginId,
    state: mayRead ? STATE_LABELS[entry.state] : vscode.l10n.t('not readable by the {0} role', ROLE_LABELS[project.role]),
    mqttId: entry.mqttId,
    fields: mayRead ? knownFields(entry) : { login_id: entry.loginId, ...(entry.mqttId ? { mqtt_id: entry.mqttId } : {}) },
    userData: entry.userData,
    error,
    notice,
    actions,
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
