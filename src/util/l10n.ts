// Localization for the layers that must not import vscode (the API client, the CSV reader, the bulk summaries …).
// Their messages call `l10n.t('English text {0}', arg)` at use time; activate() installs vscode.l10n.t as the
// translator, so a Japanese editor shows them in Japanese. With no translator (unit tests, the emulator's command
// line, a webview page) the English text is returned with its placeholders filled.
//
// `npm run l10n` (scripts/l10n-export.mjs) reads these calls into l10n/bundle.l10n.json: the extractor only sees
// `l10n.t(` on an import from 'vscode', so the script hands it each file with this module's import specifier read as
// 'vscode'. Every message must therefore be a literal in the `l10n.t(` call itself, never a variable.

export type L10nArg = string | number | boolean;
/** vscode.l10n.t's shape: the English message and the values of its {0}, {1} … placeholders. */
export type Translator = (message: string, ...args: L10nArg[]) => string;

// The lazily loaded bundles (dist/provisioning.js, teams.js, panels.js …) each carry their own copy of this module,
// so a module-level variable set in dist/extension.js would stay unset in them. The translator lives on globalThis
// under a registered symbol, which every copy in the same extension host reads alike.
const KEY = Symbol.for('mediumOne.l10n');
type Holder = { [KEY]?: Translator };

/** Called once by activate() with vscode.l10n.t; `undefined` goes back to English (tests). */
export function installTranslator(translator: Translator | undefined): void {
  (globalThis as Holder)[KEY] = translator;
}

/** `{0}` → args[0] …; a placeholder with no value stays as written. */
export function fillPlaceholders(message: string, args: readonly L10nArg[]): string {
  return message.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
}

export const l10n = {
  t(message: string, ...args: L10nArg[]): string {
    const translator = (globalThis as Holder)[KEY];
    return translator ? translator(message, ...args) : fillPlaceholders(message, args);
  },
};
