import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Emitter } from '../util/emitter';
import { ACTIVITY_FIELDS, parseActivityLine, type ActivityEntry, type NewActivity } from './activityEntry';

export interface ActivityLogOptions {
  /** The size past which activity.jsonl is rotated (read on each write, so a settings change applies at once). */
  maxFileBytes: () => number;
  /** Every string field passes here before it is written (the SecretRedactor's redact). */
  redact: (text: string) => string;
  /** Told once, the first time a write fails; later failures are quiet (the command that recorded is not). */
  onError?: (message: string) => void;
  /** Rotated files kept besides activity.jsonl: activity.1.jsonl (newest) … activity.<keep>.jsonl. */
  keep?: number;
}

const CURRENT = 'activity.jsonl';

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
  /** A crash mid-write may have left a torn last line: the first write of a session starts on a new line. */
  private tailChecked = false;
  private warned = false;

  constructor(readonly dir: string, private readonly options: ActivityLogOptions) {}

  newRunId(): string {
    return randomUUID();
  }

  /** Never rejects: a history that cannot be written must not fail the change it records. */
  record(entries: readonly NewActivity[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    let text: string;
    try {
      const time = new Date().toISOString();
      text = entries.map((e) => JSON.stringify(this.clean({ ...e, id: randomUUID(), time }))).join('\n') + '\n';
    } catch (e) {
      this.failed(e);
      return Promise.resolve();
    }
    this.writing = this.writing.then(() => this.append(text)).then(() => this.emitter.fire(), (e: unknown) => this.failed(e));
    return this.writing;
  }

  /** Every entry, newest first, across the rotated files; lines that are not entries (a torn one) are skipped. */
  async read(): Promise<ActivityEntry[]> {
    await this.writing;
    const entries: ActivityEntry[] = [];
    for (const name of this.files()) {
      const text = await fs.readFile(path.join(this.dir, name), 'utf8').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? '' : Promise.reject(e)));
      entries.push(...text.split('\n').map(parseActivityLine).filter((e): e is ActivityEntry => !!e).reverse());
    }
    return entries;
  }

  dispose(): void {
    this.emitter.dispose();
  }

  /** activity.jsonl first, then activity.1.jsonl … (oldest last). */
  private files(): string[] {
    return [CURRENT, ...Array.from({ length: this.options.keep ?? 3 }, (_, i) => `activity.${i + 1}.jsonl`)];
  }

  /** Only the entry's fields, in their order, each string redacted. */
  private clean(entry: ActivityEntry): ActivityEntry {
    const out: Record<string, string> = {};
    for (const key of ACTIVITY_FIELDS) {
      const value = entry[key];
      if (typeof value === 'string') out[key] = this.options.redact(value);
    }
    return out as unknown as ActivityEntry;
  }

  private async append(text: string): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    const file = path.join(this.dir, CURRENT);
    const size = await fs.stat(file).then((st) => st.size, () => 0);
    let prefix = '';
    if (!this.tailChecked && size > 0) {
      const handle = await fs.open(file, 'r');
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1).finally(() => handle.close());
      if (last[0] !== 0x0a) prefix = '\n';
    }
    this.tailChecked = true;
    if (size > 0 && size + Buffer.byteLength(text) > this.options.maxFileBytes()) {
      await this.rotate();
      prefix = '';
    }
    await fs.appendFile(file, prefix + text, 'utf8');
  }

  /** activity.jsonl becomes activity.1.jsonl, each older one moves up a number, and the oldest is dropped. */
  private async rotate(): Promise<void> {
    const names = this.files();
    for (let i = names.length - 1; i > 0; i--) {
      await fs.rename(path.join(this.dir, names[i - 1]), path.join(this.dir, names[i])).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw e;
      });
    }
  }

  private failed(error: unknown): void {
    if (this.warned) return;
    this.warned = true;
    const why = error instanceof Error ? error.message : String(error);
    this.options.onError?.(this.options.redact(`The activity history could not be written to ${this.dir}: ${why}`));
  }
}
