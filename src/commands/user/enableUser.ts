import * as vscode from 'vscode';
import type { Services } from '../../services';
import { userOperationCommand } from './runUserOperation';
import { enableCall } from '../../users/userCalls';

export const enableUser = (s: Services) =>
  userOperationCommand(s, {
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
