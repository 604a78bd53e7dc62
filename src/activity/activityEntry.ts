/** What the extension changed: one kind per command that changes a server or the project list. */
export type ActivityAction = 'create' | 'changePassword' | 'enable' | 'disable' | 'delete' | 'importRow' | 'projectAdded' | 'projectRemoved';

/** As the summary said it: 'mayHaveBeenApplied' is a failure whose answer was lost after the call may have landed. */
export type ActivityOutcome = 'succeeded' | 'failed' | 'mayHaveBeenApplied' | 'notRun';

/** One line of the activity history (activity.jsonl): never a secret (every string passes the SecretRedactor). */
export interface ActivityEntry {
  /** Unique. */
  id: string;
  /** ISO 8601 UTC. */
  time: string;
  action: ActivityAction;
  projectId: string;
  projectName: string;
  /**
   * The project's server (its base URL, never credentials) when the change was made. Edit Project may point a project
   * at another server later; Undo acts only where the change was made. Absent in entries written before it was kept.
   */
  server?: string;
  /** One entry per user per change; absent for project entries. */
  loginId?: string;
  outcome: ActivityOutcome;
  /** Why it failed or what was left, in the words the user was shown; never a secret. */
  reason?: string;
  /** Entries of one command run (a bulk run, an import) share it. */
  runId?: string;
  /** The id of the entry this one undid. */
  undoOf?: string;
}

/** What a command hands to ActivityLog.record: the log adds the id and the time. */
export type NewActivity = Omit<ActivityEntry, 'id' | 'time'>;

export const ACTIVITY_FIELDS = ['id', 'time', 'action', 'projectId', 'projectName', 'server', 'loginId', 'outcome', 'reason', 'runId', 'undoOf'] as const satisfies readonly (keyof ActivityEntry)[];

/** A line read back, or undefined when it is not an entry (a line torn by a crash mid-write, or edited by hand). */
export function parseActivityLine(line: string): ActivityEntry | undefined {
  if (!line.trim()) return undefined;
  try {
    const v = JSON.parse(line) as Partial<ActivityEntry> | null;
    const ok = v && typeof v === 'object' && typeof v.id === 'string' && typeof v.time === 'string' && typeof v.action === 'string'
      && typeof v.projectId === 'string' && typeof v.outcome === 'string';
    return ok ? (v as ActivityEntry) : undefined;
  } catch {
    return undefined;
  }
}
