import * as vscode from 'vscode';
import type { Services } from '../../services';
import { userOperationCommand, type UserOperation } from './runUserOperation';
import { disableCall } from '../../users/userCalls';

/** A function, not a constant: the words are looked up in the UI language when the command runs. */
export const disableOperation = (): UserOperation => ({
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

export const disableUser = (s: Services) => userOperationCommand(s, disableOperation());
