// The campaign's plan: which commands each phase runs, on which users, and what the server should hold after each.
// Drawn from a seeded PRNG, so a seed names one plan. Within a phase no user is touched twice, so every intended
// state is exact whatever order the concurrent calls land in.

export type ItemKind = 'create' | 'get' | 'changePassword' | 'enable' | 'disable' | 'delete';
export type OpKind = ItemKind | 'list';

export type UserState = { exists: false } | { exists: true; disabled: boolean; password: string };

/** One operation on one user: a single command, or one item of a bulk command. */
export interface ItemOp {
  kind: ItemKind;
  loginId: string;
  before: UserState;
  intended: UserState;
}

export interface Command {
  /** Bulk: one run of the bulk runner over several users, as a multi-row selection or an import. */
  mode: 'single' | 'bulk';
  kind: ItemKind;
  items: ItemOp[];
}

/** Operations that may run as one command over several users in the extension (an import for create). */
const BULK_KINDS: ItemKind[] = ['create', 'enable', 'disable', 'delete'];
const SINGLE_KINDS: ItemKind[] = ['create', 'get', 'changePassword', 'enable', 'disable', 'delete'];

export interface PlanShape {
  bulkPerPhase: number;
  singlePerPhase: number;
  bulkSize: [number, number];
  /** Below this many users, bulk runs create. */
  fewUsers: number;
}

/** What the campaign knows of each user: its state, exact, or put aside once its state could not be settled. */
export class Model {
  readonly states = new Map<string, UserState>();
  /** Users whose last operation failed in a way that may have been applied: either state may hold; never touched again. */
  readonly unsettled = new Map<string, UserState[]>();
  private fresh = 0;
  private passwords = 0;

  constructor(private readonly seedTag: string) {}

  newLoginId(): string {
    return `fc-${this.seedTag}-${String(++this.fresh).padStart(3, '0')}`;
  }

  newPassword(): string {
    return `Pw-${this.seedTag}-${++this.passwords}`;
  }

  /** The states a user may be in now: one when settled. */
  allowed(loginId: string): UserState[] {
    return this.unsettled.get(loginId) ?? [this.states.get(loginId) ?? { exists: false }];
  }
}

/** Plans one phase over the settled users: each user at most once. */
export function planPhase(random: () => number, model: Model, shape: PlanShape): Command[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const taken = new Set<string>();
  const candidates = (kind: ItemKind): string[] => {
    const ids = [...model.states].filter(([id, s]) => !taken.has(id) && !model.unsettled.has(id) && fits(kind, s)).map(([id]) => id);
    return shuffle(random, ids);
  };
  const itemFor = (kind: ItemKind, loginId: string): ItemOp => {
    const before = model.states.get(loginId) ?? { exists: false };
    taken.add(loginId);
    return { kind, loginId, before, intended: intendedAfter(kind, before, () => model.newPassword()) };
  };
  const takeUsers = (kind: ItemKind, count: number): ItemOp[] => {
    // Creates mostly use new names, and sometimes the name of a user deleted earlier (a re-create).
    const ids = kind === 'create'
      ? [...candidates(kind).slice(0, Math.floor(count / 3)), ...Array.from({ length: count }, () => model.newLoginId())].slice(0, count)
      : candidates(kind).slice(0, count);
    return ids.map((id) => itemFor(kind, id));
  };

  const commands: Command[] = [];
  for (let i = 0; i < shape.bulkPerPhase; i++) {
    const [lo, hi] = shape.bulkSize;
    // Deletes outnumber creates on some seeds: with few users left, a bulk run is an import that adds some.
    const existing = [...model.states.values()].filter((u) => u.exists).length;
    const kind = existing < shape.fewUsers ? 'create' : pick(BULK_KINDS);
    const items = takeUsers(kind, lo + Math.floor(random() * (hi - lo + 1)));
    if (items.length > 1) commands.push({ mode: 'bulk', kind, items });
  }
  for (let i = 0; i < shape.singlePerPhase; i++) {
    const kind = pick(SINGLE_KINDS);
    const items = takeUsers(kind, 1);
    if (items.length === 1) commands.push({ mode: 'single', kind, items });
  }
  return commands;
}

/** Whether the extension offers this operation on a user in this state (its context-menu tokens). */
function fits(kind: ItemKind, s: UserState): boolean {
  if (kind === 'create') return !s.exists;
  if (!s.exists) return false;
  if (kind === 'enable') return s.disabled;
  if (kind === 'disable') return !s.disabled;
  return true;
}

export function intendedAfter(kind: ItemKind, before: UserState, newPassword: () => string): UserState {
  switch (kind) {
    case 'create':
      return { exists: true, disabled: false, password: newPassword() };
    case 'delete':
      return { exists: false };
    case 'get':
      return before;
    default:
      if (!before.exists) throw new Error(`planned ${kind} of an absent user`);
      if (kind === 'changePassword') return { ...before, password: newPassword() };
      return { ...before, disabled: kind === 'disable' };
  }
}

function shuffle<T>(random: () => number, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}
