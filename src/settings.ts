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
  /** The events stream for Send Test Event, the snippets and Recent Events (`mediumOne.events.stream`). */
  eventsStream: string;
  /** How many events Recent Events reads (`mediumOne.events.recentLimit`, 1–10,000). */
  recentEventsLimit: number;
  /** The MQTT broker of the snippets: not fixed by public documents, so settings (`mediumOne.mqtt.*`). */
  mqtt: { host: string; port: number; tls: boolean };
  /** The MQTT topic's device id (`mediumOne.mqtt.deviceId`), as written: commands validate it and name the setting. */
  deviceId: string;
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
    eventsStream: text(c.get<unknown>('events.stream'), 'raw'),
    recentEventsLimit: clamp(num(c.get<unknown>('events.recentLimit'), 20), 1, 10_000),
    mqtt: {
      host: text(c.get<unknown>('mqtt.host'), 'mqtt.mediumone.com'),
      port: clamp(num(c.get<unknown>('mqtt.port'), 61619), 1, 65_535),
      tls: c.get<unknown>('mqtt.tls', true) !== false,
    },
    // Not trimmed or defaulted when blank: a device id the user typed is theirs to fix, and the command says how.
    deviceId: typeof c.get<unknown>('mqtt.deviceId') === 'string' ? c.get<string>('mqtt.deviceId', '') : 'vscode-device',
  };
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(n)));
/** A setting edited by hand in settings.json may hold any JSON: the wrong type falls back to the default. */
const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const text = (v: unknown, fallback: string) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : fallback);

function oneOf<T extends string>(value: string, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}
