import type { Role } from '../api/types';

export type { Role };

/** Every admin role, in the order a picker offers them. */
export const ROLES = ['business', 'registration', 'basic'] as const satisfies readonly Role[];

/**
 * What each admin role may do, per the endpoint reference (which wins over the roles page where they
 * disagree, SPEC section 2). Menus hide what a role cannot do; the server stays the authority.
 */
export interface Capabilities {
  list: boolean;
  create: boolean;
  /** 'any' user, only the account itself ('self'), or none. */
  read: 'any' | 'self' | 'none';
  update: 'any' | 'self' | 'none';
  delete: boolean;
  /**
   * Events sent and read on a user's behalf (SPEC section 7): a Business account for any user, a Basic account only
   * for itself; the server refuses a Registration account.
   */
  events: 'any' | 'self' | 'none';
}

const BY_ROLE: Record<Role, Capabilities> = {
  business: { list: true, create: true, read: 'any', update: 'any', delete: true, events: 'any' },
  registration: { list: false, create: true, read: 'none', update: 'none', delete: false, events: 'none' },
  basic: { list: false, create: false, read: 'self', update: 'self', delete: false, events: 'self' },
};

export const capabilitiesOf = (role: Role): Capabilities => BY_ROLE[role];

/** Whether the project's account may send and read events for this user (itself only, for a Basic account). */
export function mayUseEvents(project: { role: Role; loginId: string }, loginId: string): boolean {
  const events = capabilitiesOf(project.role).events;
  return events === 'any' || (events === 'self' && loginId === project.loginId);
}

