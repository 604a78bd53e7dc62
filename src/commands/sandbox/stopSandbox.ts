import * as vscode from 'vscode';
import type { Services } from '../../services';
import { SANDBOX_PROJECT_ID } from '../../projects/project';

export const stopSandbox = (s: Services) => async () => {
  const stopped = await s.sandbox.stop();
  s.clients.forget(SANDBOX_PROJECT_ID);
  s.users.invalidate(SANDBOX_PROJECT_ID);
  void s.prompts.info(stopped ? vscode.l10n.t('Local Sandbox stopped.') : vscode.l10n.t('The Local Sandbox is not running.'));
};
