import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Cmd } from '../../src/contributes';
import type { EditProjectHost } from '../../src/webviews/host/editProjectPanel';
import { projectNode } from '../../src/tree/nodes';
import { addProject, SANDBOX, script, services, useEmulator } from './helpers/world';

describe('projects', () => {
  const emu = useEmulator();

  const custom = (url: string) => [
    { kind: 'pick' as const, match: /server/, choose: 'Custom URL…' },
    { kind: 'input' as const, match: /Base URL/, answer: url, expectInvalid: ['http://api.example.com', 'not a url'] },
  ];

  it('adds a project: a wrong password is named as the cause, the fix is saved, secrets go to SecretStorage only', async () => {
    const s = await services();
    const prompts = script(
      s,
      { kind: 'input', match: /name/, answer: 'Plant A' },
      ...custom(emu().url),
      { kind: 'pick', match: /Role/, choose: 'Business' },
      { kind: 'input', match: /login_id/, answer: SANDBOX.admin },
      { kind: 'input', match: /password/i, answer: 'Wrong-password-9' },
      { kind: 'input', match: /API key/, answer: SANDBOX.apiKey },
      { kind: 'input', match: /MQTT/, answer: '' },
      { kind: 'pick', match: /production/, choose: 'Not production' },
      { kind: 'pick', match: /Sign-in failed: .*(401|credentials|password)/i, choose: 'Re-enter the password' },
      { kind: 'input', match: /password/i, answer: SANDBOX.adminPassword },
    );
    await vscode.commands.executeCommand(Cmd.addProject);
    prompts.assertDone();
    const [project] = s.projects.list();
    assert.equal(project.name, 'Plant A');
    assert.equal(project.baseUrl, emu().url);
    assert.deepEqual(await s.projects.getSecrets(project.id), { password: SANDBOX.adminPassword, apiKey: SANDBOX.apiKey });
    const stored = JSON.stringify(s.context.globalState.keys().map((k) => s.context.globalState.get(k)));
    assert.doesNotMatch(stored, /Sandbox-admin-1|m1-sandbox-key|Wrong-password-9/);
    const logins = emu().calls().filter((c) => c.path === '/v2/login');
    // Status 0: a sign-in of the view still in flight (its answer not sent yet), not a refusal.
    assert.equal(logins.filter((c) => c.status === 401).length, 1, 'one refused login, never retried automatically');
  });

  it('saves anyway when the user says so', async () => {
    const s = await services();
    script(
      s,
      { kind: 'input', answer: 'Offline' },
      ...custom('http://127.0.0.1:9'),
      { kind: 'pick', choose: 'Registration' },
      { kind: 'input', answer: 'reg@x' },
      { kind: 'input', answer: 'Some-pass-1' },
      { kind: 'input', answer: 'key-1' },
      { kind: 'input', answer: 'mqtt-1' },
      { kind: 'pick', choose: 'Production' },
      { kind: 'pick', match: /Sign-in failed/, choose: 'Save anyway' },
    );
    await vscode.commands.executeCommand(Cmd.addProject);
    const [project] = s.projects.list();
    assert.deepEqual([project.name, project.role, project.mqttId, project.production], ['Offline', 'registration', 'mqtt-1', true]);
  });

  it('tests the connection and names a refused sign-in', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    const prompts = script(s);
    await vscode.commands.executeCommand(Cmd.testConnection, projectNode(project));
    assert.match(prompts.shown.at(-1)?.message ?? '', /Signed in to "Test business"/);
    await s.projects.save(project, { password: 'Not-the-password', apiKey: SANDBOX.apiKey });
    await vscode.commands.executeCommand(Cmd.testConnection, projectNode(project));
    const last = prompts.shown.at(-1)!;
    assert.equal(last.level, 'error');
    assert.doesNotMatch(last.message, /Not-the-password/);
  });

  it('edits a project: secrets kept unless retyped, a new API key is tested before saving', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    const prompts = script(s);
    const host = await vscode.commands.executeCommand<EditProjectHost>(Cmd.editProject, projectNode(project));
    assert.deepEqual([host.initial.hasPassword, host.initial.hasApiKey], [true, true]);
    assert.doesNotMatch(JSON.stringify(host.initial), /Sandbox-admin-1|m1-sandbox-key/, 'no secret sent to the webview');
    const values = { name: 'Renamed', baseUrl: emu().url, role: 'business' as const, loginId: SANDBOX.admin, production: true };
    const refused = await host.save({ ...values, apiKey: 'wrong-key' }, { skipConnectionTest: false });
    assert.ok(refused, 'a wrong API key is refused');
    assert.equal((await s.projects.getSecrets(project.id))?.apiKey, SANDBOX.apiKey, 'nothing saved on failure');
    assert.equal(await host.save(values, { skipConnectionTest: false }), undefined);
    const saved = s.projects.get(project.id)!;
    assert.deepEqual([saved.name, saved.production], ['Renamed', true]);
    assert.deepEqual(await s.projects.getSecrets(project.id), { password: SANDBOX.adminPassword, apiKey: SANDBOX.apiKey });
    assert.match(prompts.shown.at(-1)?.message ?? '', /saved/);
  });

  it('removes a project and its secrets after a modal confirmation', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    const prompts = script(s, { kind: 'confirm', match: /Remove project "Test business"/, answer: 'Remove' });
    await vscode.commands.executeCommand(Cmd.removeProject, projectNode(project));
    prompts.assertDone();
    assert.equal(s.projects.get(project.id), undefined);
    assert.equal(await s.context.secrets.get(`mediumOne.project.${project.id}`), undefined);
  });
});
