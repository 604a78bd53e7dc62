import * as vscode from 'vscode';
import type { Services } from '../../services';
import { resolveUsers } from '../pickers';
import { hasToken, userContextValue } from '../../tree/contextValues';
import { runUserOperation } from './runUserOperation';

export const disableUser = (s: Services) => async (node?: unknown, selection?: unknown) => {
  const nodes = await resolveUsers(s, node, selection, { many: true, fits: (p, e) => hasToken(userContextValue(p, e), 'canDisable') });
  await runUserOperation(s, {
    token: 'canDisable',
    verb: vscode.l10n.t('Disable'),
    past: vscode.l10n.t('Disabled'),
    busyLabel: vscode.l10n.t('Disabling…'),
    infinitive: 'disable',
    // Disabling cuts devices off; on production it asks for the typed project name like delete does.
    destructive: nodes.some((n) => n.project.production),
    warning: (n) => vscode.l10n.t('Disabled users cannot send events, and no data can be sent on their behalf ({0} users).', n),
    call: async (client, loginId) => void (await client.updateUser(loginId, { disabled: true })),
    after: () => ({ state: 'disabled', busy: undefined }),
  }, nodes);
};
