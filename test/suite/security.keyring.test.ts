import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ProjectStore } from '../../src/projects/projectStore';
import { saveWithKeyringFallback } from '../../src/commands/teams/keyringFallback';
import type { Project } from '../../src/projects/project';
import type { Services } from '../../src/services';
import { script, services } from './helpers/world';

// SecretStorage as it fails on a Linux machine without a keyring: the real ProjectStore and the real Add/Edit
// Project save path on top of it, with the user's answers scripted.

const NO_KEYRING = 'Cannot create an item in a locked collection';

const brokenSecrets: vscode.SecretStorage = {
  get: () => Promise.reject(new Error(NO_KEYRING)),
  store: () => Promise.reject(new Error(NO_KEYRING)),
  delete: () => Promise.reject(new Error(NO_KEYRING)),
  keys: () => Promise.reject(new Error(NO_KEYRING)),
  onDidChange: new vscode.EventEmitter<vscode.SecretStorageChangeEvent>().event,
} as vscode.SecretStorage;

/** globalState for this test only, so the real one is not touched. */
function memento(): vscode.Memento {
  const data = new Map<string, unknown>();
  return {
    keys: () => [...data.keys()],
    get: <T>(key: string, fallback?: T) => (data.has(key) ? (data.get(key) as T) : fallback),
    update: (key: string, value: unknown) => Promise.resolve(void data.set(key, value)),
  };
}

const project: Project = { id: 'keyring-test', name: 'Headless Plant', baseUrl: 'https://api.example.com', role: 'business', loginId: 'admin@example.com', production: false };
const secrets = { password: 'Keyring-pw-1', apiKey: 'keyring-api-key-1' };

describe('security: no OS keyring', () => {
  const world = async () => {
    const s = await services();
    const projects = new ProjectStore(memento(), brokenSecrets, s.redactor);
    return { s: { ...s, projects } as Services, projects };
  };

  it('names the cause and the remedy, and keeps the credentials in memory for this window when the user agrees', async () => {
    const { s, projects } = await world();
    const prompts = script(s, {
      kind: 'confirm',
      match: /could not save the credentials of "Headless Plant" in the OS keyring \(Cannot create an item in a locked collection\)\. On Linux, install and unlock a Secret Service keyring/,
      detail: /in memory for this window only/,
      answer: 'Keep in Memory for This Window',
    });
    assert.equal(await saveWithKeyringFallback(s, project, secrets), 'memory');
    prompts.assertDone();
    assert.deepEqual(await projects.getSecrets(project.id), secrets);
    assert.equal(projects.secretsInMemory(project.id), true);
    assert.equal(projects.get(project.id)?.name, 'Headless Plant');
    assert.doesNotMatch(JSON.stringify(projects.list()), /Keyring-pw-1|keyring-api-key-1/, 'no secret beside the project');
    projects.dispose();
  });

  it('saves nothing when the user declines, and a read names the cause and points at Edit Project', async () => {
    const { s, projects } = await world();
    const prompts = script(s, { kind: 'confirm', match: /OS keyring/, answer: undefined });
    assert.equal(await saveWithKeyringFallback(s, project, secrets), undefined);
    prompts.assertDone();
    assert.equal(projects.get(project.id), undefined);
    await assert.rejects(projects.getSecrets(project.id), /could not read the credentials .* Edit Project can take them again/);
    projects.dispose();
  });
});
