import * as vscode from 'vscode';
import type { Services } from '../../services';
import { Cmd } from '../ids';
import { resolveUsers } from '../pickers';
import { capabilitiesOf } from '../../projects/capabilities';
import { hasToken, userContextValue } from '../../tree/contextValues';
import { STATE_LABELS } from '../../tree/treeItems';
import { entryFromUser, type UserEntry } from '../../tree/userEntry';
import { userNode, type UserNode } from '../../tree/nodes';
import { describeError } from '../../util/errorText';
import { openUserDetailsPanel, type UserDetailsHost, type UserDetailsModel } from '../../webviews/userDetailsPanel';

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
    load: () => loadDetails(s, current()),
    run: async (action) => {
      if (action === 'refresh') return;
      const command = ACTION_COMMANDS[action];
      if (command) await vscode.commands.executeCommand(command, current());
    },
  };
  openUserDetailsPanel(s.context.extensionUri, `${project.id}/${loginId}`, host);
  return host;
};

async function loadDetails(s: Services, node: UserNode): Promise<UserDetailsModel> {
  const { project } = node;
  let entry: UserEntry = node.entry;
  let error: string | undefined;
  const caps = capabilitiesOf(project.role);
  if (caps.read === 'any' || (caps.read === 'self' && entry.loginId === project.loginId)) {
    try {
      const client = await s.clients.for(project);
      entry = { ...entry, ...entryFromUser(await client.getUser(entry.loginId)) };
      s.users.patchUser(project.id, entry.loginId, entry);
    } catch (e) {
      error = s.redactor.redact(describeError(e));
    }
  } else {
    error = vscode.l10n.t('The {0} role cannot read users: only what this extension knows is shown.', project.role);
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
    state: STATE_LABELS[entry.state],
    mqttId: entry.mqttId,
    fields: entry.raw ?? { login_id: entry.loginId, disabled: entry.state === 'disabled', mqtt_id: entry.mqttId },
    userData: entry.userData,
    error,
    actions,
  };
}
