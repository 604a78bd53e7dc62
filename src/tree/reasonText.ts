import * as vscode from 'vscode';
import { roleLabel } from '../projects/roleLabels';
import type { UserReason } from '../users/userEntry';
import type { SourceReason } from '../users/userLists';
import { describeError } from '../util/errorText';

/** A row's reason in the UI language: the model's codes in words; a command's own text as it is. */
export function userReasonText(reason: string | UserReason | undefined): string | undefined {
  if (reason === undefined || typeof reason === 'string') return reason;
  switch (reason.code) {
    case 'listedButNotFound':
      return vscode.l10n.t('Listed by the server, but reading it found no such user.');
    case 'notFoundOnServer':
      return vscode.l10n.t('Not found on the server.');
    case 'readFailed':
      return vscode.l10n.t('Reading its state failed: {0}', describeError(reason.error));
    case 'failed':
      return describeError(reason.error);
    case 'roleCannotRead':
      return vscode.l10n.t('The {0} role cannot read users; created or added here.', roleLabel(reason.role));
  }
}

/** Why a project shows its tracked users rather than the server's list, in the UI language. */
export function sourceReasonText(reason: SourceReason | undefined): string {
  if (!reason) return '';
  return reason.code === 'noListCall'
    ? vscode.l10n.t('This server has no call to list users.')
    : vscode.l10n.t('The {0} role cannot list users.', roleLabel(reason.role));
}
