import { MediumOneError } from './errors';
import { shownLoginId } from './messages';
import { l10n } from '../util/l10n';

/**
 * `failure` restated for a change whose answer was lost: it may have been applied. `check` is the read that was
 * to settle it and failed; without one, nothing could tell (a password cannot be read back, or the user cancelled).
 */
export function uncertainFailure(failure: MediumOneError, loginId: string | undefined, check?: MediumOneError): MediumOneError {
  if (failure.mayHaveBeenApplied) return failure;
  const who = loginId === undefined ? l10n.t('the user') : shownLoginId(loginId);
  const why = check
    ? l10n.t(
        'The answer was lost and checking failed (reading {0}: {1}), so this change may have been applied.',
        who,
        check.message.replace(/[.。]$/, ''),
      )
    : l10n.t('The answer was lost, so this change may have been applied.');
  return new MediumOneError({
    kind: failure.kind,
    method: failure.method,
    path: failure.path,
    status: failure.status,
    serverMessage: failure.serverMessage,
    code: failure.code,
    cause: failure,
    message: `${failure.message} ${why} ${l10n.t('Refresh to see.')}`,
    mayHaveBeenApplied: true,
  });
}
