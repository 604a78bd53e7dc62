import * as vscode from 'vscode';
import type { Services } from '../../services';
import { Cmd } from '../../contributes';
import { resolveUsers } from '../pickers';
import { userNode, type UserNode } from '../../tree/nodes';
import type { UserDetailsData, UserDetailsHost, UserDetailsOptions } from '../../webviews/host/userDetailsPanel';
import { loadProvisioning } from '../provisioning';
import { loadPanels } from '../panels';
import { SANDBOX_PROJECT_ID } from '../../projects/project';

type Action = UserDetailsData['actions'][number];

const ACTION_COMMANDS: Partial<Record<Action, string>> = {
  enable: Cmd.enableUser,
  disable: Cmd.disableUser,
  changePassword: Cmd.changePassword,
  delete: Cmd.deleteUser,
  copyLoginId: Cmd.copyLoginId,
  copyMqttId: Cmd.copyMqttId,
};

/**
 * The details view: every field the server sent, user_data as JSON, the operations this row allows, how to connect
 * it as a device, and its recent events (read only on request).
 */
export const showUser = (s: Services) => async (node?: unknown) => {
  const [target] = await resolveUsers(s, node, undefined, { many: false, fits: () => true });
  return openUserDetails(s, target);
};

/** Opens (or reveals and reloads) the details panel of `target`; returns its host so tests can drive it. */
export function openUserDetails(s: Services, target: UserNode, options: UserDetailsOptions = {}): UserDetailsHost {
  const loginId = target.entry.loginId;
  const projectId = target.project.id;
  /** The row as the tree holds it now: the project (its MQTT ID may have been saved since) and the user's entry. */
  const current = (): UserNode => {
    const project = s.projects.get(projectId) ?? target.project;
    const load = s.users.get(projectId);
    const entry = load?.status === 'loaded' ? load.users.find((u) => u.loginId === loginId) : undefined;
    return userNode(project, entry ?? target.entry);
  };
  const host: UserDetailsHost = {
    guard: { log: s.log.scoped('userDetails'), redactor: s.redactor },
    load: () => loadProvisioning(s).loadUserDetails(s, current()),
    run: async (action) => {
      if (action === 'refresh') return;
      const command = ACTION_COMMANDS[action];
      if (command) await vscode.commands.executeCommand(command, current());
    },
    copySnippet: async (format) => {
      const before = current().project.mqttId;
      await vscode.commands.executeCommand(Cmd.copyConnectionSnippet, current(), undefined, format);
      return current().project.mqttId !== before;
    },
    sendTestEvent: async () => {
      await vscode.commands.executeCommand(Cmd.sendTestEvent, current());
    },
    // The events API lives in the panels' bundle, off the extension's start-up bundle.
    loadEvents: () => loadPanels(s).readRecentEvents(s, current()),
    onDidChangeServer: projectId === SANDBOX_PROJECT_ID ? s.sandbox.onDidChange : undefined,
  };
  loadPanels(s).openUserDetailsPanel(s.context.extensionUri, `${projectId}/${loginId}`, host, options);
  return host;
}
