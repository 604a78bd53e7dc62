import * as fs from 'fs';
import * as path from 'path';
import type { AdminRole, EmulatedUser, EmulatorSeed, SeedBasicUser } from './types';
import { newMqttId } from './seed';
import { checkSeed } from './validate';

export interface StoredUser extends EmulatedUser {
  password: string;
}

export interface ProjectState {
  name: string;
  mqttId: string;
  apiKeys: string[];
  admins: Map<string, { password: string; role: AdminRole }>;
  users: Map<string, StoredUser>;
}

/**
 * The emulator's database: projects, their admin accounts and basic users. With a persist path it is
 * loaded from and saved to a JSON file, passwords included: it plays the service's own user store.
 */
export class EmulatorState {
  private projects = new Map<string, ProjectState>();

  constructor(seed: EmulatorSeed, private readonly persistPath?: string) {
    this.load(persistPath && fs.existsSync(persistPath) ? readSeedFile(persistPath) : seed);
  }

  load(seed: EmulatorSeed): void {
    checkSeed(seed, 'seed');
    this.projects = new Map(
      seed.projects.map((p) => [
        p.name,
        {
          name: p.name,
          mqttId: p.mqttId ?? newMqttId(),
          apiKeys: [...p.apiKeys],
          admins: new Map(p.admins.map((a) => [a.loginId, { password: a.password, role: a.role }])),
          users: new Map(p.users.map((u) => [u.loginId, toStored(u)])),
        },
      ]),
    );
    this.save();
  }

  project(name: string): ProjectState | undefined {
    return this.projects.get(name);
  }

  byApiKey(apiKey: string): ProjectState | undefined {
    return [...this.projects.values()].find((p) => p.apiKeys.includes(apiKey));
  }

  all(): ProjectState[] {
    return [...this.projects.values()];
  }

  requireProject(name: string): ProjectState {
    const p = this.projects.get(name);
    if (!p) throw new Error(`The emulator has no project "${name}".`);
    return p;
  }

  putUser(project: string, user: SeedBasicUser): StoredUser {
    const stored = toStored(user);
    this.requireProject(project).users.set(user.loginId, stored);
    this.save();
    return stored;
  }

  /** Writes the state to the persist path, atomically (temp file + rename), when there is one. */
  save(): void {
    if (!this.persistPath) return;
    const seed: EmulatorSeed = {
      projects: this.all().map((p) => ({
        name: p.name,
        mqttId: p.mqttId,
        apiKeys: p.apiKeys,
        admins: [...p.admins].map(([loginId, a]) => ({ loginId, ...a })),
        users: [...p.users.values()].map((u) => ({ ...u })),
      })),
    };
    fs.mkdirSync(path.dirname(this.persistPath), { recursive: true });
    const tmp = `${this.persistPath}.${process.pid}.tmp`;
    // Owner-only: the file holds passwords (sandbox ones, but a user may seed their own).
    fs.writeFileSync(tmp, JSON.stringify(seed, null, 1), { mode: 0o600 });
    fs.renameSync(tmp, this.persistPath);
  }
}

const toStored = (u: SeedBasicUser): StoredUser => ({
  loginId: u.loginId,
  password: u.password,
  disabled: u.disabled ?? false,
  mqttId: u.mqttId ?? newMqttId(),
  userData: u.userData ?? {},
});

/** The public view of a user: what GET answers, no password. */
export const publicUser = (u: StoredUser): EmulatedUser => ({ loginId: u.loginId, disabled: u.disabled, mqttId: u.mqttId, userData: u.userData });

/** Reads a seed-shaped JSON file (--seed, or the persist file), naming the file in any error. */
export function readSeedFile(file: string): EmulatorSeed {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`Cannot read the emulator state from ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return checkSeed(parsed, file);
}
