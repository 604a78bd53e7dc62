import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { UserNode } from '../../tree/nodes';
import type { MediumOneClient } from '../../api/client';
import { sendEvents, type SendEventsResult } from '../../api/events';
import { Cmd } from '../../contributes';
import { capabilitiesOf } from '../../projects/capabilities';
import { readSettings } from '../../settings';
import { withCancellableProgress } from '../../ui/progress';
import { isMediumOneError, mayHaveBeenApplied } from '../../api/errors';
import { askTestEvent, type TestEventPlan } from './testEventPrompts';
import { checkStream } from '../../settingChecks';

/** How a run ended: how many events the server took, its last answer, and the error that stopped it, if any. */
interface RunResult {
  sent: number;
  /** Events the server said it created, when every answer said. */
  created?: number;
  last?: SendEventsResult;
  failure?: unknown;
  cancelled: boolean;
}

/**
 * Send Test Event on the user's behalf: the event (editable), once or N times every S seconds with a cancellable
 * progress, then the server's answer. A refusal for a disabled user is explained in the roles document's words.
 */
export async function sendTestEventFlow(s: Services, user: UserNode): Promise<RunResult> {
  const { project, entry } = user;
  const stream = checkStream(readSettings().eventsStream);
  const plan = await askTestEvent(s, entry.loginId, stream);
  const client = await s.clients.for(project);
  const result = await run(user, client, stream, plan);
  const who = entry.loginId;
  s.log.info(`Send Test Event for ${who} of ${project.name} to ${stream}: ${result.sent} of ${plan.count} sent${result.cancelled ? ', cancelled' : ''}`);
  if (result.failure !== undefined) {
    await explainFailure(s, user, client, plan, result);
    return result;
  }
  const showRecent = vscode.l10n.t('Show Recent Events');
  const text = result.cancelled
    ? vscode.l10n.t('Sent {0} of {1} events to stream "{2}" for "{3}" before you cancelled.', result.sent, plan.count, stream, who)
    : answerText(stream, who, plan.count, result);
  void s.prompts.info(text, showRecent).then((choice) => (choice === showRecent ? vscode.commands.executeCommand(Cmd.showRecentEvents, user) : undefined));
  return result;
}

/** The events one at a time. Cancel acts between events: one sent is seen through, so the count stays true. */
async function run(user: UserNode, client: MediumOneClient, stream: string, plan: TestEventPlan): Promise<RunResult> {
  // A Basic account posts for itself by leaving the login_id out (SPEC section 7); a Business account names the user.
  const loginId = user.project.role === 'basic' ? undefined : user.entry.loginId;
  const result: RunResult = { sent: 0, created: 0, cancelled: false };
  const title = vscode.l10n.t('Sending test events for "{0}"…', user.entry.loginId);
  await withCancellableProgress(title, async (progress, signal) => {
    for (let i = 0; i < plan.count; i++) {
      if (i > 0 && !(await pause(plan.intervalSeconds * 1000, signal))) break;
      if (signal.aborted) break;
      const keep = plan.ownObservedAt || plan.event.observed_at === undefined;
      const event = keep ? plan.event : { ...plan.event, observed_at: new Date().toISOString() };
      try {
        result.last = await sendEvents(client, stream, loginId, [event]);
      } catch (e) {
        result.failure = e;
        return;
      }
      result.sent++;
      result.created = result.created !== undefined && result.last.created !== undefined ? result.created + result.last.created : undefined;
      progress.report({ increment: 100 / plan.count, message: vscode.l10n.t('{0} of {1}', result.sent, plan.count) });
    }
  });
  result.cancelled = result.failure === undefined && result.sent < plan.count;
  return result;
}

/** Waits `ms`, or less when cancelled; true when the wait ran its course. */
function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  if (ms <= 0) return Promise.resolve(!signal.aborted);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(ok);
    };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal.addEventListener('abort', onAbort);
  });
}

function answerText(stream: string, who: string, count: number, r: RunResult): string {
  const status = r.last?.status ?? 0;
  if (count === 1) {
    return r.created === undefined
      ? vscode.l10n.t('Sent 1 event to stream "{0}" for "{1}": the server answered {2}.', stream, who, status)
      : vscode.l10n.t('Sent 1 event to stream "{0}" for "{1}": the server answered {2}, {3} event created.', stream, who, status, r.created);
  }
  return r.created === undefined
    ? vscode.l10n.t('Sent {0} events to stream "{1}" for "{2}": the server answered {3} to the last.', count, stream, who, status)
    : vscode.l10n.t('Sent {0} events to stream "{1}" for "{2}": the server answered {3} to the last, {4} events created in all.', count, stream, who, status, r.created);
}

/**
 * A refusal: when the user turns out to be disabled, the roles document's words and Enable User; when it is gone,
 * that; otherwise the error's own text and Show Log. A lost answer may still have been recorded, and says so.
 */
async function explainFailure(s: Services, user: UserNode, client: MediumOneClient, plan: TestEventPlan, r: RunResult): Promise<void> {
  const who = user.entry.loginId;
  const before = plan.count > 1 ? vscode.l10n.t('Sent {0} of {1} events, then stopped.', r.sent, plan.count) + ' ' : '';
  const found = isRefusal(r.failure) ? await readAfterRefusal(s, user, client) : undefined;
  if (found === 'notFound') {
    // A server that answers 403 for an unknown user (SPEC section 2) would otherwise read as "not permitted".
    s.log.warn(`Send Test Event for ${who}: refused, the user is not on the server`);
    void s.prompts.error(before + vscode.l10n.t('"{0}" is not on the server any more (it may have been deleted), so no event can be sent for it.', who));
    return;
  }
  if (found === 'disabled') {
    const enable = vscode.l10n.t('Enable User');
    const mayEnable = capabilitiesOf(user.project.role).update !== 'none';
    const text = before + vscode.l10n.t('“{0}” is disabled. A disabled API Basic User cannot send any event data, nor can any data be sent on its behalf. Enable it, then send again.', who);
    s.log.warn(`Send Test Event for ${who}: refused, the user is disabled`);
    void (mayEnable ? s.prompts.error(text, enable) : s.prompts.error(text))
      .then((choice) => (choice === enable ? vscode.commands.executeCommand(Cmd.enableUser, user) : undefined));
    return;
  }
  const reason = s.redactor.redact(r.failure instanceof Error ? r.failure.message : String(r.failure));
  const maybe = mayHaveBeenApplied(r.failure) ? ' ' + vscode.l10n.t('The answer was lost: that event may have been recorded all the same; Show Recent Events tells.') : '';
  s.log.error(`Send Test Event for ${who} failed after ${r.sent} sent: ${reason}`);
  const showLog = vscode.l10n.t('Show Log');
  // After a lost answer the user's recent events are the only way to learn whether it was stored.
  const showRecent = vscode.l10n.t('Show Recent Events');
  const actions = maybe ? [showRecent, showLog] : [showLog];
  void s.prompts.error(before + reason + maybe, ...actions).then((choice) => {
    if (choice === showLog) s.channel.show(true);
    else if (choice === showRecent) void vscode.commands.executeCommand(Cmd.showRecentEvents, user);
  });
}

/**
 * The server answered and said no (4xx other than 429): worth reading the user to explain why. The error comes from
 * the main bundle's client; MediumOneError's brand makes the test hold across bundles.
 */
function isRefusal(e: unknown): boolean {
  const status = isMediumOneError(e) ? e.status : undefined;
  return status !== undefined && status >= 400 && status < 500 && status !== 429;
}

/** What a read of the user tells after a refusal (the row then shows it): disabled, gone, or nothing more. */
async function readAfterRefusal(s: Services, user: UserNode, client: MediumOneClient): Promise<'disabled' | 'notFound' | undefined> {
  const { project, entry } = user;
  try {
    const read = await client.getUser(entry.loginId);
    if (!read.disabled) return undefined;
    s.users.patchUser(project.id, entry.loginId, { state: 'disabled' });
    return 'disabled';
  } catch (e) {
    // Any other failure of the read cannot tell why the event was refused.
    if (!isMediumOneError(e, 'notFound')) return undefined;
    s.users.patchUser(project.id, entry.loginId, { state: 'notFound', reason: { code: 'notFoundOnServer' } });
    return 'notFound';
  }
}
