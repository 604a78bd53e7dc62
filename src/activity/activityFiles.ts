import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ACTIVITY_FIELDS, parseActivityLine, type ActivityEntry } from './activityEntry';

/**
 * The history's files: what ActivityLog does on disk. Apart from it so that the main bundle holds only the log's
 * queue, and this loads with the teams bundle on the first write or read (src/activity/openActivityLog.ts).
 */
export interface FileOptions {
  maxFileBytes: () => number;
  redact: (text: string) => string;
  /** Rotated files kept besides activity.jsonl. */
  keep: number;
  /** A crash mid-write may have left a torn last line: the first write of a session starts on a new line. */
  checkTail: boolean;
}

const CURRENT = 'activity.jsonl';

/** activity.jsonl first, then activity.1.jsonl … (oldest last). */
const files = (keep: number) => [CURRENT, ...Array.from({ length: keep }, (_, i) => `activity.${i + 1}.jsonl`)];

/** Only the entry's fields, in their order, each string redacted. */
function clean(entry: ActivityEntry, redact: (text: string) => string): ActivityEntry {
  const out: Record<string, string> = {};
  for (const key of ACTIVITY_FIELDS) {
    const value = entry[key];
    if (typeof value === 'string') out[key] = redact(value);
  }
  return out as unknown as ActivityEntry;
}

/** One batch in one write; a file past the size limit is rotated first (a batch bigger than it goes whole into a fresh file). */
export async function append(dir: string, entries: readonly ActivityEntry[], options: FileOptions): Promise<void> {
  const text = entries.map((e) => JSON.stringify(clean(e, options.redact))).join('\n') + '\n';
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, CURRENT);
  const size = await fs.stat(file).then((st) => st.size, () => 0);
  let prefix = '';
  if (options.checkTail && size > 0) {
    const handle = await fs.open(file, 'r');
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1).finally(() => handle.close());
    if (last[0] !== 0x0a) prefix = '\n';
  }
  if (size > 0 && size + Buffer.byteLength(text) > options.maxFileBytes()) {
    await rotate(dir, options.keep);
    prefix = '';
  }
  await fs.appendFile(file, prefix + text, 'utf8');
}

/** Every entry, newest first, across the rotated files; lines that are not entries (a torn one) are skipped. */
export async function read(dir: string, keep: number): Promise<ActivityEntry[]> {
  const entries: ActivityEntry[] = [];
  for (const name of files(keep)) {
    const text = await fs.readFile(path.join(dir, name), 'utf8').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? '' : Promise.reject(e)));
    entries.push(...text.split('\n').map(parseActivityLine).filter((e): e is ActivityEntry => !!e).reverse());
  }
  return entries;
}

/** activity.jsonl becomes activity.1.jsonl, each older one moves up a number, and the oldest is dropped. */
async function rotate(dir: string, keep: number): Promise<void> {
  const names = files(keep);
  for (let i = names.length - 1; i > 0; i--) {
    await fs.rename(path.join(dir, names[i - 1]), path.join(dir, names[i])).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
  }
}
