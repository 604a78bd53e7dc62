import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ActivityLog, type ActivityLogOptions } from '../../../src/activity/activityLog';
import * as files from '../../../src/activity/activityFiles';
import type { NewActivity } from '../../../src/activity/activityEntry';
import { SecretRedactor } from '../../../src/log/secretRedactor';

const row = (loginId: string, extra: Partial<NewActivity> = {}): NewActivity =>
  ({ action: 'disable', projectId: 'p1', projectName: 'Fleet', loginId, outcome: 'succeeded', ...extra });

describe('activity log', () => {
  let dir: string;
  const logIn = (options: Partial<ActivityLogOptions> = {}) =>
    new ActivityLog(dir, { maxFileBytes: () => 1024 * 1024, redact: (t) => t, files: () => files, ...options });
  const lines = async (name: string) => (await fs.readFile(path.join(dir, name), 'utf8')).split('\n').filter(Boolean);

  beforeEach(async () => {
    dir = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'activity-')), 'activity');
  });
  afterEach(() => fs.rm(path.dirname(dir), { recursive: true, force: true }));

  it('writes one JSON line per entry, with an id and a UTC time, and reads them back newest first', async () => {
    const log = logIn();
    await log.record([row('a'), row('b')]);
    await log.record([row('c', { action: 'enable', outcome: 'failed', reason: 'Refused by the server.' })]);
    const written = (await lines('activity.jsonl')).map((l) => JSON.parse(l) as Record<string, string>);
    assert.deepEqual(written.map((e) => e.loginId), ['a', 'b', 'c']);
    assert.equal(new Set(written.map((e) => e.id)).size, 3);
    assert.match(written[0].time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const read = await log.read();
    assert.deepEqual(read.map((e) => [e.loginId, e.action, e.outcome, e.reason]), [
      ['c', 'enable', 'failed', 'Refused by the server.'], ['b', 'disable', 'succeeded', undefined], ['a', 'disable', 'succeeded', undefined],
    ]);
  });

  it('passes every string field through the redactor and writes no field an entry does not have', async () => {
    const redactor = new SecretRedactor();
    redactor.register('hunter2-secret', 'API-KEY-123456');
    const log = logIn({ redact: (t) => redactor.redact(t) });
    const odd = { ...row('user-hunter2-secret'), reason: 'echoed hunter2-secret and API-KEY-123456', password: 'hunter2-secret' } as NewActivity;
    await log.record([odd, row('b', { projectName: 'API-KEY-123456' })]);
    const text = await fs.readFile(path.join(dir, 'activity.jsonl'), 'utf8');
    assert.ok(!text.includes('hunter2-secret') && !text.includes('API-KEY-123456'), text);
    assert.ok(!text.includes('password'), text);
    assert.equal((await log.read())[1].reason, 'echoed ••• and •••');
  });

  it('rotates by size into activity.1-3.jsonl, drops the oldest, and reads across the files newest first', async () => {
    const log = logIn({ maxFileBytes: () => 600 });
    for (let i = 0; i < 30; i++) await log.record([row(`u${String(i).padStart(2, '0')}`, { runId: `run-${i}` })]);
    const names = (await fs.readdir(dir)).sort();
    assert.deepEqual(names, ['activity.1.jsonl', 'activity.2.jsonl', 'activity.3.jsonl', 'activity.jsonl']);
    for (const name of names) assert.ok((await fs.stat(path.join(dir, name))).size <= 600, name);
    const read = (await log.read()).map((e) => e.loginId!);
    assert.equal(read[0], 'u29');
    assert.deepEqual(read, [...read].sort().reverse(), 'newest first, no gap inside what is kept');
    assert.ok(read.length < 30 && read.length >= 8, `kept ${read.length}`);
    assert.equal(read.at(-1), `u${String(30 - read.length).padStart(2, '0')}`);
  });

  it('a batch larger than the limit goes whole into a fresh file', async () => {
    const log = logIn({ maxFileBytes: () => 300 });
    await log.record([row('first')]);
    await log.record(Array.from({ length: 10 }, (_, i) => row(`bulk${i}`)));
    assert.equal((await lines('activity.jsonl')).length, 10);
    assert.equal((await lines('activity.1.jsonl')).length, 1);
  });

  it('skips a torn last line left by a crash, and the next write starts on a line of its own', async () => {
    const first = logIn();
    await first.record([row('kept')]);
    await fs.appendFile(path.join(dir, 'activity.jsonl'), '{"id":"torn","time":"2026-');
    const second = logIn();
    assert.deepEqual((await second.read()).map((e) => e.loginId), ['kept']);
    await second.record([row('after')]);
    assert.deepEqual((await second.read()).map((e) => e.loginId), ['after', 'kept']);
  });

  it('concurrent records never interleave: each batch is written in one piece, in the order recorded', async () => {
    const log = logIn({ maxFileBytes: () => 64 * 1024 });
    await Promise.all(Array.from({ length: 20 }, (_, b) => log.record(Array.from({ length: 50 }, (_, i) => row(`b${b}-u${i}`, { runId: `run-${b}` })))));
    const read = (await log.read()).reverse();
    assert.equal(read.length, 1000);
    const runs = read.map((e) => e.runId);
    for (let b = 0; b < 20; b++) assert.deepEqual(runs.slice(b * 50, b * 50 + 50), Array(50).fill(`run-${b}`));
  });

  it('never rejects into the command: a folder it cannot write is told once, and again after a write that worked', async () => {
    await fs.mkdir(path.dirname(dir), { recursive: true });
    await fs.writeFile(dir, 'a file where the folder should be');
    const told: string[] = [];
    const log = logIn({ onError: (m) => told.push(m) });
    await log.record([row('a')]);
    await log.record([row('b')]);
    assert.equal(told.length, 1);
    assert.match(told[0], /activity history could not be written/);
    await fs.rm(dir);
    await log.record([row('c')]);
    assert.deepEqual((await log.read()).map((e) => e.loginId), ['c']);
    await fs.rm(dir, { recursive: true });
    await fs.writeFile(dir, 'broken again');
    await log.record([row('d')]);
    assert.equal(told.length, 2, 'a new gap is told');
  });

  it('tells listeners after each batch is on disk', async () => {
    const log = logIn();
    // What each listener call reads back, awaited (no sleep): a call before the write was on disk would read less.
    const reads: Promise<number>[] = [];
    log.onDidRecord(() => reads.push(log.read().then((r) => r.length)));
    await log.record([row('a')]);
    await log.record([row('b'), row('c')]);
    assert.deepEqual(await Promise.all(reads), [1, 3]);
  });
});
