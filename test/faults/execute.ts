// Runs the campaign's commands the way the extension does: the real API client, the real bulk runner, and the
// calls of src/users/userCalls.ts that the commands send; Retry Failed re-checks each user before it resends.
import type { MediumOneClient } from '../../src/api/client';
import type { BasicUser, UserSummary } from '../../src/api/types';
import { mayHaveBeenApplied } from '../../src/api/errors';
import { failureReason, runBulk } from '../../src/users/bulkRun';
import { concurrencyFor } from '../../src/users/serverConcurrency';
import { createCall, deleteCall, disableCall, enableCall, type UserCall } from '../../src/users/userCalls';
import { describeError } from '../../src/util/errorText';
import type { Command, ItemOp } from './plan';

/** What the user was told about one operation. `hung`: no answer within the deadline. */
export type Told =
  | { ok: true; read?: BasicUser; alreadyDone?: boolean }
  | { ok: false; reason: string; mayHaveBeenApplied: boolean }
  | { hung: true }
  | { missing: true };

export const isOk = (t: Told): t is { ok: true; read?: BasicUser; alreadyDone?: boolean } => 'ok' in t && t.ok;
export const isFailure = (t: Told): t is { ok: false; reason: string; mayHaveBeenApplied: boolean } => 'ok' in t && !t.ok;

class Hang extends Error {}

/** Calls that missed their deadline, and when (if ever) they settled: printed with the findings, to tell slow from stuck. */
export const lateCalls = new Map<string, string>();

/** Rejects with `Hang` when the call has not settled within `ms`: a call the user would wait on forever. */
function within<T>(promise: Promise<T>, ms: number, label: string): Promise<T> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      lateCalls.set(label, 'still pending at the end');
      const late = (how: string) => () => lateCalls.set(label, `${how} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
      promise.then(late('answered'), late('failed'));
      reject(new Hang());
    }, ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

function callFor(item: ItemOp): UserCall {
  switch (item.kind) {
    case 'create':
      if (!item.intended.exists) throw new Error('a create must intend a user');
      return createCall(item.intended.password);
    case 'enable':
      return enableCall;
    case 'disable':
      return disableCall;
    case 'delete':
      return deleteCall;
    default:
      throw new Error(`${item.kind} is not a bulk operation`);
  }
}

const failed = (error: unknown): Told => {
  if (error instanceof Hang) return { hung: true };
  const applied = mayHaveBeenApplied(error);
  return { ok: false, reason: failureReason(describeError(error), applied), mayHaveBeenApplied: applied };
};

/**
 * Runs one command and says what each item was told. Enable, disable and delete go through the bulk runner even
 * for one user (as runUserOperation does); a single create is the Create User form's one call, a password change
 * the Change Password command's one call, a get the user details view's read.
 */
/**
 * `retry`: Retry Failed (or, for a single create or password change, the user running it again), with the items
 * whose earlier failure may have been applied.
 */
export async function execute(client: MediumOneClient, command: Command, deadlineMs: number, retry?: { appliedBefore: ReadonlySet<string> }): Promise<Map<ItemOp, Told>> {
  const told = new Map<ItemOp, Told>();
  const direct = command.mode === 'single' && ['create', 'changePassword', 'get'].includes(command.kind);
  if (direct) {
    const [item] = command.items;
    const check: { found?: boolean } = {};
    try {
      told.set(item, await within(single(client, item, retry !== undefined, check), deadlineMs, `${command.kind} "${item.loginId}"`));
    } catch (e) {
      const t = failed(e);
      // The user holds both answers: an earlier "may have been applied" stands unless the check settled it.
      const before = check.found === undefined && !!retry?.appliedBefore.has(item.loginId);
      told.set(item, isFailure(t) && before ? { ...t, mayHaveBeenApplied: true, reason: failureReason(t.reason, true) } : t);
    }
    return told;
  }
  const byId = new Map(command.items.map((i) => [i.loginId, i]));
  const hung = new Set<string>();
  const outcome = await runBulk(
    [...byId.keys()],
    async (id) => {
      try {
        await within(callFor(byId.get(id)!).call(client, id), deadlineMs, `${command.kind} "${id}"`);
      } catch (e) {
        if (e instanceof Hang) hung.add(id);
        throw e;
      }
    },
    {
      // As the extension runs them: the server's adaptive controller with the default ceiling.
      concurrency: concurrencyFor(client),
      describeError,
      alreadyDone: retry ? (id) => within(callFor(byId.get(id)!).holds(client, id), deadlineMs, `check before ${command.kind} "${id}"`) : undefined,
      appliedBefore: retry?.appliedBefore,
    },
  );
  const done = new Set(outcome.alreadyDone);
  for (const id of outcome.succeeded) told.set(byId.get(id)!, { ok: true, alreadyDone: done.has(id) });
  for (const f of outcome.failed) {
    told.set(byId.get(f.loginId)!, hung.has(f.loginId) ? { hung: true } : { ok: false, reason: f.reason, mayHaveBeenApplied: f.mayHaveBeenApplied });
  }
  // Anything the runner neither finished nor reported is a failure nobody was told of.
  for (const item of command.items) if (!told.has(item)) told.set(item, { missing: true });
  return told;
}

async function single(client: MediumOneClient, item: ItemOp, retry: boolean, check: { found?: boolean }): Promise<Told> {
  switch (item.kind) {
    case 'get':
      return { ok: true, read: await client.getUser(item.loginId) };
    case 'changePassword':
      if (!item.intended.exists) throw new Error('a password change must intend a user');
      // Run again by the user after a failure: the same PATCH, safe to repeat (a password cannot be read back).
      await client.updateUser(item.loginId, { password: item.intended.password });
      return { ok: true };
    default: {
      // The Create User form: after a failure the user submits again; "Retry" re-checks first like Retry Failed.
      const call = callFor(item);
      if (retry) check.found = await call.holds(client, item.loginId);
      if (check.found) return { ok: true, alreadyDone: true };
      await call.call(client, item.loginId);
      return { ok: true };
    }
  }
}

/** The list a refresh of the tree reads. */
export async function list(client: MediumOneClient, deadlineMs: number): Promise<UserSummary[] | Told> {
  try {
    return await within(client.listUsers(), deadlineMs, 'list');
  } catch (e) {
    return failed(e);
  }
}
