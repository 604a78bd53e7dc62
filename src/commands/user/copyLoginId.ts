import * as vscode from 'vscode';
import type { Services } from '../../services';
import { resolveUsers } from '../pickers';

export const copyLoginId = (s: Services) => async (node?: unknown, selection?: unknown) => {
  const nodes = await resolveUsers(s, node, selection, { many: true, fits: () => true });
  await vscode.env.clipboard.writeText(nodes.map((n) => n.entry.loginId).join('\n'));
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0} login_id(s)', nodes.length), 3000);
};
