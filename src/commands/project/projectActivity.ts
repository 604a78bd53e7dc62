import type { Services } from '../../services';
import type { Project } from '../../projects/project';
import type { ActivityLog } from '../../activity/activityLog';

/**
 * Records projects added or removed in the activity history (never a secret: id and name only). `activity` is read
 * loosely so these commands work in a window whose services have no history yet.
 */
export function recordProjects(s: Services, action: 'projectAdded' | 'projectRemoved', projects: readonly Pick<Project, 'id' | 'name'>[], reason?: string): void {
  const log = (s as Services & { activity?: ActivityLog }).activity;
  if (!log || projects.length === 0) return;
  const runId = projects.length > 1 ? log.newRunId() : undefined;
  void log.record(projects.map((p) => ({ action, projectId: p.id, projectName: p.name, outcome: 'succeeded' as const, ...(reason ? { reason } : {}), ...(runId ? { runId } : {}) })));
}
