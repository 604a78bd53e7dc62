import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { registerCommand } from '../../src/commands/registerCommand';
import type { CommandId } from '../../src/contributes';
import type { Services } from '../../src/services';
import { services } from './helpers/world';

// executeCommand hands a command's result to whichever extension called it: outside ExtensionMode.Test the
// registration wrapper must hand back nothing (a form's host, say, would let it create users with no prompt).
describe('security: command results', () => {
  const run = async (mode: vscode.ExtensionMode, id: string): Promise<unknown> => {
    const s = await services();
    const inMode: Services = { ...s, context: { extensionMode: mode } as vscode.ExtensionContext };
    const secretBearing = { submit: () => 'would create a user', projects: s.projects };
    const registration = registerCommand(inMode, id as CommandId, () => secretBearing);
    try {
      return await vscode.commands.executeCommand(id);
    } finally {
      registration.dispose();
    }
  };

  it('reach no caller in Production or Development mode', async () => {
    assert.equal(await run(vscode.ExtensionMode.Production, 'mediumOne.securityProbe.production'), undefined);
    assert.equal(await run(vscode.ExtensionMode.Development, 'mediumOne.securityProbe.development'), undefined);
  });

  it('reach the extension-host tests in Test mode (so the probe above can fail)', async () => {
    const result = await run(vscode.ExtensionMode.Test, 'mediumOne.securityProbe.test');
    assert.ok(result && typeof result === 'object' && 'submit' in result);
  });
});
