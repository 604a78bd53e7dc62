import { MediumOneClient } from '../api/client';
import { MediumOneError } from '../api/errors';
import type { ApiLogger } from '../api/types';
import type { Project, ProjectSecrets } from './project';
import type { ProjectStore } from './projectStore';

/**
 * One API client (and so one cookie session) per project, created on first use and dropped when the
 * project's URL or credentials change. Secrets are read from SecretStorage only when a login needs them.
 */
export class ClientRegistry {
  private readonly clients = new Map<string, { baseUrl: string; role: Project['role']; client: MediumOneClient }>();
  /** One question at a time per project, however many calls need its secrets at once. */
  private readonly asking = new Map<string, Promise<ProjectSecrets | undefined>>();
  /**
   * Asks for the password and API key of a project from settings, which has none until first used; resolves to
   * undefined when the user cancels. Set when the commands are registered (the prompts live in the teams bundle).
   */
  askForMissingSecrets?: (project: Project) => Promise<ProjectSecrets | undefined>;

  constructor(
    /** Only the secrets: the registry reads them when a login needs them. */
    private readonly store: Pick<ProjectStore, 'getSecrets'>,
    private readonly logger: ApiLogger,
    private readonly timeoutMs: () => number,
  ) {}

  // eslint-disable-next-line @typescript-eslint/require-await -- async so a bad URL rejects like every other failure
  async for(project: Project): Promise<MediumOneClient> {
    const known = this.clients.get(project.id);
    if (known && known.baseUrl === project.baseUrl && known.role === project.role) return known.client;
    const client = new MediumOneClient({
      baseUrl: project.baseUrl,
      // The role tells a 403 "no such user" from "not permitted" on servers that use 403 for both.
      role: project.role,
      logger: this.logger,
      timeoutMs: this.timeoutMs(),
      credentials: async () => {
        const secrets = (await this.store.getSecrets(project.id)) ?? (project.origin ? await this.askOnce(project) : undefined);
        if (!secrets) {
          throw new MediumOneError({
            kind: 'loginFailed',
            method: 'POST',
            path: '/v2/login',
            message: `No password or API key is stored for "${project.name}". Edit the project to enter them.`,
          });
        }
        return { loginId: project.loginId, password: secrets.password, apiKey: secrets.apiKey };
      },
    });
    this.clients.set(project.id, { baseUrl: project.baseUrl, role: project.role, client });
    return client;
  }

  /**
   * Signs in once with these (possibly unsaved) settings, on a throwaway client with the registry's logger and
   * timeout: nothing is kept, and nothing is retried after a refusal.
   */
  async probe(target: Pick<Project, 'baseUrl' | 'loginId'>, secrets: ProjectSecrets): Promise<void> {
    const client = new MediumOneClient({
      baseUrl: target.baseUrl,
      logger: this.logger,
      timeoutMs: this.timeoutMs(),
      credentials: () => ({ loginId: target.loginId, password: secrets.password, apiKey: secrets.apiKey }),
    });
    await client.login();
  }

  private askOnce(project: Project): Promise<ProjectSecrets | undefined> {
    const ask = this.askForMissingSecrets;
    if (!ask) return Promise.resolve(undefined);
    let pending = this.asking.get(project.id);
    if (!pending) {
      pending = ask(project).finally(() => this.asking.delete(project.id));
      this.asking.set(project.id, pending);
    }
    // Cancelled: the command stops silently, like any cancelled prompt.
    return pending.then((secrets) => secrets ?? Promise.reject(new MediumOneError({ kind: 'cancelled', method: 'POST', path: '/v2/login', message: 'The sign-in was cancelled.' })));
  }

  /** Forget the session, e.g. after the credentials were edited or the project removed. */
  forget(projectId: string): void {
    this.clients.get(projectId)?.client.signOut();
    this.clients.delete(projectId);
  }
}
