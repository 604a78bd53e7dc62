import * as vscode from 'vscode';
import type { Services } from '../../services';
import { userOperationCommand } from './runUserOperation';
import { disableCall } from '../../users/userCalls';

export const disableUser = (s: Services) =>
  userOperationCommand(s, {
    token: 'canDisable',
    verb: vscode.l10n.t('Disable'),
    past: vscode.l10n.t('Disabled'),
    busyLabel: vscode.l10n.t('Disabling…'),
    change: 'disable',
    destructive: false,
    // Disabling cuts devices off: on production it asks for the typed project name like delete does.
    guardProduction: true,
    warning: (n) => n === 1
      ? vscode.l10n.t('A disabled user cannot send events, and no data can be sent on its behalf.')
      : vscode.l10n.t('Disabled users cannot send events, and no data can be sent on their behalf ({0} users).', n),
    call: disableCall.call,
    holds: disableCall.holds,
    after: () => ({ state: 'disabled', busy: undefined }),
  });
