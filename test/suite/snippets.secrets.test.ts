// Copy Connection Snippet (reviewer R1's fixes): a snippet holding the API key is never offered in an untitled
// editor (VS Code backs those up to disk), and an MQTT snippet the account cannot complete says why without a call.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Cmd } from '../../src/contributes';
import { userNode } from '../../src/tree/nodes';
import { addProject, script, services, useEmulator, waitFor } from './helpers/world';
import { businessProject, snippetSteps } from './helpers/provisioning';

const P = 'Local Sandbox';
const OPEN = 'Open in Editor';

describe('provisioning: Copy Connection Snippet, secrets and unknown MQTT ids', () => {
  const emu = useEmulator();

  for (const secrets of ['placeholders', 'key'] as const) {
    it(`with ${secrets === 'key' ? 'the API key included: NO' : 'placeholders: an'} "${OPEN}" action on the copied message`, async () => {
      const { s, row } = await businessProject(emu());
      const prompts = script(s, ...snippetSteps('curl', secrets));
      const offered: string[][] = [];
      prompts.respond = (shown, actions) => {
        if (shown.level === 'info') offered.push(actions);
        return undefined;
      };
      await vscode.commands.executeCommand(Cmd.copyConnectionSnippet, await row('device-001'));
      prompts.assertDone();
      await waitFor('the copied message', () => offered.length > 0);
      assert.match(prompts.shown.at(-1)?.message ?? '', /^Copied the REST — cURL snippet for "device-001"/);
      assert.equal(offered[0].includes(OPEN), secrets === 'placeholders', `actions: ${JSON.stringify(offered[0])}`);
    });
  }

  it('MQTT snippet for a Registration project\'s row without an mqtt_id: says the account may not read it; no user read', async () => {
    const s = await services();
    const project = await addProject(s, emu(), 'registration', { mqttId: emu().projectMqttId(P) });
    const prompts = script(s, ...snippetSteps('mosquitto'));
    const reads = () => emu().calls().filter((c) => c.method === 'GET' && c.path.startsWith('/v2/users/device-001'));
    const before = reads().length;
    await vscode.commands.executeCommand(Cmd.copyConnectionSnippet, userNode(project, { loginId: 'device-001', state: 'unknown', tracked: true }));
    prompts.assertDone();
    const error = await waitFor('the error', () => prompts.shown.find((m) => m.level === 'error'));
    assert.match(error.message, new RegExp(`The MQTT id of "device-001" is not known, and the Registration account of ${project.name} may not read users to learn it`));
    assert.equal(reads().length, before, 'no GET /v2/users/device-001');
  });
});
