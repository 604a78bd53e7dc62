import type { RuntimeSettings } from './types';
import type { ApiContext } from './routes';
import { FaultInjector } from './faults';
import { RateLimiter } from './rateLimit';
import { profileSettings, withoutProfileSettings } from './profiles';
import { checkSettings } from './validate';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The runtime settings with their defaults filled in, as the routes read them. */
export type EffectiveSettings = ReturnType<ApiContext['settings']>;

/**
 * The settings in force: what the emulator started with, changed at runtime (configure, profiles, the control
 * route), and the fault injector, rate limiter and 202 share counter those settings drive.
 */
export class SettingsInForce {
  readonly faults = new FaultInjector();
  readonly limiter = new RateLimiter();
  private current: RuntimeSettings = {};
  /** Creates that reached the 202-or-200 decision since acceptedCreation was last set: the share is spread over them. */
  private creates = 0;

  /** @param initial every setting key with its start value (undefined: the default). */
  constructor(private readonly initial: RuntimeSettings) {
    this.configure(initial);
  }

  /** Merges into the current settings (a key set to undefined clears it); throws on a bad value, changing nothing. */
  configure(next: RuntimeSettings): void {
    this.current = { ...this.current, ...checkSettings(next) };
    if ('faults' in next) this.faults.configure(next.faults);
    if ('rateLimit' in next) this.limiter.configure(next.rateLimit);
    if ('acceptedCreation' in next) this.creates = 0;
  }

  /** Clears every setting a profile may set, then applies these profiles. */
  useProfiles(names: string | string[]): void {
    this.configure({ ...withoutProfileSettings(), ...profileSettings(names) });
  }

  /** Back to the settings the emulator started with. */
  restore(): void {
    this.current = {};
    this.configure(this.initial);
  }

  effective(): EffectiveSettings {
    const s = this.current;
    return {
      sessionTtlMs: s.sessionTtlMs ?? DAY_MS,
      lockout: s.lockout ?? { maxAttempts: 5, lockMs: 5 * 60 * 1000 },
      passwordRule: s.passwordRule ?? { minLength: 6 },
      listing: s.listing ?? 'objects',
      existsStatus: s.existsStatus ?? 403,
      unknownUserStatus: s.unknownUserStatus ?? 404,
      cookies: s.cookies ?? 'single',
      sessionMaxCalls: s.sessionMaxCalls,
      eventsAnswers: s.eventsAnswers ?? 'bare',
      disabledStatus: s.disabledStatus ?? 403,
    };
  }

  /** Whether this create is answered 202, and after how long the user appears (undefined: 200 now). */
  acceptCreate(): number | undefined {
    const accepted = this.current.acceptedCreation;
    if (!accepted) return undefined;
    // Deterministic spread: the k-th create is 202 when ceil(k × share) steps up (share 0.5: 1st, 3rd, 5th…).
    const share = accepted.share ?? 1;
    this.creates += 1;
    return Math.ceil(this.creates * share) > Math.ceil((this.creates - 1) * share) ? accepted.delayMs : undefined;
  }

  /** The Retry-After header for a wait of `seconds`, unless this server never sends it. */
  retryAfter(seconds: number | undefined): Record<string, string> {
    return seconds !== undefined && this.current.retryAfter !== false ? { 'Retry-After': String(seconds) } : {};
  }

  get errorBodies(): NonNullable<RuntimeSettings['errorBodies']> {
    return this.current.errorBodies ?? 'text';
  }

  /** Whether a call must send back the token cookie too (`cookies: 'several'`). */
  get requireToken(): boolean {
    return this.current.cookies === 'several';
  }
}
