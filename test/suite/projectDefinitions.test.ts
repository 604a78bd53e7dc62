import * as assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Cmd } from '../../src/contributes';
import type { Services } from '../../src/services';
import type { Project } from '../../src/projects/project';
import { projectNode } from '../../src/tree/nodes';
import { addProject, labels, SANDBOX, script, services, useEmulator, waitFor } from './helpers/world';

const config = () => vscode.workspace.getConfiguration('mediumOne');
const secrets = { password: SANDBOX.adminPassword, apiKey: SANDBOX.apiKey };

/** Writes definitions at a scope and waits until the store lists them. */
async function define(s: Services, target: vscode.ConfigurationTarget, definitions: unknown[], expect: number): Promise<Project[]> {
  await config().update('projects', definitions, target);
  return waitFor(`${expect} projects from settings`, () => {
    const found = s.projects.list().filter((p) => p.origin);
    return found.length === expect ? found : undefined;
  });
}

/** Every settings file a definition could be written to, as text. */
async function settingsFiles(s: Services): Promise<string> {
  const user = path.join(path.dirname(path.dirname(s.context.globalStorageUri.fsPath)), 'settings.json');
  const folder = vscode.workspace.workspaceFolders?.[0];
  const workspace = folder ? path.join(folder.uri.fsPath, '.vscode', 'settings.json') : undefined;
  const texts = await Promise.all([user, workspace].filter((f): f is string => Boolean(f)).map((f) => readFile(f, 'utf8').catch(() => '')));
  return texts.join('\n');
}

function item(s: Services, project: Project): vscode.TreeItem {
  const node = projectNode(project);
  return s.tree.resolveTreeItem(s.tree.getTreeItem(node), node);
}

describe('project definitions from settings', () => {
  const emu = useEmulator();
  const fleet = () => ({ name: 'Team Fleet', server: emu().url, role: 'business', loginId: SANDBOX.admin });

  it('a User Settings project shows its marker, asks for its secrets on first use and keeps them in Secret Storage only', async () => {
    const s = await services();
    const [project] = await define(s, vscode.ConfigurationTarget.Global, [fleet()], 1);
    assert.equal(project.origin, 'user');
    assert.match(project.id, /^settings-[0-9a-f]{16}$/);
    const shown = item(s, project);
    assert.match(String(shown.description), /Business · User Settings/);
    assert.match(shown.contextValue ?? '', /(^|;)fromSettings(;|$)/);
    assert.match((shown.tooltip as vscode.MarkdownString).value, /Defined in User Settings/);
    assert.deepEqual(await labels(s, project), ['[Sign in to list users]'], 'no error and no question before the user acts');

    const prompts = script(
      s,
      { kind: 'input', match: /Sign in to "Team Fleet".*password/, answer: 'Wrong-password-1' },
      { kind: 'input', match: /API key/, answer: SANDBOX.apiKey },
      { kind: 'pick', match: /Sign-in failed/, choose: 'Re-enter the password' },
      { kind: 'input', match: /password/, answer: SANDBOX.adminPassword },
    );
    await vscode.commands.executeCommand(Cmd.testConnection, projectNode(project));
    prompts.assertDone();
    assert.match(prompts.shown.at(-1)?.message ?? '', /Signed in to "Team Fleet"/);
    assert.deepEqual(await s.projects.getSecrets(project.id), secrets);
    await waitFor('the users listed', async () => ((await labels(s, project)).some((l) => !l.startsWith('[')) ? true : undefined));

    const stored = JSON.stringify(s.context.globalState.keys().map((k) => s.context.globalState.get(k)));
    const files = await settingsFiles(s);
    assert.match(files, /Team Fleet/, 'the settings file was found');
    for (const text of [stored, files]) {
      assert.ok(!text.includes(SANDBOX.adminPassword) && !text.includes(SANDBOX.apiKey) && !text.includes('Wrong-password-1'));
    }
  });

  it('the first command that signs in asks for the secrets (cancel stops silently), and a Workspace Settings project is marked as such', async () => {
    const s = await services();
    // The runner opens a folder with workspace trust off (trusted): this test must run, never skip. Restricted Mode
    // is the e2e scenario 11-teams-restricted's, and originUsable's unit test.
    assert.ok(vscode.workspace.workspaceFolders?.length, 'the extension-host run opens a folder');
    assert.equal(vscode.workspace.isTrusted, true);
    const [project] = await define(s, vscode.ConfigurationTarget.Workspace, [fleet()], 1);
    assert.ok(project);
    assert.equal(project.origin, 'workspace');
    assert.match(String(item(s, project).description), /Workspace Settings/);
    const cancelled = script(s, { kind: 'input', match: /password/, answer: undefined });
    await vscode.commands.executeCommand(Cmd.exportUsers, projectNode(project));
    cancelled.assertDone();
    assert.deepEqual(cancelled.shown.filter((m) => m.level === 'error'), [], 'a cancel is silent');
    assert.equal(await s.projects.getSecrets(project.id), undefined);
    await waitFor('the cancelled load dropped', () => (s.users.get(project.id) === undefined ? true : undefined));
    assert.deepEqual(await labels(s, project), ['[Sign in to list users]'], 'after a cancel the row offers to sign in again');

    const prompts = script(s, { kind: 'input', match: /password/, answer: SANDBOX.adminPassword }, { kind: 'input', match: /API key/, answer: SANDBOX.apiKey });
    const load = await s.users.ensureLoaded(project);
    prompts.assertDone();
    assert.equal(load.status, 'loaded');
    assert.deepEqual(await s.projects.getSecrets(project.id), secrets);
    assert.ok(!(await settingsFiles(s)).includes(SANDBOX.adminPassword));
  });

  it('skips a bad entry, naming the scope, the entry and what is wrong, and lists the good ones', async () => {
    const s = await services();
    await define(s, vscode.ConfigurationTarget.Global, [fleet(), { ...fleet(), name: 'Plain', server: 'http://api.example.com' }, { ...fleet(), name: 'Leaky', password: 'p' }], 1);
    const warned = [...s.projects.settings.warned];
    assert.ok(warned.some((w) => /User Settings, entry 2 \("Plain"\), is ignored: server: .*plain http/.test(w)), warned.join('\n'));
    assert.ok(warned.some((w) => /entry 3 \("Leaky"\), is ignored: it holds password/.test(w)), warned.join('\n'));
  });

  it('Edit Project re-enters the credentials; Remove Project removes the definition from its scope and forgets the secrets', async () => {
    const s = await services();
    const [project] = await define(s, vscode.ConfigurationTarget.Global, [fleet(), { ...fleet(), name: 'Other' }], 2).then((ps) => ps.filter((p) => p.name === 'Team Fleet'));
    const edit = script(
      s,
      { kind: 'confirm', match: /"Team Fleet" is defined in User Settings/, answer: 'Re-enter Credentials' },
      { kind: 'input', match: /password/, answer: SANDBOX.adminPassword },
      { kind: 'input', match: /API key/, answer: SANDBOX.apiKey },
    );
    await vscode.commands.executeCommand(Cmd.editProject, projectNode(project));
    edit.assertDone();
    assert.deepEqual(await s.projects.getSecrets(project.id), secrets);

    const remove = script(s, { kind: 'confirm', match: /Remove the definition of "Team Fleet" from User Settings/, answer: 'Remove' });
    await vscode.commands.executeCommand(Cmd.removeProject, projectNode(project));
    remove.assertDone();
    const left = config().inspect<{ name: string }[]>('projects')?.globalValue;
    assert.deepEqual(left?.map((d) => d.name), ['Other']);
    assert.equal(await s.projects.getSecrets(project.id), undefined);
    const entries = await waitFor('the removal recorded', async () => ((await s.activity.read()).find((e) => e.action === 'projectRemoved')));
    assert.deepEqual([entries.projectId, entries.projectName, entries.reason], [project.id, 'Team Fleet', 'removed from User Settings']);
  });
});

describe('export and import of project definitions', () => {
  const emu = useEmulator();

  it('exports the chosen projects with exactly the setting fields and no secret', async () => {
    const s = await services();
    const added = await addProject(s, emu(), 'registration', { mqttId: 'mq-1' });
    const [fromSettings] = await define(s, vscode.ConfigurationTarget.Global, [{ name: 'Team Fleet', server: 'sandbox', role: 'basic', loginId: 'u1', production: true }], 1);
    await s.projects.save(fromSettings, { password: 'Settings-Pw-42', apiKey: 'settings-key-42' });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'm1-defs-'));
    const file = vscode.Uri.file(path.join(dir, 'defs.json'));
    const prompts = script(s, { kind: 'pickMany', match: /Export Project Definitions/, choose: [added.name, 'Team Fleet'] }, { kind: 'saveFile', answer: file });
    await vscode.commands.executeCommand(Cmd.exportProjectDefinitions);
    prompts.assertDone();
    const text = await readFile(file.fsPath, 'utf8');
    for (const secret of [SANDBOX.adminPassword, SANDBOX.apiKey, SANDBOX.registrarPassword, 'Settings-Pw-42', 'settings-key-42']) assert.ok(!text.includes(secret), 'no secret in the file');
    assert.doesNotMatch(text, /password|apiKey/i);
    const json = JSON.parse(text) as { 'mediumOne.projects': Record<string, unknown>[] };
    assert.deepEqual(json['mediumOne.projects'], [
      { name: 'Team Fleet', server: 'sandbox', role: 'basic', loginId: 'u1', production: true },
      { name: added.name, server: emu().url, role: 'registration', loginId: added.loginId, mqttId: 'mq-1' },
    ].sort((a, b) => a.name.localeCompare(b.name)));
  });

  it('imports definitions into User Settings, merging by name, and refuses a file entry holding a password', async () => {
    const s = await services();
    await define(s, vscode.ConfigurationTarget.Global, [{ name: 'Team Fleet', server: 'production', role: 'business', loginId: 'a' }], 1);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'm1-defs-'));
    const good = path.join(dir, 'good.json');
    await writeFile(good, JSON.stringify({ 'mediumOne.projects': [{ name: 'Team Fleet', server: 'sandbox', role: 'basic', loginId: 'b' }, { name: 'Plant B', server: emu().url, role: 'registration', loginId: 'r' }] }));
    const prompts = script(
      s,
      { kind: 'openFile', answer: vscode.Uri.file(good) },
      { kind: 'pick', match: /Where should the definitions go/, choose: 'User Settings' },
      { kind: 'pick', match: /already defines a project named "Team Fleet"/, choose: 'Keep Both' },
    );
    await vscode.commands.executeCommand(Cmd.importProjectDefinitions);
    prompts.assertDone();
    assert.match(prompts.shown.at(-1)?.message ?? '', /Imported 2 project definitions into User Settings/);
    const names = config().inspect<{ name: string }[]>('projects')?.globalValue?.map((d) => d.name);
    assert.deepEqual(names, ['Team Fleet', 'Team Fleet (2)', 'Plant B']);
    await waitFor('the imported projects listed', () => (s.projects.list().filter((p) => p.origin === 'user').length === 3 ? true : undefined));
    const added = await waitFor('the additions recorded', async () => {
      const found = (await s.activity.read()).filter((e) => e.action === 'projectAdded');
      return found.length === 2 ? found : undefined;
    });
    assert.deepEqual(added.map((e) => e.projectName).sort(), ['Plant B', 'Team Fleet (2)']);

    const leaky = path.join(dir, 'leaky.json');
    await writeFile(leaky, JSON.stringify([{ name: 'Leaky', server: 'sandbox', role: 'basic', loginId: 'c', password: 'Leaked-Pw-1' }]));
    const refused = script(s, { kind: 'openFile', answer: vscode.Uri.file(leaky) });
    await vscode.commands.executeCommand(Cmd.importProjectDefinitions);
    refused.assertDone();
    const error = refused.shown.find((m) => m.level === 'error');
    assert.match(error?.message ?? '', /Entry 1 \("Leaky"\): it holds password; a project definition never holds a secret/);
    assert.ok(!error?.message.includes('Leaked-Pw-1'));
    assert.equal(config().inspect<unknown[]>('projects')?.globalValue?.length, 3, 'nothing imported');
  });
});
