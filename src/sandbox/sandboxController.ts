import * as path from 'path';
import * as vscode from 'vscode';
import type { Emulator, EmulatorOptions, EmulatorSeed } from '../emulator/types';
import { SANDBOX_PROJECT_ID, type Project } from '../projects/project';
import type { ProjectStore } from '../projects/projectStore';
import type { Logger } from '../log/logger';

interface EmulatorModule {
  startEmulator(options?: EmulatorOptions): Promise<Emulator>;
  defaultSeed(): EmulatorSeed;
}

/** The seeded Business account the Local Sandbox project signs in as (documented in the README). */
const SANDBOX_ADMIN = { loginId: 'admin@sandbox.local', password: 'Sandbox-admin-1', apiKey: 'm1-sandbox-key' };

/**
 * Runs the bundled emulator inside the extension host, on a free loopback port, with its state kept
 * in the extension's global storage. The emulator is a separate bundle, loaded only here, so it costs
 * nothing at activation.
 */
export class SandboxController implements vscode.Disposable {
  private emulator: Emulator | undefined;
  private readonly changed = new vscode.EventEmitter<boolean>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly extensionPath: string,
    private readonly storageUri: vscode.Uri,
    private readonly projects: ProjectStore,
    private readonly log: Logger,
  ) {}

  get running(): boolean {
    return this.emulator !== undefined;
  }

  get url(): string | undefined {
    return this.emulator?.url;
  }

  /** The running sandbox's own MQTT broker (plain TCP on loopback), where its devices' snippets connect. */
  get mqttEndpoint(): { host: string; port: number; tls: false } | undefined {
    const port = this.emulator?.mqttPort;
    return this.emulator && port !== undefined ? { host: new URL(this.emulator.url).hostname, port, tls: false } : undefined;
  }

  /** Starts the emulator (or returns the running one) and points the "Local Sandbox" project at it. */
  async start(): Promise<Project> {
    if (!this.emulator) {
      await vscode.workspace.fs.createDirectory(this.storageUri);
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the emulator bundle is loaded on demand
      const mod = require(path.join(this.extensionPath, 'dist', 'emulator.js')) as EmulatorModule;
      this.emulator = await mod.startEmulator({
        port: 0,
        host: '127.0.0.1',
        seed: mod.defaultSeed(),
        // Devices connect too: the MQTT snippets of sandbox users run against it as they would against Medium One.
        mqtt: { port: 0 },
        persistPath: vscode.Uri.joinPath(this.storageUri, 'sandbox-state.json').fsPath,
        log: (line) => this.log.trace(line),
      });
      this.log.info(`Local Sandbox listening on ${this.emulator.url}`);
    }
    const existing = this.projects.get(SANDBOX_PROJECT_ID);
    const project: Project = {
      id: SANDBOX_PROJECT_ID,
      name: existing?.name ?? 'Local Sandbox',
      baseUrl: this.emulator.url,
      role: 'business',
      loginId: SANDBOX_ADMIN.loginId,
      // The seed has one project: its MQTT id makes the MQTT snippets and credentials files complete with no question.
      mqttId: this.emulator.projects()[0]?.mqttId ?? existing?.mqttId,
      production: false,
      sandbox: true,
    };
    await this.projects.save(project, { password: SANDBOX_ADMIN.password, apiKey: SANDBOX_ADMIN.apiKey });
    this.changed.fire(true);
    return project;
  }

  async stop(): Promise<boolean> {
    const emulator = this.emulator;
    if (!emulator) return false;
    this.emulator = undefined;
    await emulator.stop();
    this.log.info('Local Sandbox stopped');
    this.changed.fire(false);
    return true;
  }

  dispose(): void {
    void this.stop();
    this.changed.dispose();
  }
}
