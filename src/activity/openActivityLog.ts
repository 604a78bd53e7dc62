import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Logger } from '../log/logger';
import type { SecretRedactor } from '../log/secretRedactor';
import { ActivityLog, type ActivityFiles } from './activityLog';

/**
 * The VS Code side of the history: its folder in global storage, the rotation setting, the redactor and the log. A
 * write that fails is logged and `warn`ed: a team relying on the record must learn it has a gap.
 */
export function openActivityLog(context: vscode.ExtensionContext, redactor: SecretRedactor, log: Logger, warn: (message: string) => void): ActivityLog {
  return new ActivityLog(path.join(context.globalStorageUri.fsPath, 'activity'), {
    maxFileBytes: () => {
      const kb = vscode.workspace.getConfiguration('mediumOne').get<unknown>('activity.maxFileSizeKB');
      return Math.min(10_240, Math.max(64, typeof kb === 'number' && Number.isFinite(kb) ? kb : 1024)) * 1024;
    },
    redact: (text) => redactor.redact(text),
    // The disk work ships in the teams bundle (src/commands/teams/index.ts), loaded on the first write or read.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle of its own, loaded on demand
    files: () => (require(path.join(context.extensionPath, 'dist', 'teams.js')) as { activityFiles: ActivityFiles }).activityFiles,
    onError: (message) => {
      log.warn(message);
      warn(`${message} ${vscode.l10n.t('Changes are still made, but not recorded until the history can be written.')}`);
    },
  });
}
