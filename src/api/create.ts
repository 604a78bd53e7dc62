import { LostAnswer, type Caller, type Exchange } from './caller';
import { decodeJson, decoded, mapDecoded } from './decode';
import { isMediumOneError, type MediumOneError } from './errors';
import { backoffDelayMs, sleep } from './retry';
import { createResponseSchema } from './schemas';
import type { BasicUser, CallOptions, CreateResult, RetryPolicy } from './types';
import { uncertainFailure } from './uncertain';
import { paths, userPath } from './url';

export interface CreateDeps {
  caller: Caller;
  policy: RetryPolicy;
  random: () => number;
  getUser(loginId: string, options: CallOptions): Promise<BasicUser>;
}

/** What a create's answer may turn out to be before it is settled. */
type CreateAnswer = CreateResult | 'existsAfterLostAnswer';

/**
 * POST /v2/users/ without ever creating a user twice. When an answer is lost (connection dropped after sending,
 * unreadable body) the user may or may not exist, so GET asks before the POST is sent again; a repeated POST
 * answered "exists" (400/403) counts as created. 429/503 answers and refused connections prove nothing was
 * created and are backed off and repeated by the caller like any call.
 */
export async function createWithoutDuplicates(
  deps: CreateDeps,
  input: { loginId: string; password: string; earlierMayHaveApplied?: boolean },
  signal: AbortSignal | undefined,
): Promise<CreateResult> {
  const { loginId } = input;
  // A Retry Failed of a create whose answer was lost in an earlier run starts where that run left off.
  let answerLost = input.earlierMayHaveApplied === true;
  for (let round = 1; ; round++) {
    let answer: CreateAnswer;
    try {
      answer = await deps.caller.call(createExchange(input, answerLost), signal);
    } catch (e) {
      // A failure after an earlier lost answer (say a 403 with no text, which may mean "exists"): that earlier
      // POST may have created the user. A GET that finds it settles it; else the failure says it may have.
      if (!(e instanceof LostAnswer)) {
        if (!answerLost || !isMediumOneError(e)) throw e;
        if (e.kind !== 'cancelled' && (await existsAfterLostAnswer(deps, loginId, e, signal))) return { status: 'created', loginId };
        throw uncertainFailure(e, loginId);
      }
      answerLost = true;
      if (await existsAfterLostAnswer(deps, loginId, e.failure, signal)) return { status: 'created', loginId };
      // Out of tries: GET found no user, but a server that accepts creations for later (202) may still add it.
      if (round >= deps.policy.maxAttempts) throw uncertainFailure(e.failure, loginId);
      await sleep(backoffDelayMs(round, deps.policy, deps.random), signal, 'POST', paths.create).catch((c: unknown) => {
        throw isMediumOneError(c) ? uncertainFailure(c, loginId) : c;
      });
      continue;
    }
    if (answer !== 'existsAfterLostAnswer') return answer;
    // "Exists" after a lost answer: our earlier POST was applied. A GET that still says 404 means it was a 202.
    const exists = await existsAfterLostAnswer(deps, loginId, undefined, signal).catch(() => true);
    return { status: exists === false ? 'pending' : 'created', loginId };
  }
}

function createExchange(input: { loginId: string; password: string }, answerLost: boolean): Exchange<CreateAnswer> {
  const { loginId, password } = input;
  return {
    operation: 'create',
    method: 'POST',
    path: paths.create,
    loginId,
    body: { login_id: loginId, password },
    secrets: [password],
    safeToRepeat: false,
    decode: (res) => {
      if (res.status === 202) return decoded({ status: 'pending', loginId });
      return mapDecoded(decodeJson(createResponseSchema, res.text, { value: null }), (body) => ({
        status: 'created',
        loginId: body && typeof body === 'object' && body.login_id ? body.login_id : loginId,
      }));
    },
    recover: (res) =>
      answerLost && (res.status === 400 || res.status === 403) && /exist/i.test(res.text)
        ? 'existsAfterLostAnswer'
        : undefined,
  };
}

/**
 * After a lost create answer: true = the user exists, false = 404, undefined = cannot tell (the role may not read
 * users, or the login_id cannot be put in a URL); then the POST is repeated and "exists" counts as created.
 */
async function existsAfterLostAnswer(
  deps: CreateDeps,
  loginId: string,
  lost: MediumOneError | undefined,
  signal: AbortSignal | undefined,
): Promise<boolean | undefined> {
  if (isUnaddressable(loginId)) return undefined;
  try {
    await deps.getUser(loginId, { signal });
    return true;
  } catch (e) {
    if (isMediumOneError(e, 'notFound')) return false;
    if (isMediumOneError(e, ['forbidden', 'unauthorized'])) return undefined;
    if (!isMediumOneError(e) || !lost) throw e;
    throw e.kind === 'cancelled' ? uncertainFailure(lost, loginId) : uncertainFailure(lost, loginId, e);
  }
}

function isUnaddressable(loginId: string): boolean {
  try {
    userPath(loginId);
    return false;
  } catch {
    return true;
  }
}
