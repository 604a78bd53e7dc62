import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { Role } from '../../api/types';
import { KNOWN_HOSTS } from '../../projects/project';
import { roleLabel } from '../../projects/roleLabels';
import { parseBaseUrl } from '../../api/url';
import { describeError } from '../../util/errorText';
import { UserCancelled } from '../errors';

/** The single steps of the Add Project flow, each one re-askable when the sign-in test points at it. */
const STEPS = 8;
const titled = (step: number) => vscode.l10n.t('Add Medium One Project ({0}/{1})', step, STEPS);

function validateBaseUrl(raw: string): string | undefined {
  try {
    parseBaseUrl(raw);
    return undefined;
  } catch (e) {
    return describeError(e);
  }
}

const required = (what: string) => (v: string) => (v.trim() ? undefined : vscode.l10n.t('Enter {0}.', what));

async function ask(s: Services, step: number, options: vscode.InputBoxOptions): Promise<string> {
  const value = await s.prompts.input({ ignoreFocusOut: true, title: titled(step), ...options });
  if (value === undefined) throw new UserCancelled();
  return value;
}

export const askName = (s: Services, value = '') =>
  ask(s, 1, { prompt: vscode.l10n.t('A name for this project, as the tree shows it.'), value, validateInput: required(vscode.l10n.t('a name')) }).then((v) => v.trim());

export async function askBaseUrl(s: Services, current?: string): Promise<string> {
  const HOST_LABELS: Record<(typeof KNOWN_HOSTS)[number]['id'], string> = {
    production: vscode.l10n.t('Production'),
    sandbox: vscode.l10n.t('Sandbox'),
    renesasSandbox: vscode.l10n.t('Renesas NA sandbox'),
  };
  const custom = { label: vscode.l10n.t('Custom URL…'), url: '' };
  const picked = await s.prompts.pick(
    [...KNOWN_HOSTS.map((h) => ({ label: HOST_LABELS[h.id], description: h.url, url: h.url })), custom],
    { title: titled(2), placeHolder: vscode.l10n.t('Which Medium One server hosts the project?'), ignoreFocusOut: true },
  );
  if (!picked) throw new UserCancelled();
  if (picked.url) return picked.url;
  const url = await ask(s, 2, {
    prompt: vscode.l10n.t('Base URL, e.g. https://api.example.com (http only for localhost).'),
    value: current ?? 'https://',
    validateInput: (v) => validateBaseUrl(v.trim()),
  });
  return url.trim().replace(/\/+$/, '');
}

export async function askRole(s: Services): Promise<Role> {
  const roles: { role: Role; detail: string }[] = [
    { role: 'business', detail: vscode.l10n.t('Lists, creates, changes and deletes basic users.') },
    { role: 'registration', detail: vscode.l10n.t('Creates basic users only; the tree shows the ones created here.') },
    { role: 'basic', detail: vscode.l10n.t('A basic user managing itself: read and change its own password.') },
  ];
  const picked = await s.prompts.pick(roles.map((r) => ({ label: roleLabel(r.role), detail: r.detail, role: r.role })), {
    title: titled(3),
    placeHolder: vscode.l10n.t('Role of the API account the extension signs in as'),
    ignoreFocusOut: true,
  });
  if (!picked) throw new UserCancelled();
  return picked.role;
}

export const askLoginId = (s: Services, value = '') =>
  ask(s, 4, { prompt: vscode.l10n.t('login_id of that API account.'), value, validateInput: required(vscode.l10n.t('a login_id')) }).then((v) => v.trim());

/** `title`: another flow's title (signing in to a project from settings); the Add Project step otherwise. */
export const askPassword = (s: Services, title?: string) =>
  ask(s, 5, { prompt: vscode.l10n.t('Its password (kept in Secret Storage only).'), password: true, validateInput: required(vscode.l10n.t('the password')), ...(title ? { title } : {}) });

export const askApiKey = (s: Services, title?: string) =>
  ask(s, 6, { prompt: vscode.l10n.t('The project API key (kept in Secret Storage only).'), password: true, validateInput: required(vscode.l10n.t('the API key')), ...(title ? { title } : {}) }).then((v) => v.trim());

export const askMqttId = (s: Services, value = '') =>
  ask(s, 7, { prompt: vscode.l10n.t("Optional: the project's MQTT id. Leave empty to skip."), value }).then((v) => v.trim() || undefined);

export async function askProduction(s: Services, suggested: boolean): Promise<boolean> {
  const yes = { label: vscode.l10n.t('Production'), detail: vscode.l10n.t('Deleting or disabling users asks you to type the project name.'), production: true };
  const no = { label: vscode.l10n.t('Not production'), detail: vscode.l10n.t('Modal confirmations only.'), production: false };
  const picked = await s.prompts.pick(suggested ? [yes, no] : [no, yes], { title: titled(8), placeHolder: vscode.l10n.t('Is this a production project?'), ignoreFocusOut: true });
  if (!picked) throw new UserCancelled();
  return picked.production;
}
