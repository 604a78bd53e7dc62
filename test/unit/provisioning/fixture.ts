// The provisioning tests' world: snippets written to a private temp dir and run as a user would run them (bash,
// node, python3) against the real emulator, with the secrets only in the child's environment.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { SnippetInput } from '../../../src/provisioning';

export const apiKey = 'prov-key-0123456789abcdef';
export const projectName = 'Provisioning';
export const projectMqttId = 'cHJvdmlzaW9u';
export const business = { loginId: 'biz@prov.test', password: 'Biz-prov-1' };

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a program without blocking this process (the emulator answers from this same event loop), with only PATH,
 * HOME and `env` in its environment: no proxy settings, no secret of ours beyond what the test hands it. Shared by
 * the emulator's MQTT snippet suite.
 */
export function run(command: string, args: string[], env: Record<string, string> = {}, cwd?: string): Promise<Ran> {
  return new Promise((resolve, reject) => {
    // The timeout only ends a program that hangs (so mocha can exit); the test then fails on its exit code.
    const child = spawn(command, args, { cwd, timeout: 15_000, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A private temp dir per test (mkdtemp: mode 0700), removed after it with everything in it. */
export function tempDirPerTest(): { readonly dir: string; write(name: string, text: string): string } {
  let dir: string | undefined;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'm1-snippet-'));
  });
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  const current = () => {
    if (!dir) throw new Error('no temp dir outside a test');
    return dir;
  };
  return {
    get dir() {
      return current();
    },
    write(name, text) {
      const file = path.join(current(), name);
      writeFileSync(file, text, { mode: 0o600 });
      return file;
    },
  };
}

/** A snippet input with every field set (MQTT ids included); `over` replaces any of them. */
export function snippetInput(over: Partial<SnippetInput> = {}): SnippetInput {
  return {
    baseUrl: 'https://api-sandbox.mediumone.com',
    loginId: 'device-001',
    stream: 'raw',
    deviceId: 'vscode-device',
    mqtt: { host: 'mqtt.mediumone.com', port: 61619, tls: true },
    projectMqttId,
    userMqttId: 'rEAGMjrk8Bs',
    ...over,
  };
}

/** The words of a shell command line as bash would split them: '…', "…" (with \\ \" \$ \` escapes), \x, and
 * `\`+newline continuations. `$NAME` is kept as written (the tests check placeholders, not their values). */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && line[i + 1] === '\n') {
      i++;
    } else if (c === ' ' || c === '\t' || c === '\n') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unclosed ' at ${i}`);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      word ??= '';
      for (i++; line[i] !== '"'; i++) {
        if (i >= line.length) throw new Error('unclosed "');
        if (line[i] === '\\' && '\\"$`\n'.includes(line[i + 1])) i++;
        word += line[i];
      }
    } else if (c === '\\') {
      word = (word ?? '') + line[++i];
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}
