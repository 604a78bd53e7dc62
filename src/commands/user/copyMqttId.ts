import * as vscode from 'vscode';
import type { Services } from '../../services';
import { resolveUsers } from '../pickers';

export const copyMqttId = (s: Services) => async (node?: unknown, selection?: unknown) => {
  const nodes = await resolveUsers(s, node, selection, { many: true, fits: (_p, e) => Boolean(e.mqttId) });
  const ids = nodes.map((n) => n.entry.mqttId).filter((id): id is string => Boolean(id));
  if (ids.length === 0) throw new Error(vscode.l10n.t('The selected users have no MQTT id to copy yet.'));
  await vscode.env.clipboard.writeText(ids.join('\n'));
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0} MQTT id(s)', ids.length), 3000);
};
