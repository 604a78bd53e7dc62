import * as vscode from 'vscode';
import type { Services } from '../../services';
import { resolveUsers } from '../pickers';
import { hasToken, userContextValue } from '../../tree/contextValues';
import { runUserOperation } from './runUserOperation';

export const enableUser = (s: Services) => async (node?: unknown, selection?: unknown) => {
  const nodes = await resolveUsers(s, node, selection, { many: true, fits: (p, e) => hasToken(userContextValue(p, e), 'canEnable') });
  await runUserOperation(s, {
    token: 'canEnable',
    verb: vscode.l10n.t('Enable'),
    past: vscode.l10n.t('Enabled'),
    busyLabel: vscode.l10n.t('Enabling…'),
    infinitive: 'enable',
    destructive: false,
    call: async (client, loginId) => void (await client.updateUser(loginId, { disabled: false })),
    after: () => ({ state: 'enabled', busy: undefined }),
  }, nodes);
};
