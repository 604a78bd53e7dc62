import * as vscode from 'vscode';
import { concurrencyCeiling } from './users/serverConcurrency';

export interface Settings {
  requestTimeoutSeconds: number;
  /**
   * The most calls in flight to one server (`mediumOne.concurrency`: "auto" is `DEFAULT_CEILING`): the ceiling of
   * the adaptive controller, which finds how many the server takes below it.
   */
  concurrency: number;
  /** When non-destructive operations ask first: 'always', 'bulk' (more than one user) or 'never'. */
  confirmation: 'always' | 'bulk' | 'never';
  sandboxAutoStart: boolean;
  /** Export CSV without neutralising formula prefixes (`mediumOne.export.rawCsv`); off by default. */
  exportRawCsv: boolean;
}

/** Read on use, so a change in the Settings editor applies to the next call without a reload. */
export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration('mediumOne');
  return {
    requestTimeoutSeconds: clamp(c.get<number>('requestTimeoutSeconds', 30), 1, 600),
    concurrency: concurrencyCeiling(c.get<unknown>('concurrency', 'auto')),
    sandboxAutoStart: c.get<boolean>('localSandbox.autoStart', false),
    exportRawCsv: c.get<boolean>('export.rawCsv', false) === true,
    confirmation: oneOf(c.get<string>('confirmation', 'bulk'), ['always', 'bulk', 'never'] as const, 'bulk'),
  };
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(n)));

function oneOf<T extends string>(value: string, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}
