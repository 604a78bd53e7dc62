import * as vscode from 'vscode';
import type { ApiLogger, CallLog } from '../api/types';
import type { SecretRedactor } from './secretRedactor';

/** A scoped view of the one "Medium One" LogOutputChannel. Every line passes the redactor first. */
export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string | Error): void;
  scoped(scope: string): Logger;
}

export function createLogger(channel: vscode.LogOutputChannel, redactor: SecretRedactor, scope = ''): Logger {
  const prefix = scope ? `[${scope}] ` : '';
  const line = (message: string) => redactor.redact(prefix + message);
  return {
    trace: (m) => channel.trace(line(m)),
    debug: (m) => channel.debug(line(m)),
    info: (m) => channel.info(line(m)),
    warn: (m) => channel.warn(line(m)),
    error: (m) => channel.error(line(typeof m === 'string' ? m : m.message)),
    scoped: (child) => createLogger(channel, redactor, scope ? `${scope}/${child}` : child),
  };
}

/** Adapts a Logger to the API client's call log: method, path, status, ms; never bodies. */
export function apiCallLogger(log: Logger): ApiLogger {
  return {
    call(entry: CallLog) {
      const status = entry.status ?? entry.error ?? 'no answer';
      const retry = entry.attempt > 1 ? ` (try ${entry.attempt})` : '';
      const text = `${entry.method} ${entry.path} ${status} ${Math.round(entry.ms)}ms${retry}`;
      if (entry.status !== undefined && entry.status < 400) log.info(text);
      else log.warn(text);
    },
    debug: (m) => log.debug(m),
  };
}
