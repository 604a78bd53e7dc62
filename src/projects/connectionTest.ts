import { MediumOneClient } from '../api/client';
import type { ApiLogger } from '../api/types';
import type { Project, ProjectSecrets } from './project';

/** Signs in once with these (possibly unsaved) settings, on a throwaway client: nothing is retried after a refusal. */
export async function testLogin(project: Pick<Project, 'baseUrl' | 'loginId'>, secrets: ProjectSecrets, logger: ApiLogger, timeoutMs: number): Promise<void> {
  const client = new MediumOneClient({
    baseUrl: project.baseUrl,
    logger,
    timeoutMs,
    credentials: () => ({ loginId: project.loginId, password: secrets.password, apiKey: secrets.apiKey }),
  });
  await client.login();
}
