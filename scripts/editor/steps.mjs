// Small helpers the runners share: timed steps with one-line reports, and child commands that must succeed.
import { spawn } from 'node:child_process';
import { repoRoot } from './paths.mjs';

export const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Runs `fn`, printing `[tag] label… done (1.2 s)`; rethrows with the label on failure. */
export async function step(tag, label, fn) {
  const t0 = Date.now();
  try {
    const result = await fn();
    console.log(`[${tag}] ${label} (${seconds(Date.now() - t0)})`);
    return result;
  } catch (e) {
    console.error(`[${tag}] ${label}: FAILED after ${seconds(Date.now() - t0)}`);
    throw e;
  }
}

/**
 * Runs a command in the repo root; output is captured and printed only when it fails (or always with `verbose`).
 * @returns {Promise<string>} stdout + stderr
 */
export function runCommand(cmd, args, { verbose = false, env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: repoRoot, env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const collect = (chunk) => {
      out += chunk;
      if (verbose) process.stdout.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) return resolve(out);
      if (!verbose) process.stderr.write(out);
      reject(new Error(`\`${cmd} ${args.join(' ')}\` exited with ${code}`));
    });
  });
}

export const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
export const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/**
 * How every script packages the .vsix: plain `vsce package`, as a publisher would run it (package.json names the
 * repository, so vsce points the README's relative images at it, and .vscodeignore keeps node_modules out: the
 * bundles already hold their dependencies).
 */
export const vscePackageArgs = (out) => ['vsce', 'package', '--out', out];
