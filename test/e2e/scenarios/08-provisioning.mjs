// Issue 11, the device provisioning loop against the runner's emulator (default server), light and dark: see
// harness/provisioningJourney.mjs for the steps. Marks the README picture of the details page (details-connection.png).
import { provisioningJourney } from '../harness/provisioningJourney.mjs';

export const title = 'provisioning: create, cURL snippet run, recent events, disabled refused, enabled accepted';
export const timeoutMs = 180_000;

/** @param {import('../harness/types').ScenarioContext} ctx */
export default async function provisioning(ctx) {
  await provisioningJourney(ctx, { readme: true });
}
