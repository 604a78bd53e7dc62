import * as vscode from 'vscode';
import { roleLabel } from '../projects/roleLabels';
import type { ProjectLoad } from '../users/projectUsers';
import type { ReadProgress } from '../users/stateReader';
import { sourceReasonText, userReasonText } from './reasonText';
import type { MessageNode, ProjectNode, UserNode } from './nodes';
import type { UserState } from '../users/userEntry';
import { scopeLabel } from '../projects/settingsScopes';
import { projectContextValue, userContextValue } from './contextValues';
import { describeError } from '../util/errorText';

const USER_ICONS: Record<UserState, vscode.ThemeIcon> = {
  enabled: new vscode.ThemeIcon('account', new vscode.ThemeColor('charts.green')),
  disabled: new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground')),
  pending: new vscode.ThemeIcon('clock', new vscode.ThemeColor('charts.yellow')),
  notFound: new vscode.ThemeIcon('question', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  // Not the enabled look: an outline, no colour, and words in the description.
  unknown: new vscode.ThemeIcon('circle-outline', new vscode.ThemeColor('descriptionForeground')),
};
const READING_ICON = new vscode.ThemeIcon('loading~spin');

export const STATE_LABELS: Record<UserState, string> = {
  enabled: vscode.l10n.t('enabled'),
  disabled: vscode.l10n.t('disabled'),
  pending: vscode.l10n.t('pending creation'),
  notFound: vscode.l10n.t('not found on server'),
  error: vscode.l10n.t('error'),
  unknown: vscode.l10n.t('state unknown'),
};

/** The words of a row whose state is queued or being read (one that will not be read says 'state unknown'). */
const NOT_READ_YET = vscode.l10n.t('state not read yet');

/** `1,200`: the progress figures, grouped the way the UI language groups them. */
export const count = (n: number) => n.toLocaleString(vscode.env.language);

/** "reading states 1,200 / 10,000" */
export const readingText = (p: ReadProgress) => vscode.l10n.t('reading states {0} / {1}', count(p.done), count(p.total));

/**
 * The project row. Its description is short (the role, or "not running") so the name stays readable at the
 * default sidebar width; everything else is in the tooltip, built on hover (`projectTooltip`).
 */
export function projectTreeItem(node: ProjectNode, load: ProjectLoad | undefined, running: boolean | undefined, only: boolean, reading: boolean): vscode.TreeItem {
  const { project } = node;
  // A lone project opens expanded: its users are what the view is for.
  const item = new vscode.TreeItem(project.name, only ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.contextValue = projectContextValue(project, running);
  const stopped = project.sandbox && !running;
  const role = stopped ? vscode.l10n.t('not running') : roleLabel(project.role);
  // A project from settings says which settings file defines it (its tooltip says more).
  item.description = project.origin ? `${role} · ${scopeLabel(project.origin)}` : role;
  item.iconPath = stopped
    ? new vscode.ThemeIcon('debug-stop')
    : load?.status === 'error'
      ? new vscode.ThemeIcon('vm-outline', new vscode.ThemeColor('problemsErrorIcon.foreground'))
      : reading
        ? READING_ICON
        : load?.status === 'loaded'
          ? new vscode.ThemeIcon('vm-running', new vscode.ThemeColor('charts.green'))
          : new vscode.ThemeIcon('vm');
  return item;
}

/** The project's full detail: URL, role, login, state, where its users come from, progress of a state read. */
export function projectTooltip(node: ProjectNode, load: ProjectLoad | undefined, running: boolean | undefined, progress: ReadProgress | undefined): vscode.MarkdownString {
  const { project } = node;
  const md = new vscode.MarkdownString();
  const name = `**${escape(project.name)}**`;
  md.appendMarkdown(`${project.production ? vscode.l10n.t('{0} — production', name) : name}\n\n`);
  md.appendMarkdown(`- ${vscode.l10n.t('URL: {0}', code(project.baseUrl))}\n`);
  md.appendMarkdown(`- ${vscode.l10n.t('Role: {0}', roleLabel(project.role))}\n`);
  md.appendMarkdown(`- ${vscode.l10n.t('Login: {0}', code(project.loginId))}\n`);
  if (project.mqttId) md.appendMarkdown(`- ${vscode.l10n.t('Project MQTT id: {0}', code(project.mqttId))}\n`);
  if (project.origin) md.appendMarkdown(`- ${escape(vscode.l10n.t('Defined in {0} (mediumOne.projects); its password and API key are in Secret Storage on this machine only.', scopeLabel(project.origin)))}\n`);
  if (project.sandbox) md.appendMarkdown(`- ${running ? vscode.l10n.t('Local Sandbox: running') : vscode.l10n.t('Local Sandbox: not running')}\n`);
  if (load?.status === 'loaded') {
    md.appendMarkdown('\n');
    md.appendMarkdown(
      load.source === 'server'
        ? vscode.l10n.t('{0} users, listed by the server.', load.users.length)
        : `${vscode.l10n.t('{0} users, tracked by this extension (users it created or was told about).', load.users.length)} ${sourceReasonText(load.sourceReason)}`,
    );
    if (progress) md.appendMarkdown(`\n\n$(loading~spin) ${escape(readingText(progress))}`);
  } else if (load?.status === 'loading') {
    md.appendMarkdown(`\n${escape(vscode.l10n.t('Loading users…'))}`);
  } else if (load?.status === 'error') {
    md.appendMarkdown(`\n$(error) ${escape(describeError(load.error))}`);
  }
  md.supportThemeIcons = true;
  return md;
}

/**
 * A user row. `reading`: its state is queued or being read. A row whose state is not known never looks enabled:
 * its own icon, and words instead of the mqtt_id.
 */
export function userTreeItem(node: UserNode, reading: boolean): vscode.TreeItem {
  const { entry } = node;
  const item = new vscode.TreeItem(entry.loginId, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.contextValue = userContextValue(node.project, entry);
  const stateWords = stateText(entry.state, reading);
  item.description = entry.busy ?? (entry.state === 'enabled' || entry.state === 'disabled' ? entry.mqttId ?? '' : stateWords);
  item.iconPath = entry.busy ? READING_ICON : USER_ICONS[entry.state];
  item.accessibilityInformation = { label: vscode.l10n.t('{0}, {1}', entry.loginId, entry.busy ?? stateWords) };
  // The Markdown tooltip is built in resolveTreeItem, on hover: with 10,000 rows that matters.
  return item;
}

/** The state in words; an unknown state being read says so. */
const stateText = (state: UserState, reading: boolean) => (state === 'unknown' && reading ? NOT_READ_YET : STATE_LABELS[state]);

export function userTooltip(node: UserNode, reading: boolean): vscode.MarkdownString {
  const { entry } = node;
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`${vscode.l10n.t('{0} — {1}', `**${escape(entry.loginId)}**`, escape(stateText(entry.state, reading)))}\n\n`);
  if (entry.mqttId) md.appendMarkdown(`- ${vscode.l10n.t('MQTT id: {0}', code(entry.mqttId))}\n`);
  md.appendMarkdown(`- ${vscode.l10n.t('Project: {0}', escape(node.project.name))}\n`);
  const reason = userReasonText(entry.reason);
  if (reason) md.appendMarkdown(`- ${escape(reason)}\n`);
  if (entry.state === 'unknown' && reading) md.appendMarkdown(`- ${escape(vscode.l10n.t('Its state is being read from the server; Enable and Disable are offered once it is known.'))}\n`);
  if (entry.userData && Object.keys(entry.userData).length > 0) {
    md.appendMarkdown(`\n**${vscode.l10n.t('User data (user_data)')}**\n`);
    md.appendCodeblock(JSON.stringify(entry.userData, null, 2), 'json');
  }
  return md;
}

export function messageTreeItem(node: MessageNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.contextValue = `message;${node.icon}`;
  item.tooltip = node.tooltip;
  item.description = node.action?.title;
  item.iconPath = new vscode.ThemeIcon(
    node.icon === 'loading' ? 'loading~spin' : node.icon,
    node.icon === 'error' ? new vscode.ThemeColor('problemsErrorIcon.foreground') : undefined,
  );
  if (node.action) {
    item.command = { command: node.action.command, title: node.action.title, arguments: [{ kind: 'project', id: `project/${node.project.id}`, project: node.project }] };
  }
  return item;
}

const escape = (text: string) => text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
/** Inline code for a login_id or URL: a backtick in it is shown as ' (it would end the code span early). */
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;
