import { mayHaveBeenApplied } from '../api/errors';
import { runPool, type Concurrency } from '../util/concurrency';
import { l10n } from '../util/l10n';

/**
 * Runs one operation over many users with bounded concurrency and cancellation, and reports each
 * item's fate: nothing is ever silently dropped. Cancelling stops *starting* items; calls already sent
 * finish, because aborting one mid-flight could leave the server changed while the report says "not
 * run". The extension passes the server's `AdaptiveConcurrency` (see `concurrencyFor`); tests may pass a number.
 * Knows nothing of VS Code so the benchmark, the fault campaign and unit tests drive it directly.
 */
export interface BulkFailure {
  loginId: string;
  /** Says "may have been applied" when `mayHaveBeenApplied` is true. */
  reason: string;
  /** The answer was lost after the call may have reached the server: its change may hold even so. */
  mayHaveBeenApplied: boolean;
}

export interface BulkOutcome {
  succeeded: string[];
  failed: BulkFailure[];
  /** Not started because the run was cancelled. */
  notRun: string[];
  /** Of `succeeded`: found already done by `alreadyDone` (an earlier lost answer had applied it), so not resent. */
  alreadyDone: string[];
}

export interface BulkOptions {
  /** Calls in flight at most: a fixed number, or the server's adaptive controller. */
  concurrency: Concurrency;
  signal?: AbortSignal;
  /** Called after each item, e.g. to move a progress bar. */
  onItemDone?: (loginId: string, ok: boolean, done: number, total: number) => void;
  describeError?: (error: unknown) => string;
  /**
   * Retry Failed: asked before an item is sent again; true means the server already holds the change (an earlier
   * try's lost answer had applied it), so it counts as done and nothing is resent. False or undefined (the check
   * cannot tell, or fails) resends.
   */
  alreadyDone?: (loginId: string) => Promise<boolean | undefined>;
  /**
   * Retry Failed: the items whose earlier failure may have been applied. Unless the check proved the change not
   * applied, a new failure of theirs may have been applied too (by the earlier try), whatever this try met.
   */
  appliedBefore?: ReadonlySet<string>;
}

const APPLIED_PHRASE = /may (still )?have been applied/i;

/** A failure's text, which always says "may have been applied" when it may have been. */
export function failureReason(text: string, applied: boolean): string {
  if (!applied || APPLIED_PHRASE.test(text)) return text;
  const told = `${text.replace(/\s+$/, '')}${/[.!?…。！？]$/.test(text.trim()) ? '' : '.'}`;
  return `${told} ${l10n.t('It may have been applied: refresh to check.')}`;
}

export async function runBulk(
  loginIds: readonly string[],
  operation: (loginId: string) => Promise<void>,
  options: BulkOptions,
): Promise<BulkOutcome> {
  const outcome: BulkOutcome = { succeeded: [], failed: [], notRun: [], alreadyDone: [] };
  const describe = options.describeError ?? ((e: unknown) => (e instanceof Error ? e.message : String(e)));
  const check = options.alreadyDone;
  let done = 0;
  const started = await runPool(
    loginIds.length,
    options.concurrency,
    async (i) => {
      const loginId = loginIds[i];
      let ok = false;
      let found: boolean | undefined;
      try {
        found = check ? await check(loginId).catch(() => undefined) : undefined;
        if (found) outcome.alreadyDone.push(loginId);
        else await operation(loginId);
        outcome.succeeded.push(loginId);
        ok = true;
      } catch (error) {
        const applied = mayHaveBeenApplied(error) || (found === undefined && !!options.appliedBefore?.has(loginId));
        outcome.failed.push({ loginId, reason: failureReason(describe(error), applied), mayHaveBeenApplied: applied });
      }
      options.onItemDone?.(loginId, ok, ++done, loginIds.length);
    },
    options.signal,
  );
  outcome.notRun.push(...loginIds.slice(started));
  // Calls finish in any order: list the items in the order they were given, so a summary reads the same every time.
  const position = new Map(loginIds.map((id, i) => [id, i]));
  const byInput = (a: string, b: string) => (position.get(a) ?? 0) - (position.get(b) ?? 0);
  outcome.succeeded.sort(byInput);
  outcome.alreadyDone.sort(byInput);
  outcome.failed.sort((a, b) => byInput(a.loginId, b.loginId));
  return outcome;
}

/** `Disabled 9 of 10. 1 failed (joe: …).` — `verb` is the caller's (translated) past tense. */
export function summarize(verb: string, outcome: BulkOutcome): string {
  const total = outcome.succeeded.length + outcome.failed.length + outcome.notRun.length;
  const parts = [l10n.t('{0} {1} of {2}.', verb, outcome.succeeded.length, total)];
  if (outcome.alreadyDone.length) {
    parts.push(l10n.t('{0} of them had already been applied by an earlier try (checked, not sent again).', outcome.alreadyDone.length));
  }
  if (outcome.failed.length) {
    const first = outcome.failed.slice(0, 3).map((f) => `${f.loginId}: ${f.reason}`);
    parts.push(l10n.t('{0} failed ({1}).', outcome.failed.length, `${first.join('; ')}${outcome.failed.length > 3 ? '; …' : ''}`));
    const unsure = outcome.failed.filter((f) => f.mayHaveBeenApplied).length;
    // One failure's reason already says it.
    if (unsure && outcome.failed.length > 1) parts.push(l10n.t('{0} of the failed may have been applied: refresh to check.', unsure));
  }
  if (outcome.notRun.length) parts.push(l10n.t('{0} not run (cancelled).', outcome.notRun.length));
  // Each part is a whole sentence with its own full stop, so a translation can end it its own way (。).
  return parts.join(' ');
}
