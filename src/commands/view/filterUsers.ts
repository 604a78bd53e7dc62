import { ContextKey } from '../../contributes';
import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { UserState } from '../../users/userEntry';
import { STATE_LABELS } from '../../tree/treeItems';
import { UserCancelled } from '../errors';

const STATES: UserState[] = ['enabled', 'disabled', 'pending', 'notFound', 'error', 'unknown'];

/** Filter by login_id text, then optionally by state; the view's message shows the active filter, its counts and how to clear it. */
export const filterUsers = (s: Services) => async () => {
  const current = s.tree.getFilter();
  const text = await s.prompts.input({
    title: vscode.l10n.t('Filter users (1/2)'),
    prompt: vscode.l10n.t('Show users whose login_id contains this text. Leave empty for any.'),
    value: current.text ?? '',
  });
  if (text === undefined) throw new UserCancelled();
  const picked = await s.prompts.pickMany(
    STATES.map((st) => ({ label: STATE_LABELS[st], state: st, picked: current.states?.includes(st) ?? false })),
    { title: vscode.l10n.t('Filter users (2/2)'), placeHolder: vscode.l10n.t('Only these states (none picked = any state)') },
  );
  if (picked === undefined) throw new UserCancelled();
  s.tree.setFilter({ text: text.trim() || undefined, states: picked.length ? picked.map((p) => p.state) : undefined });
  await vscode.commands.executeCommand('setContext', ContextKey.filtered, Boolean(text.trim()) || picked.length > 0);
};
