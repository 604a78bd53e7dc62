#!/usr/bin/env node
// `npm run demo [-- --port 8080 --theme dark]`: the product as a user meets it. Builds and packages the .vsix,
// installs it into a fresh code-server profile, opens a workspace folder with the Local Sandbox starting at once,
// prints the URL and stops cleanly on Ctrl+C.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { provisionEditor } from './provision-editor.mjs';
import { startCodeServer } from './editor/codeServer.mjs';
import { e2eCacheDir, tempRoot } from './editor/paths.mjs';
import { npx, runCommand, step, vscePackageArgs } from './editor/steps.mjs';

const { values: args } = parseArgs({
  options: { port: { type: 'string', default: '8080' }, theme: { type: 'string', default: 'dark' } },
});
const port = Number(args.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`--port must be a port number (got ${args.port}).`);
  process.exit(2);
}

await step('demo', 'editor provisioned', () => provisionEditor());
const vsix = path.join(e2eCacheDir, 'demo.vsix');
mkdirSync(e2eCacheDir, { recursive: true });
await step('demo', 'extension packaged', () => runCommand(npx, vscePackageArgs(vsix)));

const folder = mkdtempSync(path.join(tempRoot(), 'm1-demo-'));
const workspace = path.join(folder, 'my-iot-project');
mkdirSync(workspace);
writeFileSync(path.join(workspace, 'README.md'), '# My IoT project\n\nOpen the **Medium One** view in the activity bar: the Local Sandbox is running with its users.\n');

const server = await step('demo', 'code-server started', () =>
  startCodeServer({
    port,
    theme: args.theme,
    vsix,
    settings: { 'mediumOne.localSandbox.autoStart': true },
  }),
).catch((e) => {
  console.error(`\nCould not start code-server on 127.0.0.1:${port}: ${e.message}\nIs the port taken? Try \`npm run demo -- --port 8081\`.`);
  process.exit(1);
});

const url = `${server.origin}/?folder=${encodeURIComponent(workspace)}`;
console.log(`\nMedium One API Users is running in VS Code (code-server):\n\n    ${url}\n`);
console.log('Open the "Medium One" icon in the activity bar. The Local Sandbox starts with the editor; its users are');
console.log('device-001 … device-005 (device-004 disabled). Press Ctrl+C to stop.\n');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
