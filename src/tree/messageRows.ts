import * as vscode from 'vscode';
import { Cmd, type CommandId } from '../contributes';
import { isMediumOneError } from '../api/errors';
import type { Project } from '../projects/project';
import { capabilitiesOf } from '../projects/capabilities';
import { roleLabel } from '../projects/roleLabels';
import type { SourceReason } from '../users/userLists';
import { describeError } from '../util/errorText';
import { messageNodeId, type MessageNode } from './nodes';
import { sourceReasonText } from './reasonText';
import { count as formatCount } from './treeItems';

/** The rows under a project that are not users: an empty or error state, with an action (Retry, Start, …). */
function message(project: Project, name: string, label: string, icon: MessageNode['icon'], action?: { command: CommandId; title: string }, tooltip?: string): MessageNode {
  return { kind: 'message', id: messageNodeId(project.id, name), project, label, icon, tooltip: tooltip ?? label, action };
}

export const sandboxStoppedRow = (project: Project): MessageNode =>
  message(project, 'stopped', vscode.l10n.t('The Local Sandbox is not running.'), 'info', { command: Cmd.startSandbox, title: vscode.l10n.t('Start') });

/** A project from settings has no secrets until the user signs in: no error, an offer. */
export const signInRow = (project: Project): MessageNode =>
  message(project, 'signIn', vscode.l10n.t('Sign in to list users'), 'info', { command: Cmd.testConnection, title: vscode.l10n.t('Sign In') },
    vscode.l10n.t('Its password and API key are asked for once and kept in Secret Storage.'));

export const trackedRow = (project: Project, reason: SourceReason | undefined): MessageNode =>
  message(project, 'tracked', vscode.l10n.t('Showing users tracked by this extension. {0}', sourceReasonText(reason)).trim(), 'info');

export const emptyRow = (project: Project): MessageNode =>
  capabilitiesOf(project.role).create
    ? message(project, 'empty', vscode.l10n.t('No basic users yet.'), 'info', { command: Cmd.createUser, title: vscode.l10n.t('Create User') })
    : message(project, 'empty', vscode.l10n.t('No basic users to show.'), 'info');

export const noMatchRow = (project: Project): MessageNode =>
  message(project, 'filtered', vscode.l10n.t('No users match the filter.'), 'info', { command: Cmd.clearFilter, title: vscode.l10n.t('Clear Filter') });

/** "Load More… (9,500 more users)" after a project's page of users; it shows the next `next` of them. */
export const loadMoreRow = (project: Project, more: number, next: number): MessageNode =>
  message(project, 'more', vscode.l10n.t('Load More… ({0} more users)', formatCount(more)), 'more', { command: Cmd.loadMoreUsers, title: vscode.l10n.t('next {0}', formatCount(next)) }, vscode.l10n.t('Shows the next {0} users of this project.', formatCount(next)));

/** "3 users not shown: state not read yet": a state filter never hides users silently. */
export function unjudgedRow(project: Project, count: number, reading: boolean): MessageNode {
  const label = reading
    ? vscode.l10n.t('{0} users not shown: state not read yet', count)
    : vscode.l10n.t('{0} users not shown: their state is unknown to this extension', count);
  const tooltip = reading
    ? vscode.l10n.t('The filter asks for a state these users have not been read for yet. They appear, or stay hidden, as their states are read.')
    : capabilitiesOf(project.role).read === 'any'
      ? vscode.l10n.t('Their state could not be read. Refresh the project to read it again, or clear the filter.')
      : vscode.l10n.t('The {0} role cannot read users, so the filter cannot judge their state. Clear the filter to see them.', roleLabel(project.role));
  return message(project, 'unjudged', label, reading ? 'loading' : 'info', { command: Cmd.clearFilter, title: vscode.l10n.t('Clear Filter') }, tooltip);
}

export function errorRow(project: Project, error: unknown): MessageNode {
  const text = describeError(error);
  if (isMediumOneError(error, 'loginFailed')) {
    return message(project, 'error', vscode.l10n.t('Sign-in failed: {0}', text), 'error', { command: Cmd.editProject, title: vscode.l10n.t('Edit Project') }, text);
  }
  return message(project, 'error', text, 'error', { command: Cmd.refresh, title: vscode.l10n.t('Retry') }, text);
}
