// The emulator in a process of its own, driven through its loopback control route (src/emulator/control.ts). The
// timed sections use it: a real server does its work on another machine, so the emulator's CPU must not share the
// client's event loop (in one process each call costs both sides' CPU on one thread, which caps the calls per second
// far below what the client alone can send).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from './load.mjs';

const CONTROL = { 'X-Emulator-Control': '1', 'Content-Type': 'application/json' };

/**
 * The subset of the Emulator interface the sections use: url, reset (back to `seed`), configure, listUsers, calls,
 * stop. The seed goes through a file: the control route takes bodies of at most 64 KB.
 */
export async function startRemoteEmulator({ seed, ...settings }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'm1-bench-seed-'));
  const seedFile = path.join(dir, 'seed.json');
  writeFileSync(seedFile, JSON.stringify(seed));
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--serve', seedFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  child.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const url = await new Promise((resolve, reject) => {
    let buf = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => {
      buf += d;
      const m = /listening on (\S+)/.exec(buf);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`the bench's emulator exited (${code}) before listening`)));
  });
  const control = async (method, route, body) => {
    const res = await fetch(`${url}/__emulator/${route}`, { method, headers: CONTROL, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) throw new Error(`${method} /__emulator/${route}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  /** Runtime settings as the control route takes them: a key set to undefined is cleared (null). */
  const configure = (next) => control('PUT', 'settings', Object.fromEntries(Object.entries(next).map(([k, v]) => [k, v ?? null])));
  const emulator = {
    url,
    configure,
    reset: async () => {
      await control('POST', 'reset');
    },
    listUsers: async (project) => (await control('GET', 'state')).projects.find((p) => p.name === project)?.users ?? [],
    calls: () => control('GET', 'calls'),
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
    },
  };
  try {
    if (Object.keys(settings).length) await configure(settings);
  } catch (e) {
    await emulator.stop();
    throw e;
  }
  return emulator;
}

if (process.argv[2] === '--serve') {
  const { startEmulator } = load('emulator/index.js');
  const emulator = await startEmulator({ port: 0, host: '127.0.0.1', seed: JSON.parse(readFileSync(process.argv[3], 'utf8')) });
  process.on('SIGTERM', () => void emulator.stop().then(() => process.exit(0)));
  console.log(`listening on ${emulator.url}`);
}
