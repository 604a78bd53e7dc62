// Issue 11's loop on a server unlike our default one (the emulator's `independent` profile: the create answered 202
// and done a moment later, a login_id-only list, sessions of 3 calls, two cookies, HTML error pages): the same
// journey as scenario 08 (harness/provisioningJourney.mjs). Light theme only: 08 proves the looks.
import { provisioningJourney } from '../harness/provisioningJourney.mjs';

export const title = 'provisioning on another server (independent profile): create (202), cURL snippet run, recent events, disabled refused, enabled accepted';
export const profile = 'independent';
export const themes = ['light'];
export const timeoutMs = 180_000;

/** @param {import('../harness/types').ScenarioContext} ctx */
export default async function provisioningIndependent(ctx) {
  await provisioningJourney(ctx);
}
