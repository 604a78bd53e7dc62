import { ContextKey, UsersViewId } from './contributes';
import * as vscode from 'vscode';
import { createLogger, apiCallLogger } from './log/logger';
import { SecretRedactor } from './log/secretRedactor';
import { redactingPrompts } from './log/redactingPrompts';
import { ProjectStore } from './projects/projectStore';
import { ClientRegistry } from './projects/clientRegistry';
import { ProjectUsers } from './users/projectUsers';
import { concurrencyFor } from './users/serverConcurrency';
import { UsersTreeProvider } from './tree/usersTreeProvider';
import { SandboxController } from './sandbox/sandboxController';
import { registerCommands } from './commands/registerCommands';
import { windowPrompts } from './ui/prompts';
import { readSettings } from './settings';
import { viewMessageUpdater } from './tree/viewMessage';
import type { Services } from './services';
import { extensionExports, type ExtensionApi, type PublicApi } from './extensionExports';
import { SANDBOX_PROJECT_ID } from './projects/project';
import type { TreeNode } from './tree/nodes';
import { ReportDocuments } from './reports/reportDocuments';
import { openActivityLog } from './activity/openActivityLog';
import { installTranslator } from './util/l10n';

export type { ExtensionApi } from './extensionExports';

/** Returns the services only to the extension-host tests; every other caller gets an empty object. */
export function activate(context: vscode.ExtensionContext): ExtensionApi | PublicApi {
  const started = performance.now();
  // The vscode-free layers' messages (API client, CSV reader, bulk summaries) speak the editor's language from here on.
  installTranslator(vscode.l10n.t);
  const channel = vscode.window.createOutputChannel('Medium One', { log: true });
  const redactor = new SecretRedactor();
  const log = createLogger(channel, redactor);
  const projects = new ProjectStore(context.globalState, context.secrets, redactor);
  const clients = new ClientRegistry(projects, apiCallLogger(log.scoped('api')), () => readSettings().requestTimeoutSeconds * 1000);
  // State reads share each server's adaptive controller with bulk runs; the setting is its ceiling.
  const users = new ProjectUsers({ projects, clients, concurrency: (client) => concurrencyFor(client, readSettings().concurrency) });
  const sandbox = new SandboxController(context.extensionPath, context.globalStorageUri, projects, log.scoped('sandbox'));
  const tree = new UsersTreeProvider(projects, users, () => sandbox.running);
  const view = vscode.window.createTreeView<TreeNode>(UsersViewId, {
    treeDataProvider: tree,
    canSelectMany: true,
    showCollapseAll: true,
  });

  const reports = new ReportDocuments();
  // Warned through services.prompts as it is when a write fails (the extension-host tests script it).
  const activity = openActivityLog(context, redactor, log.scoped('activity'), (message) => void services.prompts.warn(message));
  const services: Services = { context, channel, log, redactor, projects, clients, users, tree, view, sandbox, reports, activity, prompts: redactingPrompts(windowPrompts, redactor) };
  context.subscriptions.push(
    channel,
    projects,
    users,
    tree,
    view,
    sandbox,
    reports,
    activity,
    // Starting or stopping the sandbox changes only its own project's rows.
    sandbox.onDidChange(() => users.invalidate(SANDBOX_PROJECT_ID)),
    ...registerCommands(services),
  );
  // The filter (with its counts) and a state read's progress, where the user sees them: the view's message.
  const viewMessage = viewMessageUpdater(view, tree, users, projects);
  // Context keys drive viewsWelcome and which palette entries show.
  const updateContext = () => {
    void vscode.commands.executeCommand('setContext', ContextKey.hasProjects, projects.list().length > 0);
    void vscode.commands.executeCommand('setContext', ContextKey.sandboxRunning, sandbox.running);
  };
  updateContext();
  context.subscriptions.push(viewMessage, tree.onDidChangeTreeData(() => viewMessage.update()), projects.onDidChange(updateContext), sandbox.onDidChange(updateContext));
  if (readSettings().sandboxAutoStart) {
    // Not awaited: activation stays fast; the tree shows the sandbox project when it is up.
    sandbox.start().catch((e: unknown) => log.error(`Local Sandbox did not start: ${e instanceof Error ? e.message : String(e)}`));
  }
  const version = (context.extension.packageJSON as { version: string }).version;
  log.info(`Medium One API Users ${version} activated in ${(performance.now() - started).toFixed(1)} ms`);
  return extensionExports(context.extensionMode === vscode.ExtensionMode.Test, services);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions, the Local Sandbox included.
}
