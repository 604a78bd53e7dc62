import { randomUUID } from 'node:crypto';
import { Emitter } from '../util/emitter';
import { l10n } from '../util/l10n';
import type { ActivityEntry, NewActivity } from './activityEntry';

/** What does the disk work: src/activity/activityFiles.ts, loaded on demand (see openActivityLog.ts). */
export type ActivityFiles = typeof import('./activityFiles');

export interface ActivityLogOptions {
  /** The size past which activity.jsonl is rotated (read on each write, so a settings change applies at once). */
  maxFileBytes: () => number;
  /** Every string field passes here before it is written (the SecretRedactor's redact). */
  redact: (text: string) => string;
  /** The file code; asked on the first write or read. */
  files: () => ActivityFiles;
  /** Told the first time a write fails, and again only after a write has worked since (the command that recorded is not). */
  onError?: (message: string) => void;
  /** Rotated files kept besides activity.jsonl: activity.1.jsonl (newest) … activity.<keep>.jsonl. */
  keep?: number;
}

/**
 * The activity history: JSON lines in `dir` (the extension's global storage), appended one batch per record() and
 * never two at once (a bulk run's hundreds of rows are one write, and two runs' batches do not interleave), rotated
 * by size. Knows nothing of VS Code, so unit tests drive it on a temporary folder.
 */
export class ActivityLog {
  private readonly emitter = new Emitter<void>();
  /** Fires after each batch is on disk (the Show Activity view refreshes). */
  readonly onDidRecord = this.emitter.event;
  private writing: Promise<void> = Promise.resolve();
  private warned = false;
  private tailChecked = false;

  constructor(readonly dir: string, private readonly options: ActivityLogOptions) {}

  newRunId(): string {
    return randomUUID();
  }

  /** Never rejects: a history that cannot be written must not fail the change it records. */
  record(entries: readonly NewActivity[]): Promise<void> {
    if (entries.length === 0) return this.writing;
    const time = new Date().toISOString();
    const stamped = entries.map((e): ActivityEntry => ({ ...e, id: randomUUID(), time }));
    const o = this.options;
    this.writing = this.writing
      .then(() => o.files().append(this.dir, stamped, { maxFileBytes: o.maxFileBytes, redact: o.redact, keep: o.keep ?? 3, checkTail: !this.tailChecked }))
      .then(() => {
        this.tailChecked = true;
        this.warned = false;
        this.emitter.fire();
      }, (e: unknown) => this.failed(e));
    return this.writing;
  }

  /** Every entry, newest first, across the rotated files; lines that are not entries (a torn one) are skipped. */
  async read(): Promise<ActivityEntry[]> {
    await this.writing;
    return this.options.files().read(this.dir, this.options.keep ?? 3);
  }

  dispose(): void {
    this.emitter.dispose();
  }

  private failed(error: unknown): void {
    if (this.warned) return;
    this.warned = true;
    const why = error instanceof Error ? error.message : String(error);
    this.options.onError?.(this.options.redact(l10n.t('The activity history could not be written to {0}: {1}', this.dir, why)));
  }
}
