import * as vscode from 'vscode';
import type { Services } from '../../services';
import { revealProject } from '../reveal';
import { withUncancellableProgress } from '../../ui/progress';

export const startSandbox = (s: Services) => async () => {
  const project = await withUncancellableProgress(vscode.l10n.t('Starting the Local Sandbox…'), () => s.sandbox.start());
  s.clients.forget(project.id);
  s.users.invalidate(project.id);
  await revealProject(s, project);
  void s.prompts.info(vscode.l10n.t('Local Sandbox running at {0}. Signed in as its Business user.', project.baseUrl));
};
