import type { Services } from './services';

/**
 * What activate() hands to the extension-host tests: the live services, so they can script prompts and inspect
 * state. Only ever built in ExtensionMode.Test (see `extensionExports`).
 */
export interface ExtensionApi {
  readonly services: Services;
}

/**
 * What every other extension gets from `vscode.extensions.getExtension(...).exports`: nothing. Any extension
 * installed next to this one can read `exports`, so it must hold no store, client, redactor or secret; an empty
 * frozen object keeps SecretStorage's per-extension isolation intact.
 */
export type PublicApi = Readonly<Record<string, never>>;

const PUBLIC_API: PublicApi = Object.freeze({});

/**
 * The exports for this run. `isTestRun` is `context.extensionMode === vscode.ExtensionMode.Test`, which VS Code
 * sets only when it loads the extension under development together with an `extensionTestsPath`: an installed
 * .vsix (Production) or an F5 session without tests (Development) never sees the services.
 */
export function extensionExports(isTestRun: boolean, services: Services): ExtensionApi | PublicApi {
  return isTestRun ? { services } : PUBLIC_API;
}
