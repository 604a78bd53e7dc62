import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, services } from './helpers/world';

// The unit suite (test/unit/security/extensionExports.test.ts) proves what a Production or Development host exports;
// this proves the extension-host runner really is a Test host, so the services seam opens here and nowhere else.
describe('security: extension exports', () => {
  it('the extension-host test run is ExtensionMode.Test, and only there do the exports carry the services', async () => {
    const s = await services();
    assert.equal(s.context.extensionMode, vscode.ExtensionMode.Test, `extensionMode is ${vscode.ExtensionMode[s.context.extensionMode]}`);
    const ext = vscode.extensions.getExtension<unknown>(EXTENSION_ID);
    assert.ok(ext?.exports && typeof ext.exports === 'object' && 'services' in ext.exports);
    assert.deepEqual(Object.keys(ext.exports), ['services']);
  });
});
