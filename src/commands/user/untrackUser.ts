import * as vscode from 'vscode';
import type { Services } from '../../services';
import { resolveUsers } from '../pickers';

/** Forgets tracked users locally; nothing is sent to the server. */
export const untrackUser = (s: Services) => async (node?: unknown, selection?: unknown) => {
  const nodes = await resolveUsers(s, node, selection, { many: true, fits: (_p, e) => Boolean(e.tracked) });
  const tracked = nodes.filter((n) => n.entry.tracked);
  for (const n of tracked) {
    await s.projects.untrack(n.project.id, [n.entry.loginId]);
    s.users.invalidate(n.project.id);
  }
  void s.prompts.info(vscode.l10n.t('Removed {0} user(s) from the list. They still exist on the server.', tracked.length));
};
