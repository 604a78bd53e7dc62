import * as vscode from 'vscode';
import { isMediumOneError } from '../api/errors';
import type { Services } from '../services';
import { Cmd, type CommandId } from '../contributes';
import { describeError } from '../util/errorText';

/**
 * A handler takes whatever VS Code passes (a tree node, a selection, palette args); `never[]` lets each
 * handler declare its own parameters, and each one checks them (isUserNode, …) before use.
 */
export type CommandHandler = (...args: never[]) => unknown;

// UserCancelled is a vscode.CancellationError (src/commands/errors.ts), whichever bundle threw it.
const isCancellation = (e: unknown) => e instanceof vscode.CancellationError || isMediumOneError(e, 'cancelled');

/**
 * The one registration wrapper: every command gets the same error handling. Cancellation is silent;
 * any other failure is logged and shown with Retry and Show Log (and Edit Project when the sign-in failed).
 */
export function registerCommand(services: Services, id: CommandId, handler: CommandHandler): vscode.Disposable {
  // executeCommand hands a command's result to whichever extension called it. Some handlers return what a test
  // drives (the create form's host creates users with no prompt), so only the extension-host tests get results.
  const resultsReachCaller = services.context.extensionMode === vscode.ExtensionMode.Test;
  const run = async (...args: unknown[]): Promise<unknown> => {
    try {
      const result = await (handler as (...a: unknown[]) => unknown)(...args);
      return resultsReachCaller ? result : undefined;
    } catch (error) {
      if (isCancellation(error)) return undefined;
      const text = services.redactor.redact(describeError(error));
      services.log.error(`${id} failed: ${text}`);
      const retry = vscode.l10n.t('Retry');
      const showLog = vscode.l10n.t('Show Log');
      const editProject = vscode.l10n.t('Edit Project');
      const actions = isMediumOneError(error, 'loginFailed') ? [editProject, retry, showLog] : [retry, showLog];
      void services.prompts.error(text, ...actions).then((choice) => {
        if (choice === retry) void vscode.commands.executeCommand(id, ...args);
        else if (choice === showLog) services.channel.show(true);
        else if (choice === editProject) void vscode.commands.executeCommand(Cmd.editProject, ...args);
      });
      return undefined;
    }
  };
  return vscode.commands.registerCommand(id, run);
}
