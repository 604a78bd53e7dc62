import * as path from 'node:path';
import type { Services } from '../services';

/**
 * What dist/provisioning.js exports: the provisioning kit (src/provisioning) and the prompt flows of its commands
 * (src/commands/provisioning). Types only here: a value import would pull them back into the main bundle, which
 * must stay under its size bar (SPEC section 6).
 */
export type ProvisioningBundle = typeof import('./provisioning/index');

/** The provisioning bundle, loaded on first use; Node caches it after the first call. */
export function loadProvisioning(s: Services): ProvisioningBundle {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle of its own, loaded on demand
  return require(path.join(s.context.extensionPath, 'dist', 'provisioning.js')) as ProvisioningBundle;
}
