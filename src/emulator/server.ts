import type { CallRecord, EmulatedEvent, EmulatedProject, EmulatedUser, Emulator, EmulatorOptions, EmulatorSeed, RuntimeSettings, SeedBasicUser } from './types';
import { EmulatorState, publicUser } from './state';
import { Sessions } from './sessions';
import { isLoopbackAddress } from './http';
import type { ApiContext } from './routes';
import { defaultSeed } from './seed';
import { SETTING_KEYS } from './validate';
import { CallLog } from './callLog';
import { listen, type Listening } from './listener';
import { PendingTimers } from './pendingTimers';
import { requestHandler } from './requestHandler';
import { SettingsInForce } from './settingsInForce';
import { EventStore } from './events';
import { startBroker } from './mqtt/broker';

/** Starts the emulator on loopback. Port 0 (default) picks a free port. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? '127.0.0.1';
  // It serves a sandbox with well-known passwords and a control route: never reachable from another machine.
  if (host !== 'localhost' && !isLoopbackAddress(host)) {
    throw new Error(`The emulator listens on loopback only (127.0.0.0/8, ::1 or localhost), not "${host}".`);
  }
  const startSeed = options.seed ?? defaultSeed();
  const settings = new SettingsInForce(Object.fromEntries(SETTING_KEYS.map((k) => [k, options[k]])));
  const timers = new PendingTimers();
  const api: ApiContext = {
    state: new EmulatorState(startSeed, options.persistPath),
    sessions: new Sessions(),
    pending: new Set<string>(),
    events: new EventStore(),
    settings: () => settings.effective(),
    acceptCreate: () => settings.acceptCreate(),
    schedule: (ms, fn) => timers.schedule(ms, fn),
  };
  const calls = new CallLog();
  // The control route drives the in-process emulator, which has its address only once the server listens.
  const running: { emulator?: Emulator } = {};
  const handle = requestHandler({
    api,
    settings,
    calls,
    controlled: () => {
      if (!running.emulator) throw new Error('The emulator is still starting.');
      return running.emulator;
    },
    snapshot: () => ({ projects: api.state.all().map((p) => ({ name: p.name, mqttId: p.mqttId, users: [...p.users.values()].map(publicUser) })) }),
    log: options.log,
  });
  const listening = await listen(host, options.port ?? 0, handle);
  let mqtt: Listening | undefined;
  if (options.mqtt) {
    const broker = { state: api.state, events: api.events, calls, log: options.log };
    mqtt = await startBroker(host, options.mqtt.port ?? 0, broker).catch(async (e: unknown) => {
      await listening.close();
      throw new Error(`The emulator's MQTT broker cannot listen on ${host}:${options.mqtt?.port ?? 0}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    });
  }
  const urlHost = host.includes(':') ? `[${host}]` : host;
  running.emulator = new RunningEmulator(`http://${urlHost}:${listening.port}`, listening, { api, settings, timers, calls, startSeed, mqtt });
  return running.emulator;
}

interface EmulatorParts {
  api: ApiContext;
  settings: SettingsInForce;
  timers: PendingTimers;
  calls: CallLog;
  /** What `reset()` without a seed goes back to. */
  startSeed: EmulatorSeed;
  /** The MQTT broker, when started with one. */
  mqtt?: Listening;
}

/** A started emulator, as tests, the CLI and the Local Sandbox drive it in process (see the Emulator contract). */
class RunningEmulator implements Emulator {
  readonly port: number;
  readonly mqttPort: number | undefined;

  constructor(
    readonly url: string,
    private readonly listening: Listening,
    private readonly parts: EmulatorParts,
  ) {
    this.port = listening.port;
    this.mqttPort = parts.mqtt?.port;
  }

  configure(settings: RuntimeSettings): void {
    this.parts.settings.configure(settings);
  }
  useProfiles(names: string | string[]): void {
    this.parts.settings.useProfiles(names);
  }
  expireSessions(): void {
    this.parts.api.sessions.expireAll();
  }
  clearLockouts(): void {
    this.parts.api.sessions.clearLockouts();
  }

  listUsers(project: string): EmulatedUser[] {
    return [...this.users(project).values()].map(publicUser).sort((a, b) => (a.loginId < b.loginId ? -1 : 1));
  }
  getUser(project: string, loginId: string): EmulatedUser | undefined {
    const u = this.users(project).get(loginId);
    return u && publicUser(u);
  }
  checkPassword(project: string, loginId: string, password: string): boolean {
    return this.users(project).get(loginId)?.password === password;
  }
  putUser(project: string, user: SeedBasicUser): void {
    this.parts.api.state.putUser(project, user);
  }
  setDisabled(project: string, loginId: string, disabled: boolean): void {
    const u = this.users(project).get(loginId);
    if (!u) throw new Error(`The emulator has no user "${loginId}" in "${project}".`);
    u.disabled = disabled;
    this.parts.api.state.save();
  }
  removeUser(project: string, loginId: string): void {
    this.users(project).delete(loginId);
    this.parts.api.events.removeUser(project, loginId);
    this.parts.api.state.save();
  }

  projects(): EmulatedProject[] {
    return this.parts.api.state.all().map((p) => ({ name: p.name, mqttId: p.mqttId }));
  }
  projectMqttId(project: string): string {
    return this.parts.api.state.requireProject(project).mqttId;
  }
  events(project: string, loginId: string, stream = 'raw'): EmulatedEvent[] {
    this.parts.api.state.requireProject(project);
    return this.parts.api.events.list(project, loginId, stream);
  }

  calls(): CallRecord[] {
    return this.parts.calls.all();
  }
  clearCalls(): void {
    this.parts.calls.clear();
  }

  reset(seed?: EmulatorSeed): void {
    const { api, settings, timers, calls, startSeed } = this.parts;
    // Load first: a seed that fails its check leaves everything as it was.
    api.state.load(seed ?? startSeed);
    api.events.clear();
    // A 202 creation still pending belongs to the old state: it must not land in the new one.
    timers.cancelAll();
    api.sessions.expireAll();
    api.sessions.clearLockouts();
    api.pending.clear();
    calls.clear();
    settings.restore();
  }

  async stop(): Promise<void> {
    this.parts.timers.cancelAll();
    await Promise.all([this.listening.close(), this.parts.mqtt?.close()]);
  }

  private users(project: string) {
    return this.parts.api.state.requireProject(project).users;
  }
}
