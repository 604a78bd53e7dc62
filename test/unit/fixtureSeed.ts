// The seed every emulator-backed unit suite starts from: a project with one API key, a Business and a Registration
// admin, and its basic users. The API client suite (test/unit/api/fixture.ts) and the conformance suite
// (test/unit/emulator/fixture.ts) each name their own accounts and users; the shape of the project is this one.
import type { SeedBasicUser, SeedProject } from '../../src/emulator/types';

export interface SeedAccount {
  loginId: string;
  password: string;
}

export interface ProjectSeedParts {
  name: string;
  apiKey: string;
  business: SeedAccount;
  /** Absent: the project has a Business admin only. */
  registration?: SeedAccount;
  users?: SeedBasicUser[];
}

/** One project: its API key, its Business (and Registration) admin, its basic users. */
export function projectSeed({ name, apiKey, business, registration, users = [] }: ProjectSeedParts): SeedProject {
  return {
    name,
    apiKeys: [apiKey],
    admins: [
      { loginId: business.loginId, password: business.password, role: 'business' },
      ...(registration ? [{ loginId: registration.loginId, password: registration.password, role: 'registration' as const }] : []),
    ],
    users,
  };
}
