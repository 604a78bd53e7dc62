// `npm run emulator -- --port 8787 [--host 127.0.0.1] [--seed FILE] [--persist FILE] [--accepted-delay MS] [--latency MS]`
import * as fs from 'fs';
import { parseArgs } from 'util';
import { startEmulator } from './server';
import { defaultSeed } from './seed';
import type { EmulatorSeed } from './types';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string' },
      persist: { type: 'string' },
      'accepted-delay': { type: 'string' },
      latency: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log('Usage: npm run emulator -- [--port 8787] [--host 127.0.0.1] [--seed FILE] [--persist FILE] [--accepted-delay MS] [--latency MS] [--quiet]');
    return;
  }
  const seed: EmulatorSeed = values.seed ? (JSON.parse(fs.readFileSync(values.seed, 'utf8')) as EmulatorSeed) : defaultSeed();
  const emulator = await startEmulator({
    port: Number(values.port),
    host: values.host,
    seed,
    persistPath: values.persist,
    acceptedCreation: values['accepted-delay'] ? { delayMs: Number(values['accepted-delay']) } : undefined,
    faults: values.latency ? { latencyMs: Number(values.latency) } : undefined,
    log: values.quiet ? undefined : (line) => console.log(line),
  });
  console.log(`Medium One emulator listening on ${emulator.url}`);
  for (const p of seed.projects) {
    console.log(`\nProject "${p.name}"  api_key: ${p.apiKeys.join(', ')}`);
    for (const a of p.admins) console.log(`  ${a.role.padEnd(12)} ${a.loginId} / ${a.password}`);
    const users = p.users.slice(0, 8).map((u) => `${u.loginId}${u.disabled ? ' (disabled)' : ''}`);
    console.log(`  basic users  ${users.join(', ')}${p.users.length > 8 ? ', …' : ''}${p.users[0] ? ` / ${p.users[0].password}` : ''}`);
  }
  console.log(`\nTry: curl -i -c /tmp/m1-cookies -X POST -d '{"login_id":"admin@sandbox.local","password":"Sandbox-admin-1","api_key":"m1-sandbox-key"}' ${emulator.url}/v2/login\n`);
  const stop = () => {
    void emulator.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
