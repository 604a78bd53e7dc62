import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Cmd } from '../../src/contributes';
import { services } from './helpers/world';

describe('commands', () => {
  it('registers exactly the ids in code and in package.json', async () => {
    const s = await services();
    const pkg = JSON.parse(fs.readFileSync(path.join(s.context.extensionPath, 'package.json'), 'utf8')) as {
      contributes: { commands: { command: string }[] };
    };
    // VS Code adds `mediumOne.users.focus` and the like for the view itself: only our own ids count.
    const registered = (await vscode.commands.getCommands(true)).filter((c) => /^mediumOne\.[A-Za-z]+$/.test(c)).sort();
    const inCode = Object.values(Cmd).sort();
    assert.deepEqual(registered, inCode);
    assert.deepEqual(pkg.contributes.commands.map((c) => c.command).sort(), inCode);
  });
});
