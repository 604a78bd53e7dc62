import type { Role } from '../api/types';

/** The known Medium One hosts, offered when adding a project. */
export const KNOWN_HOSTS = [
  { id: 'production', url: 'https://api.mediumone.com' },
  { id: 'sandbox', url: 'https://api-sandbox.mediumone.com' },
  { id: 'renesasSandbox', url: 'https://api-renesas-na-sandbox.mediumone.com' },
] as const;

/** What is stored about a project outside SecretStorage: nothing here is secret. */
export interface Project {
  /** Stable id: tree ids, secret keys and tracked lists hang off it. */
  id: string;
  name: string;
  baseUrl: string;
  /** Role of the admin account the extension logs in as. */
  role: Role;
  loginId: string;
  mqttId?: string;
  /** Destructive operations on production projects demand the typed project name. */
  production: boolean;
  /** The extension's own Local Sandbox project. */
  sandbox?: boolean;
  /** Where the `mediumOne.projects` setting defines it; undefined = added with Add Project (kept in globalState). */
  origin?: ProjectOrigin;
}

/** The settings scope a project definition comes from. */
export type ProjectOrigin = 'user' | 'workspace' | 'workspaceFolder';

/** Kept only in SecretStorage. */
export interface ProjectSecrets {
  password: string;
  apiKey: string;
}

export const SANDBOX_PROJECT_ID = 'local-sandbox';

export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}
