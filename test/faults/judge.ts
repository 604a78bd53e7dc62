// Compares what each operation told the user with what the emulator holds, and keeps the campaign's figures.
import type { BasicUser, UserSummary } from '../../src/api/types';
import type { CallRecord, Emulator } from '../../src/emulator/types';
import { isFailure, isOk, type Told } from './execute';
import type { ItemOp, Model, UserState } from './plan';

/** The figures the campaign asserts are zero. */
export const ASSERTED = ['wrongFinalStates', 'wrongReads', 'duplicateCreates', 'unreportedFailures', 'appliedButReportedFailed', 'hangs'] as const;
export type Asserted = (typeof ASSERTED)[number];

export class Figures {
  readonly operations = new Map<string, number>();
  readonly faults = new Map<string, number>();
  readonly told = { done: 0, alreadyDoneOnRetry: 0, failed: 0, failedMayHaveBeenApplied: 0, retried: 0 };
  readonly asserted: Record<Asserted, number> = { wrongFinalStates: 0, wrongReads: 0, duplicateCreates: 0, unreportedFailures: 0, appliedButReportedFailed: 0, hangs: 0 };
  /** One line per asserted figure counted, to find the case again (with the seed). */
  readonly findings: string[] = [];
  /** Calls answered 401 because their session had ended (call budget, expiry, or ended mid-phase). */
  sessionsEnded = 0;
  seconds = 0;

  count(key: string, map: Map<string, number> = this.operations, by = 1): void {
    map.set(key, (map.get(key) ?? 0) + by);
  }

  get operationCount(): number {
    return [...this.operations.values()].reduce((a, b) => a + b, 0);
  }

  flag(figure: Asserted, finding: string): void {
    this.asserted[figure] += 1;
    this.findings.push(`${figure}: ${finding}`);
  }
}

const show = (s: UserState) => (s.exists ? `${s.disabled ? 'disabled' : 'enabled'} (password ${s.password})` : 'absent');

/** Whether the emulator holds this state for the user now. */
export function holds(emulator: Emulator, project: string, loginId: string, s: UserState): boolean {
  const user = emulator.getUser(project, loginId);
  if (!s.exists) return user === undefined;
  return user !== undefined && user.disabled === s.disabled && emulator.checkPassword(project, loginId, s.password);
}

function observed(emulator: Emulator, project: string, loginId: string): string {
  const user = emulator.getUser(project, loginId);
  return user ? (user.disabled ? 'disabled' : 'enabled') : 'absent';
}

/**
 * Judges one operation right after its run, while nothing else is in flight, and updates the model with what the
 * user was told. `final`: no Retry Failed follows (a failure leaves the user as it stands).
 */
export function judgeItem(f: Figures, emulator: Emulator, project: string, model: Model, item: ItemOp, told: Told, context: string): void {
  const where = `${context} ${item.kind} "${item.loginId}"`;
  if ('hung' in told) {
    f.flag('hangs', `${where}: no answer within the deadline`);
    model.unsettled.set(item.loginId, [item.before, item.intended]);
    return;
  }
  if ('missing' in told) {
    f.flag('unreportedFailures', `${where}: the bulk runner reported nothing for it`);
    model.unsettled.set(item.loginId, [item.before, item.intended]);
    return;
  }
  if (item.kind === 'get') {
    if (isOk(told)) judgeRead(f, emulator, project, item, told.read, where);
    return;
  }
  const applied = holds(emulator, project, item.loginId, item.intended);
  if (isOk(told)) {
    f.told.done += 1;
    if (told.alreadyDone) f.told.alreadyDoneOnRetry += 1;
    if (!applied) f.flag('unreportedFailures', `${where}: told done, but the server holds ${observed(emulator, project, item.loginId)}, not ${show(item.intended)}`);
    model.states.set(item.loginId, item.intended);
    model.unsettled.delete(item.loginId);
    return;
  }
  if (!isFailure(told)) return;
  f.told.failed += 1;
  if (told.mayHaveBeenApplied) f.told.failedMayHaveBeenApplied += 1;
  if (applied && !told.mayHaveBeenApplied) {
    f.flag('appliedButReportedFailed', `${where}: the server holds it, but the user was told "${told.reason}"`);
    // A create reported plainly failed that did create the user: the user will create it again.
    if (item.kind === 'create') f.flag('duplicateCreates', `${where}: created, though reported failed without "may have been applied"`);
  }
  if (told.mayHaveBeenApplied) {
    model.unsettled.set(item.loginId, [item.before, item.intended]);
  } else {
    model.states.set(item.loginId, item.before);
    model.unsettled.delete(item.loginId);
  }
}

function judgeRead(f: Figures, emulator: Emulator, project: string, item: ItemOp, read: BasicUser | undefined, where: string): void {
  const user = emulator.getUser(project, item.loginId);
  if (!read || !user || read.disabled !== user.disabled || read.loginId !== item.loginId) {
    f.flag('wrongReads', `${where}: read ${read ? (read.disabled ? 'disabled' : 'enabled') : 'nothing'}, the server holds ${observed(emulator, project, item.loginId)}`);
  }
}

/** A list read while nothing is in flight must name exactly the server's users, with their states when it gives them. */
export function judgeList(f: Figures, emulator: Emulator, project: string, listed: UserSummary[], where: string): void {
  const server = new Map(emulator.listUsers(project).map((u) => [u.loginId, u]));
  const names = new Set(listed.map((u) => u.loginId));
  const missing = [...server.keys()].filter((id) => !names.has(id));
  const extra = [...names].filter((id) => !server.has(id));
  const wrong = listed.filter((u) => u.disabled !== undefined && server.get(u.loginId)?.disabled !== u.disabled).map((u) => u.loginId);
  if (missing.length || extra.length || wrong.length || names.size !== listed.length) {
    f.flag('wrongReads', `${where} list: missing [${missing.join(', ')}], extra [${extra.join(', ')}], wrong state [${wrong.join(', ')}]`);
  }
}

/** At the end: every user the campaign touched is in a state it was told of (or, when unsettled, either one). */
export function judgeFinal(f: Figures, emulator: Emulator, project: string, model: Model): void {
  const known = new Set([...model.states.keys(), ...model.unsettled.keys()]);
  for (const id of known) {
    const allowed = model.allowed(id);
    if (!allowed.some((s) => holds(emulator, project, id, s))) {
      f.flag('wrongFinalStates', `"${id}" is ${observed(emulator, project, id)}; expected ${allowed.map(show).join(' or ')}`);
    }
  }
  for (const u of emulator.listUsers(project)) {
    if (!known.has(u.loginId)) f.flag('wrongFinalStates', `"${u.loginId}" exists, but no operation meant to create it`);
  }
}

/**
 * Faults injected, by kind, from the emulator's call records; and POST creates that created a user more often than
 * the campaign's creates of that user were meant to (the records name the user and say whether the call applied).
 */
export function judgeCalls(f: Figures, records: readonly CallRecord[], createsApplied: ReadonlyMap<string, number>): void {
  for (const r of records) {
    if (r.fault) f.count(r.fault, f.faults);
    else if (r.status === 429 || r.status === 500 || r.status === 503) f.count(`status${r.status}`, f.faults);
    else if (r.status === 'dropped') f.count('drop/dropAfter', f.faults);
    if (r.status === 401) f.sessionsEnded += 1;
  }
  const posts = new Map<string, number>();
  for (const r of records) {
    if (r.method === 'POST' && r.path.startsWith('/v2/users') && r.loginId !== undefined && r.applied) posts.set(r.loginId, (posts.get(r.loginId) ?? 0) + 1);
  }
  for (const [id, n] of posts) {
    const meant = createsApplied.get(id) ?? 0;
    if (n > meant) f.flag('duplicateCreates', `"${id}": ${n} POST creates applied, ${meant} meant`);
  }
}
