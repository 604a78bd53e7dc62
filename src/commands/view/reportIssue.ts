import * as vscode from 'vscode';
import type { Services } from '../../services';
import { describeError } from '../../util/errorText';

/** What Report Issue did, returned to the extension-host tests (registerCommand hands results only to them). */
export type ReportIssueOutcome = { via: 'issueReporter' } | { via: 'bugsPage'; url: string };

/** The issues page package.json names (`bugs.url`): one place for the address, also read by the Marketplace. */
function bugsUrl(s: Services): string {
  const bugs = (s.context.extension.packageJSON as { bugs?: { url?: string } }).bugs;
  return bugs?.url ?? '';
}

/**
 * Report Issue: the editor's issue reporter, preset to this extension (code-server's opens a new GitHub issue of this
 * repository, from package.json's `bugs`, in a browser tab). Where feedback is turned off
 * (`telemetry.feedback.enabled: false`, where the reporter only says "Feedback is disabled.") or the reporter fails,
 * the user is given this extension's issues page instead, to open or copy.
 */
export const reportIssue = (s: Services) => async (): Promise<ReportIssueOutcome> => {
  const feedbackOff = vscode.workspace.getConfiguration('telemetry').get<boolean>('feedback.enabled') === false;
  if (!feedbackOff) {
    try {
      await vscode.commands.executeCommand('workbench.action.openIssueReporter', { extensionId: s.context.extension.id });
      return { via: 'issueReporter' };
    } catch (error) {
      s.log.warn(`The editor's issue reporter did not open (${describeError(error)}); offering the issues page.`);
    }
  }
  const url = bugsUrl(s);
  const open = vscode.l10n.t('Open Issues Page');
  const copy = vscode.l10n.t('Copy Link');
  const choice = await s.prompts.info(vscode.l10n.t('Report an issue with Medium One API Users on GitHub: {0}', url), open, copy);
  if (choice === open) await vscode.env.openExternal(vscode.Uri.parse(url));
  else if (choice === copy) await vscode.env.clipboard.writeText(url);
  return { via: 'bugsPage', url };
};
