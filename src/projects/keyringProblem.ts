/**
 * What the user reads when VS Code's SecretStorage fails, which on Linux means it could not reach an OS keyring
 * (no Secret Service on a headless machine or a bare window manager, or a locked collection). Kept free of the
 * `vscode` module at run time so the wording is unit-tested: callers pass `vscode.l10n`, tests a plain formatter.
 */

// Type-only (erased from the build); it also tells `npm run l10n` that the `l10n.t` calls below are VS Code's.
import type * as vscode from 'vscode';

export type KeyringOperation = 'read' | 'store' | 'delete';

/** The slice of `vscode.l10n` used here. */
export type Translator = Pick<typeof vscode.l10n, 't'>;

/** SecretStorage threw: the message names the cause and the remedy. Never holds a secret (the cause is VS Code's). */
export class KeyringUnavailable extends Error {
  constructor(
    readonly operation: KeyringOperation,
    /** VS Code's own words, on one line and capped. */
    readonly causeText: string,
    message: string,
  ) {
    super(message);
    this.name = 'KeyringUnavailable';
  }
}

export const isKeyringUnavailable = (e: unknown): e is KeyringUnavailable => e instanceof KeyringUnavailable;

/** The thrown value's text, one line, at most 200 characters: it is shown in a notification. */
export function causeOf(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim() || 'no reason given';
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** The sentence for a failed `operation` on `projectName`'s credentials. */
export function keyringProblem(l10n: Translator, operation: KeyringOperation, projectName: string, cause: string): string {
  const what =
    operation === 'store' ? l10n.t('VS Code could not save the credentials of "{0}" in the OS keyring ({1}).', projectName, cause)
    : operation === 'read' ? l10n.t('VS Code could not read the credentials of "{0}" from the OS keyring ({1}).', projectName, cause)
    : l10n.t('VS Code could not delete the credentials of "{0}" from the OS keyring ({1}); they may still be stored there.', projectName, cause);
  const remedy = l10n.t(
    'On Linux, install and unlock a Secret Service keyring (gnome-keyring or KWallet), or name the one VS Code should use with "password-store" in argv.json (Preferences: Configure Runtime Arguments), then reload the window.',
  );
  const meanwhile =
    operation === 'store' ? ` ${l10n.t('Meanwhile the credentials can be kept in memory for this window only: they are never written in plain text.')}`
    : operation === 'read' ? ` ${l10n.t('Meanwhile Edit Project can take them again and keep them in memory for this window only: they are never written in plain text.')}`
    : '';
  return `${what} ${remedy}${meanwhile}`;
}
