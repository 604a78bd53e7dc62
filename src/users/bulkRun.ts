/**
 * Runs one operation over many users with bounded concurrency and cancellation, and reports each
 * item's fate: nothing is ever silently dropped. Cancelling stops *starting* items; calls already sent
 * finish, because aborting one mid-flight could leave the server changed while the report says "not
 * run". Knows nothing of VS Code so the benchmark and unit tests drive it directly.
 */
export interface BulkOutcome {
  succeeded: string[];
  failed: { loginId: string; reason: string }[];
  /** Not started because the run was cancelled. */
  notRun: string[];
}

export interface BulkOptions {
  concurrency: number;
  signal?: AbortSignal;
  /** Called after each item, e.g. to move a progress bar. */
  onItemDone?: (loginId: string, ok: boolean, done: number, total: number) => void;
  describeError?: (error: unknown) => string;
}

export async function runBulk(
  loginIds: readonly string[],
  operation: (loginId: string) => Promise<void>,
  options: BulkOptions,
): Promise<BulkOutcome> {
  const outcome: BulkOutcome = { succeeded: [], failed: [], notRun: [] };
  const describe = options.describeError ?? ((e: unknown) => (e instanceof Error ? e.message : String(e)));
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < loginIds.length) {
      if (options.signal?.aborted) break;
      const loginId = loginIds[next++];
      let ok = false;
      try {
        await operation(loginId);
        outcome.succeeded.push(loginId);
        ok = true;
      } catch (error) {
        outcome.failed.push({ loginId, reason: describe(error) });
      }
      options.onItemDone?.(loginId, ok, ++done, loginIds.length);
    }
  };
  const width = Math.max(1, Math.min(options.concurrency, loginIds.length));
  await Promise.all(Array.from({ length: width }, worker));
  outcome.notRun.push(...loginIds.slice(next));
  return outcome;
}

export function summarize(verb: string, outcome: BulkOutcome): string {
  const parts = [`${verb} ${outcome.succeeded.length} of ${outcome.succeeded.length + outcome.failed.length + outcome.notRun.length}`];
  if (outcome.failed.length) {
    const first = outcome.failed.slice(0, 3).map((f) => `${f.loginId}: ${f.reason}`);
    parts.push(`${outcome.failed.length} failed (${first.join('; ')}${outcome.failed.length > 3 ? '; …' : ''})`);
  }
  if (outcome.notRun.length) parts.push(`${outcome.notRun.length} not run (cancelled)`);
  return parts.join('. ') + '.';
}
