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
}

const BY_ROLE: Record<Role, Capabilities> = {
  business: { list: true, create: true, read: 'any', update: 'any', delete: true },
  registration: { list: false, create: true, read: 'none', update: 'none', delete: false },
  basic: { list: false, create: false, read: 'self', update: 'self', delete: false },
};

export const capabilitiesOf = (role: Role): Capabilities => BY_ROLE[role];

export const ROLE_LABELS: Record<Role, string> = {
  business: 'Business',
  registration: 'Registration',
  basic: 'Basic',
};
