import * as vscode from 'vscode';
import { queryEvents } from '../../api/events';
import type { Services } from '../../services';
import type { Project } from '../../projects/project';
import { capabilitiesOf, mayUseEvents } from '../../projects/capabilities';
import { roleLabel } from '../../projects/roleLabels';
import type { UserNode } from '../../tree/nodes';
import { readSettings } from '../../settings';
import { checkStream } from '../../settingChecks';
import { describeError } from '../../util/errorText';
import type { EventsRead } from './userDetailsView';

/**
 * In the panels' bundle (dist/panels.js, loaded on demand), with the events API it calls, so that neither weighs on
 * the extension's start-up bundle. The details page's command reaches it through loadPanels().
 *
 * One read of a user's last events for the details page (GET /v2/events/<stream>/<login_id>, newest first, as many
 * as `mediumOne.events.recentLimit`). Only ever for one user, on request: the tree never reads events.
 * A role that may not read them is told so without a call; a failure is answered as text for the section.
 */
export async function readRecentEvents(s: Services, node: UserNode): Promise<EventsRead> {
  const { project, entry } = node;
  const { eventsStream: stream, recentEventsLimit: limit } = readSettings();
  const refusal = whyNoEvents(project, entry.loginId, entry.state);
  if (refusal) return { stream, error: refusal };
  try {
    checkStream(stream);
    const client = await s.clients.for(project);
    // A Basic account reads its own events by leaving the login_id out, as the events API documents.
    const forUser = capabilitiesOf(project.role).events === 'self' ? undefined : entry.loginId;
    const events = await queryEvents(client, stream, forUser, { limit, sortDirection: 'desc' });
    return { stream, events };
  } catch (e) {
    return { stream, error: s.redactor.redact(describeError(e)) };
  }
}

function whyNoEvents(project: Project, loginId: string, state: UserNode['entry']['state']): string | undefined {
  const role = roleLabel(project.role);
  if (capabilitiesOf(project.role).events === 'none') {
    return vscode.l10n.t('The {0} role cannot read events: the server refuses it. A project added with a Business account can show this user\'s events.', role);
  }
  if (!mayUseEvents(project, loginId)) {
    return vscode.l10n.t('A {0} account can read only its own events, not those of "{1}".', role, loginId);
  }
  if (state === 'pending') return vscode.l10n.t('"{0}" is not on the server yet, so it has no events.', loginId);
  if (state === 'notFound') return vscode.l10n.t('"{0}" was not found on the server, so it has no events.', loginId);
  return undefined;
}
