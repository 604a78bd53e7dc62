import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { Project } from '../../projects/project';
import { capabilitiesOf } from '../../projects/capabilities';
import { isMediumOneError } from '../../api/errors';
import { entryFromUser, type UserEntry } from '../../users/userEntry';
import { describeError } from '../../util/errorText';
import type { CreatedUser, CreateUserHost, FieldError } from '../../webviews/host/createUserPanel';
import { loadProvisioning } from '../provisioning';
import { loadPanels } from '../panels';
import { resolveProject } from '../pickers';
import { revealUser } from '../reveal';
import { explainRefusal } from './runUserOperation';
import { watchPendingUser } from './watchPendingUser';
import { recordOne } from '../activity/recordOutcome';

/** Opens the create form for a project; each submit calls the server and answers the form with the outcome. */
export const createUser = (s: Services) => async (node?: unknown) => {
  const project = await resolveProject(s, node, (p) => capabilitiesOf(p.role).create,
    vscode.l10n.t('No project here may create users: that needs a Business or Registration account.'));
  const host: CreateUserHost = {
    projectName: project.name,
    submit: (input) => submitCreate(s, project, input.loginId, input.password),
    created: (loginId) => createdUser(s, project, loginId),
    watch: (loginId, onChange) => s.users.onDidChange((c) => {
      if (!c || (c.projectId === project.id && (c.loginId ?? loginId) === loginId)) onChange();
    }),
    saveCredentials: async (user) => {
      // The form stays open whatever happens here; a failure is said the way every command's is.
      await loadProvisioning(s).offerCredentialsFile(s, s.projects.get(project.id) ?? project, [user]).catch((e: unknown) =>
        s.prompts.error(s.redactor.redact(describeError(e))));
    },
    guard: { log: s.log.scoped('createUser'), redactor: s.redactor },
  };
  loadPanels(s).openCreateUserPanel(s.context.extensionUri, host);
  // Returned so extension-host tests can drive the form's server side; the form itself is proven end to end.
  return host;
};

async function submitCreate(s: Services, project: Project, loginId: string, password: string): Promise<FieldError | undefined> {
  s.redactor.register(password);
  const client = await s.clients.for(project);
  let result;
  try {
    result = await client.createUser({ loginId, password });
  } catch (error) {
    const refused = toFieldError(s, project, error);
    recordOne(s, 'create', project, loginId, { reason: refused.message, error });
    return refused;
  }
  recordOne(s, 'create', project, loginId);
  // Users created here are tracked where the project cannot list, so the tree still shows them.
  await s.users.ensureLoaded(project);
  const tracked = isTrackedSource(s, project);
  if (tracked) await s.projects.track(project.id, [loginId]);
  if (result.status === 'pending') {
    s.users.markPending(project.id, loginId);
    if (tracked) s.users.patchUser(project.id, loginId, { tracked: true });
    void revealUser(s, project.id, loginId);
    void s.prompts.info(vscode.l10n.t('"{0}" was accepted and will appear shortly.', loginId));
    watchPendingUser(s, project, loginId, client);
    return undefined;
  }
  // Read it back (mqtt_id) before showing the row, so the tree refreshes once.
  let entry: Partial<UserEntry> = { state: 'enabled' };
  if (capabilitiesOf(project.role).read === 'any') {
    try {
      entry = entryFromUser(await client.getUser(loginId));
    } catch (e) {
      s.log.warn(`Created ${loginId}, but reading it back failed: ${describeError(e)}`);
    }
  }
  s.users.patchUser(project.id, loginId, { ...entry, tracked: tracked || undefined });
  await revealUser(s, project.id, loginId);
  void s.prompts.info(vscode.l10n.t('User "{0}" created in {1}.', loginId, project.name));
  return undefined;
}

/** The created state's facts, from the row as the tree holds it now (a 202 creation may have landed since). */
function createdUser(s: Services, project: Project, loginId: string): CreatedUser {
  const load = s.users.get(project.id);
  const entry = load?.status === 'loaded' ? load.users.find((u) => u.loginId === loginId) : undefined;
  if (entry?.state === 'pending') {
    return {
      loginId,
      summary: vscode.l10n.t('The server accepted "{0}" and will create it shortly; it appears in the tree when it exists.', loginId),
      mqttIdMissing: vscode.l10n.t('not assigned yet: the creation is still pending'),
    };
  }
  const summary = vscode.l10n.t('User "{0}" created in {1}.', loginId, project.name);
  if (entry?.mqttId) return { loginId, summary, mqttId: entry.mqttId };
  return {
    loginId,
    summary,
    mqttIdMissing: capabilitiesOf(project.role).read === 'any'
      ? vscode.l10n.t('not known yet: Show Details reads it from the server')
      : vscode.l10n.t('not known: this project\'s role cannot read users'),
  };
}

const isTrackedSource = (s: Services, project: Project) => {
  const load = s.users.get(project.id);
  return load?.status === 'loaded' && load.source === 'tracked';
};

/** The server's refusal, placed next to the field it concerns (its wording is the only guide). */
function toFieldError(s: Services, project: Project, error: unknown): FieldError {
  const message = s.redactor.redact(explainRefusal(project, 'create', error));
  if (isMediumOneError(error, ['badRequest', 'forbidden'])) {
    const said = (error.serverMessage ?? '').toLowerCase();
    if (said.includes('password') || said.includes('complex')) return { field: 'password', message };
    if (said.includes('exist') || said.includes('login')) return { field: 'loginId', message };
  }
  if (isMediumOneError(error, ['unaddressableLoginId', 'invalidLoginId'])) return { field: 'loginId', message };
  return { message };
}
