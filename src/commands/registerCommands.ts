import type * as vscode from 'vscode';
import type { Services } from '../services';
import { Cmd, type CommandId } from '../contributes';
import { registerCommand, type CommandHandler } from './registerCommand';
import { addProject } from './project/addProject';
import { editProject } from './project/editProject';
import { removeProject } from './project/removeProject';
import { testConnection } from './project/testConnection';
import { importUsers } from './project/importUsers';
import { exportUsers } from './project/exportUsers';
import { refresh } from './view/refresh';
import { filterUsers } from './view/filterUsers';
import { clearFilter } from './view/clearFilter';
import { loadMoreUsers } from './view/loadMoreUsers';
import { showLog } from './view/showLog';
import { showActivity } from './view/showActivity';
import { reportIssue } from './view/reportIssue';
import { openWalkthrough } from './view/openWalkthrough';
import { undoActivity } from './activity/undoCommand';
import { createUser } from './user/createUser';
import { showUser } from './user/showUser';
import { readUserState } from './user/readUserState';
import { changePassword } from './user/changePassword';
import { enableUser } from './user/enableUser';
import { disableUser } from './user/disableUser';
import { deleteUser } from './user/deleteUser';
import { trackUser } from './user/trackUser';
import { untrackUser } from './user/untrackUser';
import { copyLoginId } from './user/copyLoginId';
import { copyMqttId } from './user/copyMqttId';
import { copyConnectionSnippet } from './user/copyConnectionSnippet';
import { sendTestEvent } from './user/sendTestEvent';
import { showRecentEvents } from './user/showRecentEvents';
import { startSandbox } from './sandbox/startSandbox';
import { stopSandbox } from './sandbox/stopSandbox';
import { exportProjectDefinitions } from './project/exportProjectDefinitions';
import { importProjectDefinitions } from './project/importProjectDefinitions';
import { secretsOnFirstUse } from './teams';

/** The only place commands are wired to handlers. The record type makes a missing id a compile error. */
export function registerCommands(s: Services): vscode.Disposable[] {
  const handlers: Record<CommandId, (s: Services) => CommandHandler> = {
    [Cmd.addProject]: addProject,
    [Cmd.editProject]: editProject,
    [Cmd.removeProject]: removeProject,
    [Cmd.testConnection]: testConnection,
    [Cmd.refresh]: refresh,
    [Cmd.filterUsers]: filterUsers,
    [Cmd.clearFilter]: clearFilter,
    [Cmd.loadMoreUsers]: loadMoreUsers,
    [Cmd.showLog]: showLog,
    [Cmd.createUser]: createUser,
    [Cmd.showUser]: showUser,
    [Cmd.readUserState]: readUserState,
    [Cmd.changePassword]: changePassword,
    [Cmd.enableUser]: enableUser,
    [Cmd.disableUser]: disableUser,
    [Cmd.deleteUser]: deleteUser,
    [Cmd.importUsers]: importUsers,
    [Cmd.exportUsers]: exportUsers,
    [Cmd.trackUser]: trackUser,
    [Cmd.untrackUser]: untrackUser,
    [Cmd.copyLoginId]: copyLoginId,
    [Cmd.copyMqttId]: copyMqttId,
    [Cmd.copyConnectionSnippet]: copyConnectionSnippet,
    [Cmd.sendTestEvent]: sendTestEvent,
    [Cmd.showRecentEvents]: showRecentEvents,
    [Cmd.startSandbox]: startSandbox,
    [Cmd.stopSandbox]: stopSandbox,
    [Cmd.exportProjectDefinitions]: exportProjectDefinitions,
    [Cmd.importProjectDefinitions]: importProjectDefinitions,
    [Cmd.showActivity]: showActivity,
    [Cmd.reportIssue]: reportIssue,
    [Cmd.openWalkthrough]: openWalkthrough,
    [Cmd.undoActivity]: undoActivity,
  };
  // A project from settings is asked for its secrets by the first command that signs in to it.
  s.clients.askForMissingSecrets = secretsOnFirstUse(s);
  return (Object.keys(handlers) as CommandId[]).map((id) => registerCommand(s, id, handlers[id](s)));
}
