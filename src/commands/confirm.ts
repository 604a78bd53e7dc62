import * as vscode from 'vscode';
import type { Services } from '../services';
import type { Project } from '../projects/project';
import { readSettings } from '../settings';
import { UserCancelled } from './errors';

export interface ConfirmRequest {
  project: Project;
  loginIds: string[];
  /** e.g. "Delete", "Disable": the modal's button. */
  verb: string;
  destructive: boolean;
  /** A production project also demands the typed project name. */
  guardProduction: boolean;
  /** Extra sentence, e.g. that event data is deleted too. */
  warning?: string;
}

const NAMED = 10;

/**
 * One modal that names the users; production projects also demand the typed project name for
 * the operations that guard it (delete, disable). The `mediumOne.confirmation` setting decides when non-destructive
 * operations ask. Resolves when confirmed, throws UserCancelled otherwise.
 */
export async function confirmUserOperation(s: Services, req: ConfirmRequest): Promise<void> {
  const style = readSettings().confirmation;
  const typedName = req.guardProduction && req.project.production;
  const needed = style === 'always' || req.destructive || typedName || (style === 'bulk' && req.loginIds.length > 1);
  if (!needed) return;
  const names = req.loginIds.slice(0, NAMED).map((id) => `• ${id}`).join('\n');
  const more = req.loginIds.length > NAMED ? `\n${vscode.l10n.t('…and {0} more', req.loginIds.length - NAMED)}` : '';
  const message = req.loginIds.length === 1
    ? vscode.l10n.t('{0} "{1}" in {2}?', req.verb, req.loginIds[0], req.project.name)
    : vscode.l10n.t('{0} {1} users in {2}?', req.verb, req.loginIds.length, req.project.name);
  const detail = [req.loginIds.length > 1 ? names + more : '', req.warning ?? ''].filter(Boolean).join('\n\n');
  const choice = await s.prompts.confirm(message, detail, req.verb);
  if (choice !== req.verb) throw new UserCancelled();
  if (typedName) {
    const typed = await s.prompts.input({
      title: vscode.l10n.t('{0} in production project {1}', req.verb, req.project.name),
      prompt: vscode.l10n.t('"{0}" is a production project. Type its name to confirm.', req.project.name),
      placeHolder: req.project.name,
      ignoreFocusOut: true,
      validateInput: (v) => (v === req.project.name ? undefined : vscode.l10n.t('Type "{0}" exactly to confirm.', req.project.name)),
    });
    if (typed !== req.project.name) throw new UserCancelled();
  }
}
