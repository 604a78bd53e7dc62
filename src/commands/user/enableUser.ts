import * as vscode from 'vscode';
import type { Services } from '../../services';
import { userOperationCommand } from './runUserOperation';

export const enableUser = (s: Services) =>
  userOperationCommand(s, {
    token: 'canEnable',
    verb: vscode.l10n.t('Enable'),
    past: vscode.l10n.t('Enabled'),
    busyLabel: vscode.l10n.t('Enabling…'),
    infinitive: 'enable',
    destructive: false,
    guardProduction: false,
    call: async (client, loginId) => void (await client.updateUser(loginId, { disabled: false })),
    after: () => ({ state: 'enabled', busy: undefined }),
  });
