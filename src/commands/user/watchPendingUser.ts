import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { Project } from '../../projects/project';
import type { MediumOneClient } from '../../api/client';
import { capabilitiesOf } from '../../projects/capabilities';
import { describeError } from '../../util/errorText';

/**
 * A 202 creation: poll (bounded) until the user exists, then show it as a normal row. Roles that may
 * not read users cannot poll, so the row stays pending until the next refresh shows it. `quiet` (an import's many
 * rows) drops the "now exists" notification; a user that never appears is still reported.
 */
export function watchPendingUser(s: Services, project: Project, loginId: string, client: MediumOneClient, options: { quiet?: boolean } = {}): void {
  if (capabilitiesOf(project.role).read !== 'any') return;
  const removed = () => s.projects.get(project.id) === undefined;
  s.users
    .watchPending(project.id, loginId, (id) => client.waitUntilExists(id, { intervalMs: 1000, maxAttempts: 60 }))
    .then(() => {
      if (removed()) return;
      if (!options.quiet) void s.prompts.info(vscode.l10n.t('"{0}" now exists in {1}.', loginId, project.name));
    })
    .catch((e: unknown) => {
      // A project removed while its user was pending: the user is no longer ours to report (and its client, whose
      // credentials were deleted, fails for that reason alone).
      if (removed()) return;
      const reason = s.redactor.redact(describeError(e));
      s.users.patchUser(project.id, loginId, { state: 'error', reason });
      void s.prompts.warn(vscode.l10n.t('"{0}" did not appear in {1}: {2}', loginId, project.name, reason));
    });
}
