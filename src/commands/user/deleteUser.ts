import * as vscode from 'vscode';
import type { Services } from '../../services';
import { userOperationCommand } from './runUserOperation';
import { deleteCall } from '../../users/userCalls';

export const deleteUser = (s: Services) =>
  userOperationCommand(s, {
    token: 'canDelete',
    verb: vscode.l10n.t('Delete'),
    past: vscode.l10n.t('Deleted'),
    busyLabel: vscode.l10n.t('Deleting…'),
    infinitive: 'delete',
    destructive: true,
    guardProduction: true,
    warning: (n) => n === 1
      ? vscode.l10n.t("All of this user's event data is deleted too. This cannot be undone.")
      : vscode.l10n.t('All event data of these {0} users is deleted too. This cannot be undone.', n),
    call: async (client, loginId, project) => {
      await deleteCall.call(client, loginId);
      await s.projects.untrack(project.id, [loginId]);
    },
    holds: deleteCall.holds,
    after: () => undefined,
  });
