import * as assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension';
import type { Services } from '../../../src/services';
import type { Project } from '../../../src/projects/project';
import type { Role } from '../../../src/api/types';
import type { CallRecord, Emulator, EmulatorOptions } from '../../../src/emulator/types';
import { startEmulator as start, defaultSeed, profileSettings } from '../../../src/emulator';
import { projectNode, type TreeNode, type UserNode } from '../../../src/tree/nodes';
import { windowPrompts } from '../../../src/ui/prompts';
import { ScriptedPrompts, type Step } from './scriptedPrompts';

export const EXTENSION_ID = 'mediumone-tools.mediumone-api-users';
export const SANDBOX = { apiKey: 'm1-sandbox-key', admin: 'admin@sandbox.local', adminPassword: 'Sandbox-admin-1', registrar: 'registrar@sandbox.local', registrarPassword: 'Sandbox-reg-1' };

export async function services(): Promise<Services> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed in this extension host`);
  const api: Partial<ExtensionApi> = await ext.activate();
  assert.ok(api.services, 'the exports carry the services only in ExtensionMode.Test');
  return api.services;
}

/**
 * The emulator profile every suite runs against (`run-exthost-tests.mjs --profile`, e.g. `independent`), or the
 * default server. A test's own options win over it, so a test that needs one behaviour still gets it.
 */
export const serverProfile = process.env.M1_EMULATOR_PROFILE ?? '';
const profileOptions: EmulatorOptions = serverProfile ? profileSettings(serverProfile) : {};

export function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return start({ port: 0, seed: defaultSeed(), ...profileOptions, ...options });
}

/**
 * A fresh emulator for each test of the calling suite, and a clean world after it. Returns a getter,
 * since the emulator only exists once `beforeEach` has run.
 */
export function useEmulator(options: EmulatorOptions = {}): () => Emulator {
  let emulator: Emulator | undefined;
  beforeEach(async () => {
    emulator = await startEmulator(options);
  });
  afterEach(async () => {
    await resetWorld(await services());
    await emulator?.stop();
  });
  return () => {
    assert.ok(emulator, 'the emulator starts in beforeEach');
    return emulator;
  };
}

/** Adds a project pointing at an emulator, as Add Project would have saved it (setup, not the thing under test). */
export async function addProject(s: Services, emulator: Emulator, role: Role = 'business', extra: Partial<Project> = {}): Promise<Project> {
  const id = `test-${role}-${Math.abs(hash(emulator.url + JSON.stringify(extra)))}`;
  const project: Project = {
    id,
    name: extra.name ?? `Test ${role}`,
    baseUrl: emulator.url,
    role,
    loginId: role === 'registration' ? SANDBOX.registrar : SANDBOX.admin,
    production: false,
    ...extra,
  };
  await s.projects.save(project, { password: role === 'registration' ? SANDBOX.registrarPassword : SANDBOX.adminPassword, apiKey: SANDBOX.apiKey });
  return project;
}

/** Scripts the next questions; returns the recorder to assert notifications and completion. */
export function script(s: Services, ...steps: Step[]): ScriptedPrompts {
  const prompts = new ScriptedPrompts(steps);
  s.prompts = prompts;
  return prompts;
}

/** Back to a clean world: no projects, no filter, real prompts, sandbox stopped. */
export async function resetWorld(s: Services): Promise<void> {
  s.prompts = windowPrompts;
  s.tree.setFilter({});
  await s.sandbox.stop();
  for (const p of s.projects.list()) {
    s.clients.forget(p.id);
    await s.projects.remove(p.id);
  }
  s.users.invalidate();
  // Project definitions in settings, at every scope, bad entries included (removing a project leaves those).
  for (const target of [vscode.ConfigurationTarget.Global, vscode.ConfigurationTarget.Workspace]) {
    await vscode.workspace.getConfiguration('mediumOne').update('projects', undefined, target);
  }
  // The activity history starts empty for the next test (after any write still queued).
  await s.activity.read().catch(() => []);
  await rm(s.activity.dir, { recursive: true, force: true });
}

/** The rows under a project, as the tree would show them. */
export async function rows(s: Services, project: Project): Promise<TreeNode[]> {
  return s.tree.getChildren(projectNode(project));
}

export async function userRow(s: Services, project: Project, loginId: string): Promise<UserNode> {
  const node = (await rows(s, project)).find((n): n is UserNode => n.kind === 'user' && n.entry.loginId === loginId);
  assert.ok(node, `no row for ${loginId}`);
  return node;
}

export async function labels(s: Services, project: Project): Promise<string[]> {
  return (await rows(s, project)).map((n) => (n.kind === 'user' ? n.entry.loginId : n.kind === 'message' ? `[${n.label}]` : n.project.name));
}

/**
 * The project's user rows once every state is known and none is being read: what a user waits for before acting on
 * a row whose menus depend on its state. At once where the server's list carries the states; where it lists bare
 * login_ids, the tree reads each user in the background (the view's message shows how far). Only for roles that
 * may read users: elsewhere a state stays unknown by design.
 */
export async function statesRead(s: Services, project: Project): Promise<UserNode[]> {
  return waitFor(`every state of ${project.name} to be read`, async () => {
    const users = (await rows(s, project)).filter((n): n is UserNode => n.kind === 'user');
    if (s.users.isReading(project.id) || users.some((n) => n.entry.state === 'unknown')) return undefined;
    return users;
  });
}

/** A POST /v2/users (with or without the trailing slash): a create, whatever its answer. */
const isCreate = (c: CallRecord) => c.method === 'POST' && /^\/v2\/users\/?$/.test(c.path);

/**
 * How the server answered the create of `loginId`: 200 (created) or 202 (accepted, appears later). The documents
 * allow both, and a server may answer either for any create, so a test asks the server's records which it was and
 * then asserts exactly what the product must show for that answer.
 */
export function createAnswer(emulator: Emulator, loginId: string): 200 | 202 {
  const call = emulator.calls().filter((c) => isCreate(c) && c.loginId === loginId && c.applied).at(-1);
  assert.ok(call?.status === 200 || call?.status === 202, `the server created ${loginId} once (records: ${JSON.stringify(call)})`);
  return call.status;
}

/**
 * The creates the server took up: every POST /v2/users it did not refuse with 401. A 401 is a session the server ended
 * (a short-sessions server ends one every few calls); the create never reached the user store, and the client must
 * sign in again and send it once more. Counting such a refusal as a second create would blame the product for
 * following the contract, so a test of "sent once" counts these.
 */
export function createsTakenUp(emulator: Emulator): CallRecord[] {
  return emulator.calls().filter((c) => isCreate(c) && c.status !== 401);
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function hash(text: string): number {
  let h = 0;
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) | 0;
  return h;
}
