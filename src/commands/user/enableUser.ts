import * as vscode from 'vscode';
import type { Services } from '../../services';
import { userOperationCommand, type UserOperation } from './runUserOperation';
import { enableCall } from '../../users/userCalls';

/** A function, not a constant: the words are looked up in the UI language when the command runs. */
export const enableOperation = (): UserOperation => ({
  token: 'canEnable',
  verb: vscode.l10n.t('Enable'),
  past: vscode.l10n.t('Enabled'),
  busyLabel: vscode.l10n.t('Enabling…'),
  change: 'enable',
  destructive: false,
  guardProduction: false,
  call: enableCall.call,
  holds: enableCall.holds,
  after: () => ({ state: 'enabled', busy: undefined }),
});

export const enableUser = (s: Services) => userOperationCommand(s, enableOperation());
