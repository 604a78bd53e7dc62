import * as vscode from 'vscode';
import type { Services } from '../services';
import type { Project } from '../projects/project';
import { roleLabel } from '../projects/roleLabels';
import { hostOf } from '../projects/project';
import { isProjectNode, isUserNode, userNode, type TreeNode, type UserNode } from '../tree/nodes';
import type { UserEntry } from '../users/userEntry';
import { UserCancelled } from './errors';
import { settleStates } from './settleStates';

/** The project a command acts on: the row it was invoked on, else a quick pick (skipped when only one fits). */
export async function resolveProject(s: Services, node: unknown, fits: (p: Project) => boolean = () => true, why?: string): Promise<Project> {
  if (isProjectNode(node) || isUserNode(node) || (node as TreeNode | undefined)?.kind === 'message') {
    return (node as TreeNode).project;
  }
  const candidates = s.projects.list().filter(fits);
  if (candidates.length === 0) {
    throw new Error(why ?? vscode.l10n.t('No Medium One project yet. Add one, or start the Local Sandbox.'));
  }
  if (candidates.length === 1) return candidates[0];
  const picked = await s.prompts.pick(
    candidates.map((p) => ({ label: p.name, description: `${hostOf(p.baseUrl)} · ${roleLabel(p.role)}`, project: p })),
    { placeHolder: vscode.l10n.t('Choose a Medium One project'), matchOnDescription: true },
  );
  if (!picked) throw new UserCancelled();
  return picked.project;
}

/**
 * The users a command acts on. From the tree: the clicked row, or the whole selection when the clicked
 * row is part of it. From the palette: a project pick, then a user pick (several when `many`).
 */
export async function resolveUsers(
  s: Services,
  node: unknown,
  selection: unknown,
  options: { many: boolean; fits: (p: Project, e: UserEntry) => boolean; projectFits?: (p: Project) => boolean },
): Promise<UserNode[]> {
  if (isUserNode(node)) {
    const selected = Array.isArray(selection) ? selection.filter(isUserNode) : [];
    return options.many && selected.some((n) => n.id === node.id) ? selected : [node];
  }
  const project = await resolveProject(s, node, options.projectFits);
  const load = await s.users.ensureLoaded(project);
  if (load.status === 'error') throw load.error;
  if (load.status === 'loaded') await settleUnjudged(s, project, load.users, options.fits);
  const now = s.users.get(project.id);
  const entries = now?.status === 'loaded' ? now.users.filter((e) => options.fits(project, e)) : [];
  if (entries.length === 0) throw new Error(vscode.l10n.t('No user in "{0}" can take this action.', project.name));
  const items = entries.map((e) => ({ label: e.loginId, description: e.mqttId, detail: e.state, entry: e }));
  const placeHolder = vscode.l10n.t('Choose users in "{0}"', project.name);
  const picked = options.many
    ? await s.prompts.pickMany(items, { placeHolder, matchOnDescription: true })
    : await s.prompts.pick(items, { placeHolder, matchOnDescription: true }).then((p) => (p ? [p] : undefined));
  if (!picked || picked.length === 0) throw new UserCancelled();
  return picked.map((p) => userNode(project, p.entry));
}

/**
 * A user whose state is not read yet (a login_id-only list) may fit the action once it is: offering only the users
 * that fit now would leave it out, or say "no user can take this action" when that is not known. Wait for the states
 * of those users (progress, cancellable); users that fit already, or never will by what is known, need no wait.
 */
async function settleUnjudged(s: Services, project: Project, users: readonly UserEntry[], fits: (p: Project, e: UserEntry) => boolean): Promise<void> {
  const unjudged = users.filter((e) => e.state === 'unknown' && !fits(project, e));
  if (unjudged.length > 0) await settleStates(s, project, unjudged);
}
