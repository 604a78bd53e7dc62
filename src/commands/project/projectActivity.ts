import type { Services } from '../../services';
import type { Project } from '../../projects/project';

/** Records projects added or removed in the activity history: id, name and server where known, never a secret. */
export function recordProjects(s: Services, action: 'projectAdded' | 'projectRemoved', projects: readonly (Pick<Project, 'id' | 'name'> & Partial<Pick<Project, 'baseUrl'>>)[], reason?: string): void {
  if (projects.length === 0) return;
  const runId = projects.length > 1 ? s.activity.newRunId() : undefined;
  void s.activity.record(projects.map((p) => ({ action, projectId: p.id, projectName: p.name, ...(p.baseUrl ? { server: p.baseUrl } : {}), outcome: 'succeeded' as const, ...(reason ? { reason } : {}), ...(runId ? { runId } : {}) })));
}
