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
    change: 'delete',
    destructive: true,
    guardProduction: true,
    warning: (n) => n === 1
      ? vscode.l10n.t("All of this user's event data is deleted too. This cannot be undone.")
      : vscode.l10n.t('All event data of these {0} users is deleted too. This cannot be undone.', n),
    call: async (client, loginId, project) => {
      await deleteCall.call(client, loginId);
      await s.projects.untrack(project.id, [loginId]);
    },
    holds: async (client, loginId, project) => {
      const gone = await deleteCall.holds(client, loginId);
      // An earlier try deleted it, but its answer was lost before `call` could untrack it: Retry Failed sends
      // nothing, so the untrack happens here or the tracked list keeps a user the server no longer has.
      if (gone) await s.projects.untrack(project.id, [loginId]);
      return gone;
    },
    after: () => undefined,
  });
