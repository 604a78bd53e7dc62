import type { Settled } from './caller';
import { MediumOneError, isMediumOneError } from './errors';
import type { BasicUser, CallOptions, UserChanges } from './types';

/**
 * Settling a change whose answer was lost and whose call then failed: the user as the server holds it tells
 * whether the change was applied, before anything is reported.
 */
export type ReadUser = (loginId: string, options: CallOptions) => Promise<BasicUser>;

/** A PATCH: a password cannot be read back, so a change of password stays uncertain unless the state shows it was not sent. */
export async function settleUpdate(
  read: ReadUser,
  loginId: string,
  changes: UserChanges,
  sent: string[],
  signal: AbortSignal | undefined,
): Promise<Settled<string[]>> {
  const user = await readForCheck(read, loginId, signal);
  if (user === 'gone') return { applied: false };
  if (user instanceof MediumOneError) return { applied: 'unknown', check: user };
  if (changes.disabled !== undefined && user.disabled !== changes.disabled) return { applied: false };
  if (changes.password !== undefined) return { applied: 'unknown' };
  return { applied: true, value: sent };
}

/** A DELETE: gone means deleted. */
export async function settleDelete(read: ReadUser, loginId: string, signal: AbortSignal | undefined): Promise<Settled<true>> {
  const user = await readForCheck(read, loginId, signal);
  if (user === 'gone') return { applied: true, value: true };
  if (user instanceof MediumOneError) return { applied: 'unknown', check: user };
  return { applied: false };
}

/** GET for a check: the user, 'gone' (404), or the error that kept the check from telling. */
async function readForCheck(read: ReadUser, loginId: string, signal: AbortSignal | undefined): Promise<BasicUser | 'gone' | MediumOneError> {
  try {
    return await read(loginId, { signal });
  } catch (e) {
    if (isMediumOneError(e, 'notFound')) return 'gone';
    if (isMediumOneError(e) && e.kind !== 'cancelled') return e;
    throw e;
  }
}
