import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { Project } from '../../projects/project';
import { KNOWN_HOSTS, hostOf } from '../../projects/project';
import { parseBaseUrl, type BaseUrl } from '../../api/url';
import { describeError } from '../../util/errorText';
import { isMediumOneError } from '../../api/errors';
import { saveWithKeyringFallback, storedSecretsIfReadable } from './keyringFallback';
import type { EditProjectHost, ProjectFormValues } from '../../webviews/host/editProjectPanel';
import { loadPanels } from '../panels';

type SaveError = { field?: keyof ProjectFormValues; message: string } | undefined;

/**
 * The edit form of a project added with Add Project. Secrets never reach the webview: it learns only whether each
 * is stored. Returns the form's host to the extension-host tests only.
 */
export async function editProjectFlow(s: Services, project: Project): Promise<EditProjectHost | undefined> {
  // An unreadable keyring (logged) leaves the form asking for new credentials rather than not opening at all.
  const stored = await storedSecretsIfReadable(s, project.id);
  const host: EditProjectHost = {
    initial: {
      name: project.name,
      baseUrl: project.baseUrl,
      role: project.role,
      loginId: project.loginId,
      mqttId: project.mqttId,
      production: project.production,
      hasPassword: Boolean(stored?.password),
      hasApiKey: Boolean(stored?.apiKey),
      knownHosts: KNOWN_HOSTS.map((h) => ({ label: h.url, url: h.url })),
    },
    save: (values, options) => save(s, project, values, options.skipConnectionTest),
    guard: { log: s.log.scoped('editProject'), redactor: s.redactor },
  };
  loadPanels(s).openEditProjectPanel(s.context.extensionUri, project.id, host);
  // Any extension can run this command and read what it returns: `save` would let it point the project, and so its
  // stored credentials, anywhere. Only the extension-host tests get the form's host.
  return s.context.extensionMode === vscode.ExtensionMode.Test ? host : undefined;
}

async function save(s: Services, before: Project, values: ProjectFormValues, skipTest: boolean): Promise<SaveError> {
  if (!values.name.trim()) return { field: 'name', message: vscode.l10n.t('Enter a name.') };
  if (!values.loginId.trim()) return { field: 'loginId', message: vscode.l10n.t('Enter a login_id.') };
  let parsed: BaseUrl;
  try {
    parsed = parseBaseUrl(values.baseUrl);
  } catch (e) {
    // parseBaseUrl never quotes user-info or a query; the redactor still sees the text before the page does.
    return { field: 'baseUrl', message: s.redactor.redact(describeError(e)) };
  }
  // Stored credentials go only to the server they were entered for: a new server needs them typed again.
  const baseUrl = parsed.origin + parsed.prefix;
  if (parsed.origin !== originOf(before.baseUrl) && !(values.password && values.apiKey?.trim())) {
    return {
      field: values.password ? 'apiKey' : 'password',
      message: vscode.l10n.t('The server changed to {0}: enter the password and the API key for it. Stored credentials are only ever sent to the server they were entered for.', hostOf(baseUrl)),
    };
  }
  const stored = values.password && values.apiKey ? undefined : await storedSecretsIfReadable(s, before.id);
  const password = values.password || stored?.password;
  const apiKey = values.apiKey?.trim() || stored?.apiKey;
  if (!password) return { field: 'password', message: vscode.l10n.t('Enter the password.') };
  if (!apiKey) return { field: 'apiKey', message: vscode.l10n.t('Enter the API key.') };
  s.redactor.register(password, apiKey);
  const project: Project = { ...before, name: values.name.trim(), baseUrl, role: values.role, loginId: values.loginId.trim(), mqttId: values.mqttId?.trim() || undefined, production: values.production };
  if (!skipTest) {
    try {
      await s.clients.probe(project, { password, apiKey });
    } catch (e) {
      const message = s.redactor.redact(describeError(e));
      if (isMediumOneError(e, ['invalidUrl', 'network', 'timeout'])) return { field: 'baseUrl', message };
      return { message };
    }
  }
  const place = await saveWithKeyringFallback(s, project, { password, apiKey });
  if (!place) return { message: vscode.l10n.t('Not saved: VS Code could not reach the OS keyring. Set one up, or choose to keep the credentials in memory for this window.') };
  s.clients.forget(project.id);
  s.users.invalidate(project.id);
  void s.prompts.info(place === 'memory'
    ? vscode.l10n.t('Project "{0}" saved. Its credentials are kept in memory for this window only.', project.name)
    : vscode.l10n.t('Project "{0}" saved.', project.name));
  return undefined;
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
