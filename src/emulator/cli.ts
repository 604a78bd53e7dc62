// `npm run emulator -- --port 8787 [--mqtt-port 1883 | --no-mqtt] [--host 127.0.0.1] [--seed FILE] [--persist FILE] [--accepted-delay MS] [--latency MS] [--profile NAME[,NAME…]]…`
import * as fs from 'fs';
import { parseArgs } from 'util';
import { startEmulator } from './server';
import { defaultSeed } from './seed';
import { readSeedFile } from './state';
import { emulatorProfiles, profileSettings } from './profiles';
import type { Emulator, EmulatorOptions, EmulatorSeed } from './types';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      'mqtt-port': { type: 'string' },
      'no-mqtt': { type: 'boolean', default: false },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string' },
      persist: { type: 'string' },
      'accepted-delay': { type: 'string' },
      latency: { type: 'string' },
      profile: { type: 'string', multiple: true, default: [] },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log('Usage: npm run emulator -- [--port 8787] [--mqtt-port 1883 (default: 1883 or the next free port) | --no-mqtt] [--host 127.0.0.1] [--seed FILE] [--persist FILE] [--accepted-delay MS] [--latency MS]');
    console.log('                           [--profile NAME[,NAME…]]… [--quiet]\n');
    console.log('Profiles (combine them: --profile login-ids,several-cookies or --profile a --profile b):');
    const width = Math.max(...Object.keys(emulatorProfiles).map((n) => n.length));
    for (const [name, p] of Object.entries(emulatorProfiles)) console.log(`  ${name.padEnd(width)}  ${p.description}`);
    return;
  }
  // Checked before anything starts: an unknown name exits 1 naming it and the valid ones.
  const profiles = values.profile.flatMap((p) => p.split(',')).map((p) => p.trim()).filter((p) => p !== '');
  const fromProfiles = profileSettings(profiles);
  const seed: EmulatorSeed = values.seed ? readSeedFile(values.seed) : defaultSeed();
  // A persist file that exists wins over the seed: print the accounts the emulator will really hold.
  const shown = values.persist && fs.existsSync(values.persist) ? readSeedFile(values.persist) : seed;
  const acceptedDelay = values['accepted-delay'];
  const mqttPort = values['mqtt-port'] !== undefined ? whole('--mqtt-port', values['mqtt-port'], 65535) : undefined;
  const options: EmulatorOptions = {
    ...fromProfiles,
    port: whole('--port', values.port, 65535),
    host: values.host,
    seed,
    persistPath: values.persist,
    // --accepted-delay changes a profile's delay and keeps its share.
    acceptedCreation: acceptedDelay !== undefined ? { ...fromProfiles.acceptedCreation, delayMs: whole('--accepted-delay', acceptedDelay) } : fromProfiles.acceptedCreation,
    faults: values.latency !== undefined ? { latencyMs: whole('--latency', values.latency) } : undefined,
    log: values.quiet ? undefined : (line) => console.log(line),
  };
  const emulator = values['no-mqtt'] ? await startEmulator(options) : await startWithMqtt(options, mqttPort);
  // Before anything is printed: a tool that stops us as soon as it reads the banner must get a clean exit.
  const stop = () => {
    void emulator.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.log(`Medium One emulator listening on ${emulator.url}`);
  console.log(`Profile: ${profiles.length > 0 ? profiles.join(', ') : 'objects (default)'}`);
  console.log(`Control route (loopback, header X-Emulator-Control: 1): ${emulator.url}/__emulator/state`);
  for (const p of shown.projects) {
    console.log(`\nProject "${p.name}"  api_key: ${p.apiKeys.join(', ')}  project MQTT id: ${emulator.projectMqttId(p.name)}`);
    for (const a of p.admins) console.log(`  ${a.role.padEnd(12)} ${a.loginId} / ${a.password}`);
    const users = p.users.slice(0, 8).map((u) => `${u.loginId}${u.disabled ? ' (disabled)' : ''}`);
    const shared = new Set(p.users.map((u) => u.password)).size === 1 ? ` / ${p.users[0].password}` : '';
    console.log(`  basic users  ${users.join(', ')}${p.users.length > 8 ? ', …' : ''}${shared}`);
  }
  const example = shown.projects.flatMap((p) => p.admins.map((a) => ({ login_id: a.loginId, password: a.password, api_key: p.apiKeys[0] })))[0];
  if (emulator.mqttPort !== undefined) printMqtt(emulator, emulator.mqttPort, values.host, shown);
  if (example) console.log(`\nTry: curl -i -c /tmp/m1-cookies -X POST -d '${JSON.stringify(example)}' ${emulator.url}/v2/login`);
  console.log('');
}

/** How a device connects to the MQTT broker, with the first enabled user of the first project as the example. */
function printMqtt(emulator: Emulator, port: number, host: string, shown: EmulatorSeed): void {
  console.log(`\nMQTT broker (MQTT 3.1.1, no TLS, loopback only): host ${host} port ${port}`);
  console.log('  username <project MQTT id>/<user MQTT id>, password <api_key>/<user password>, client id at most 32 characters');
  console.log('  publish {"event_data": {...}, "stream"?: "raw"} to 0/<project MQTT id>/<user MQTT id>/<device id>');
  const project = shown.projects[0];
  const users = project ? emulator.listUsers(project.name) : [];
  const device = project?.users.find((u) => !u.disabled);
  const mqttId = users.find((u) => u.loginId === device?.loginId)?.mqttId;
  if (!project || !device || !mqttId) return;
  console.log(`  "${project.name}" user MQTT ids: ${users.slice(0, 8).map((u) => `${u.loginId} ${u.mqttId}`).join(', ')}${users.length > 8 ? ', …' : ''}`);
  const username = `${emulator.projectMqttId(project.name)}/${mqttId}`;
  console.log(
    `\nTry: mosquitto_pub -h ${host} -p ${port} -i '${username}' -u '${username}' -P '${project.apiKeys[0]}/${device.password}' ` +
      `-t '0/${username}/vscode-device' -q 1 -m '{"event_data": {"test": true}}'`,
  );
}

/**
 * Starts the emulator with its MQTT broker on `port`, or when none is given on 1883 or the next free port (a
 * real broker, or another emulator, may hold 1883).
 */
async function startWithMqtt(options: EmulatorOptions, port: number | undefined): Promise<Emulator> {
  if (port !== undefined) return startEmulator({ ...options, mqtt: { port } });
  for (let candidate = 1883; ; candidate++) {
    try {
      return await startEmulator({ ...options, mqtt: { port: candidate } });
    } catch (e) {
      const taken = e instanceof Error && (e.cause as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';
      if (!taken || candidate >= 1902) throw e;
    }
  }
}

/** A whole number of ms (or a port), or a clear error naming the option. */
function whole(option: string, value: string, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > max) throw new Error(`${option} must be a whole number from 0 to ${max}, not "${value}"`);
  return n;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
