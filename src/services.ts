import type * as vscode from 'vscode';
import type { Logger } from './log/logger';
import type { SecretRedactor } from './log/secretRedactor';
import type { ProjectStore } from './projects/projectStore';
import type { ClientRegistry } from './projects/clientRegistry';
import type { ProjectUsers } from './users/projectUsers';
import type { UsersTreeProvider } from './tree/usersTreeProvider';
import type { SandboxController } from './sandbox/sandboxController';
import type { Prompts } from './ui/prompts';
import type { ReportDocuments } from './reports/reportDocuments';
import type { ActivityLog } from './activity/activityLog';

/** Everything a command needs, built once in activate() and passed in: no module-level singletons. */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly channel: vscode.LogOutputChannel;
  readonly log: Logger;
  readonly redactor: SecretRedactor;
  readonly projects: ProjectStore;
  readonly clients: ClientRegistry;
  readonly users: ProjectUsers;
  readonly tree: UsersTreeProvider;
  readonly view: vscode.TreeView<import('./tree/nodes').TreeNode>;
  readonly sandbox: SandboxController;
  /** Read-only report documents (an import's per-row results). */
  readonly reports: ReportDocuments;
  /** The activity history: every change the extension makes (src/activity). */
  readonly activity: ActivityLog;
  /** Every question the extension asks goes through here, so tests can script the answers. */
  prompts: Prompts;
}
