import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Services } from '../../../src/services';
import type { Emulator } from '../../../src/emulator';
import type { Step } from './scriptedPrompts';
import { addProject, services, statesRead, userRow } from './world';

/** The format labels of Copy Connection Snippet's quick pick, as the user reads them. */
export const FORMAT_LABELS = {
  curl: 'REST — cURL',
  python: 'REST — Python requests',
  node: 'REST — Node fetch',
  mosquitto: 'MQTT — mosquitto_pub',
  paho: 'MQTT — Python paho-mqtt',
} as const;
export type Format = keyof typeof FORMAT_LABELS;

export const PLACEHOLDERS = 'Use placeholders ($M1_API_KEY, $M1_PASSWORD)';
export const INCLUDE_KEY = 'Include the API key…';

/** Copy Connection Snippet's questions from a user row: the format, then placeholders (or the key after its warning). */
export function snippetSteps(format: Format, secrets: 'placeholders' | 'key' | 'declined' = 'placeholders'): Step[] {
  const steps: Step[] = [
    { kind: 'pick', match: /Connection snippet for/, choose: FORMAT_LABELS[format] },
    { kind: 'pick', match: /Secrets in the snippet/, choose: secrets === 'placeholders' ? PLACEHOLDERS : INCLUDE_KEY },
  ];
  if (secrets !== 'placeholders') {
    steps.push({ kind: 'confirm', match: /Put the API key of/, detail: /grants access to the whole project/, answer: secrets === 'key' ? 'Include the API Key' : undefined });
  }
  return steps;
}

/** A Business project on `emulator` with every user's state read, and its rows by login id. */
export async function businessProject(emulator: Emulator) {
  const s = await services();
  const project = await addProject(s, emulator);
  await statesRead(s, project);
  return { s, project, row: (id: string) => userRow(s, project, id) };
}

/** Send Test Event's questions: the body (prefilled unless `body` is given), then once or N every S seconds. */
export function testEventSteps(options: { body?: string; count?: number; everySeconds?: number } = {}): Step[] {
  const steps: Step[] = [{ kind: 'input', match: /Send Test Event for ".+" to stream "raw"/, answer: options.body ?? PREFILLED }];
  if (!options.count || options.count === 1) return [...steps, { kind: 'pick', choose: 'Send Once' }];
  return [...steps,
    { kind: 'pick', choose: 'Send Repeatedly…' },
    { kind: 'input', match: /How many events/, answer: String(options.count) },
    { kind: 'input', match: /Seconds between events/, answer: String(options.everySeconds ?? 0) }];
}

/** A body as the user leaves it: the prefilled event. The flow stamps the time; the data is what is asserted. */
export const PREFILLED = '{"event_data": {"test": true}}';

/** A setting of the extension for the test's duration (global scope); undo with `setting(key, undefined)`. */
export async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('mediumOne').update(key, value, vscode.ConfigurationTarget.Global);
}

/**
 * The "Medium One" log as written so far: every file VS Code keeps for this extension's log output channel. Fails
 * when there is none (a check of it would pass on nothing). `until` waits for a line the flow under test writes,
 * since the channel reaches its file a moment after the call.
 */
export async function logText(s: Services, until: RegExp): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const text = logFiles(s.context.logUri.fsPath).map((f) => readFileSync(f, 'utf8')).join('\n');
    if (until.test(text)) return text;
    if (Date.now() > deadline) assert.fail(`The Medium One log (${s.context.logUri.fsPath}) never said ${String(until)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function logFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).map((f) => path.join(dir, f)).flatMap((f) => (statSync(f).isDirectory() ? logFiles(f) : f.endsWith('.log') ? [f] : []));
}

/** Everything the extension keeps in globalState, as one text to search. */
export function globalStateText(s: Services): string {
  return JSON.stringify(s.context.globalState.keys().map((k) => [k, s.context.globalState.get(k)]));
}

type Runner = 'bash' | 'node' | 'python';
const RUNNERS: Record<Runner, [string, string[]]> = {
  bash: ['bash', ['-s']],
  node: [process.execPath, ['--input-type=module', '-']],
  python: ['python3', ['-']],
};

/** Python with `requests` runs the Python snippet for real; `npm test` installs it first (scripts/provision-tools.mjs). */
export async function requirePythonRequests(): Promise<void> {
  const found = (await runSnippet('python', 'import requests', {})).code === 0;
  if (!found) throw new Error('python3 cannot import requests: run `node scripts/provision-tools.mjs` (or `python3 -m pip install requests`), then run the tests again.');
}

/** mosquitto_pub runs the MQTT snippets for real; `npm test` installs it first (scripts/provision-tools.mjs). */
export async function requireMosquitto(): Promise<void> {
  const found = (await runSnippet('bash', 'command -v mosquitto_pub', {})).code === 0;
  if (!found) throw new Error('mosquitto_pub is missing: run `node scripts/provision-tools.mjs` (or `apt-get install mosquitto-clients`), then run the tests again.');
}

/**
 * Runs a snippet as a user would after copying it: `bash` or `node` reading it from stdin, with only the secrets the
 * snippet asks for in the environment. Resolves with its exit code and output.
 */
export function runSnippet(runner: Runner, script: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const [file, args] = RUNNERS[runner];
  return new Promise((resolve) => {
    const child = execFile(file, args, { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env }, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
    child.stdin?.end(script);
  });
}

/** The questions of Save Credentials File: the format, the MQTT password (after its warning when chosen), where. */
export function saveSteps(format: 'CSV' | 'JSON', file: vscode.Uri, withKey = false, beforeSave: Step[] = []): Step[] {
  return [
    { kind: 'pick', match: /Save Credentials File/, choose: format },
    { kind: 'pick', match: /MQTT password/, choose: withKey ? 'With the MQTT password (includes the project\'s API key)…' : 'Without the MQTT password' },
    ...(withKey ? [{ kind: 'confirm', match: /Write the API key of/, detail: /whole project/, answer: 'Include the API Key' } as Step] : []),
    ...beforeSave,
    { kind: 'saveFile', match: /Save Credentials File/, answer: file },
  ];
}

/** A CSV file as records by header (the credentials file quotes nothing these values need). */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split(/\r?\n/).map((l) => l.split(','));
  return lines.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
}
