// The servers the campaign runs against: emulator profiles (src/emulator/profiles.ts) plus the faults and short
// sessions injected on top. Every rate is per call; the faults together hit about a fifth of all calls.
import { profileSettings } from '../../src/emulator/profiles';
import type { EmulatorOptions, FaultConfig, FaultKind, RouteKey } from '../../src/emulator/types';

export interface CampaignProfile {
  name: string;
  /** One line for the table's header. */
  description: string;
  options: EmulatorOptions;
  /** Also end every session at this point of each phase (ms after it starts), as a server restart would. */
  expireSessionsAfterMs?: number;
  /** How long a 202 create takes to appear: the campaign waits this long before it judges. */
  acceptedDelayMs: number;
}

/**
 * Every fault kind on every user route, on about a fifth of the calls (SPEC section 6) times `scale`; sign-in meets
 * fewer (a refused sign-in is not retried, by design, so it would only fail whole phases).
 */
export function faultTable(seed: number, scale = 1): FaultConfig {
  const everyKind: Partial<Record<FaultKind, number>> = {
    status429: 0.04 * scale,
    status500: 0.03 * scale,
    status503: 0.04 * scale,
    drop: 0.03 * scale,
    dropAfter: 0.04 * scale,
    malformedJson: 0.03 * scale,
  };
  const routes: Partial<Record<RouteKey, Partial<Record<FaultKind, number>>>> = {
    'POST /v2/login': { status429: 0.03, status500: 0.02, status503: 0.03, drop: 0.02, dropAfter: 0.02 },
    'GET /v2/users': everyKind,
    'POST /v2/users': everyKind,
    'GET /v2/users/:id': everyKind,
    'PATCH /v2/users/:id': everyKind,
    'DELETE /v2/users/:id': everyKind,
  };
  return { randomSeed: seed, latencyMs: 1, jitterMs: 8, retryAfterSeconds: 1, routes };
}

export function campaignProfiles(seed: number): CampaignProfile[] {
  const independent = profileSettings('independent');
  return [
    {
      name: 'objects',
      description: 'user objects, one cookie, 200 creates; sessions end every 40 calls and once mid-phase',
      options: { ...profileSettings('objects'), sessionMaxCalls: 40, faults: faultTable(seed) },
      expireSessionsAfterMs: 15,
      acceptedDelayMs: 0,
    },
    {
      name: 'independent',
      description: 'login_id strings, several cookies, half the creates 202, sessions of 3 calls, 400/403 answers, no Retry-After, HTML errors',
      options: { ...independent, faults: faultTable(seed + 1) },
      acceptedDelayMs: independent.acceptedCreation?.delayMs ?? 0,
    },
  ];
}
