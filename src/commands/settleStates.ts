import * as vscode from 'vscode';
import type { Services } from '../services';
import type { Project } from '../projects/project';
import { capabilitiesOf } from '../projects/capabilities';
import type { UserEntry } from '../users/userEntry';
import { UserCancelled } from './errors';
import { withCancellableProgress } from '../ui/progress';

/**
 * A server that lists login_ids only gives no state or mqtt_id: the tree reads them in the background. A command
 * that needs them (Export writes them, a palette pick offers the users an action fits) waits for the rows it uses
 * (those not read yet, and those being read again), under a cancellable progress, and then takes the rows as the
 * tree holds them: what it uses and what the tree shows agree. A row whose read failed comes back as it is shown
 * (state "error"). Cancelling cancels the command.
 */
export async function settleStates(s: Services, project: Project, listed: readonly UserEntry[]): Promise<UserEntry[]> {
  const ids = listed.map((u) => u.loginId);
  const waiting = listed.filter((u) => u.state === 'unknown' || s.users.isReading(project.id, u.loginId));
  if (waiting.length > 0 && capabilitiesOf(project.role).read === 'any') {
    const title = vscode.l10n.t('Reading the states of {0} users of {1}…', waiting.length, project.name);
    await withCancellableProgress(title, async (progress, signal) => {
      let reported = 0;
      await s.users.settleStates(project, ids, signal, (done, total) => {
        progress.report({ message: `${done} / ${total}`, increment: ((done - reported) / total) * 100 });
        reported = done;
      });
      if (signal.aborted) throw new UserCancelled();
    });
  }
  const load = s.users.get(project.id);
  const now = new Map(load?.status === 'loaded' ? load.users.map((u) => [u.loginId, u]) : []);
  return listed.map((u) => now.get(u.loginId) ?? u);
}
