import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Cmd } from '../../src/contributes';
import type { EditProjectHost } from '../../src/webviews/host/editProjectPanel';
import { projectNode } from '../../src/tree/nodes';
import { addProject, SANDBOX, script, services, startEmulator, statesRead, useEmulator } from './helpers/world';

// Edit Project is where a project's stored credentials could be pointed elsewhere, or a typed URL echoed.
describe('security: Edit Project', () => {
  const emu = useEmulator();

  it('stored credentials go only to the server they were entered for: a new server needs them typed again', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    const other = await startEmulator();
    try {
      script(s);
      const host = await vscode.commands.executeCommand<EditProjectHost>(Cmd.editProject, projectNode(project));
      const values = { name: project.name, baseUrl: other.url, role: 'business' as const, loginId: SANDBOX.admin, production: false };
      const refused = await host.save(values, { skipConnectionTest: false });
      assert.equal(refused?.field, 'password');
      assert.match(refused?.message ?? '', /The server changed to 127\.0\.0\.1:\d+: enter the password and the API key for it/);
      assert.deepEqual(other.calls(), [], 'the other server received nothing, not even a sign-in');
      assert.equal(s.projects.get(project.id)?.baseUrl, emu().url, 'nothing saved');

      assert.equal(await host.save({ ...values, password: SANDBOX.adminPassword, apiKey: SANDBOX.apiKey }, { skipConnectionTest: false }), undefined);
      assert.equal(s.projects.get(project.id)?.baseUrl, other.url);
      assert.deepEqual(other.calls().map((c) => [c.method, c.path, c.status]), [['POST', '/v2/login', 200]]);
    } finally {
      await other.stop();
    }
  });

  it('a base URL with user-info or a query is refused without quoting either', async () => {
    const s = await services();
    const project = await addProject(s, emu());
    // The view may be listing the new project: let it finish, so the calls below are the form's alone.
    await statesRead(s, project);
    emu().clearCalls();
    script(s);
    const host = await vscode.commands.executeCommand<EditProjectHost>(Cmd.editProject, projectNode(project));
    const values = { name: project.name, role: 'business' as const, loginId: SANDBOX.admin, production: false };
    for (const baseUrl of [`http://admin:Form-Secret-1@${emu().url.slice(7)}`, `${emu().url}/?token=Form-Secret-2`]) {
      const refused = await host.save({ ...values, baseUrl }, { skipConnectionTest: false });
      assert.equal(refused?.field, 'baseUrl');
      assert.match(refused?.message ?? '', /must not contain a (user name or password|query)/);
      assert.doesNotMatch(refused?.message ?? '', /Form-Secret|admin:|token=/);
    }
    assert.deepEqual(emu().calls().filter((c) => c.path !== '/v2/login'), []);
  });
});
