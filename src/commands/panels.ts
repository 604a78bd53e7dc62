import * as path from 'node:path';
import type { Services } from '../services';

/** What dist/panels.js exports (types only here: a value import would pull the panels back into this bundle). */
export type Panels = typeof import('../webviews/host/panels');

/** The panels bundle, loaded on first use (see src/webviews/host/panels.ts); Node caches it after the first call. */
export function loadPanels(s: Services): Panels {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle of its own, loaded on demand
  return require(path.join(s.context.extensionPath, 'dist', 'panels.js')) as Panels;
}
