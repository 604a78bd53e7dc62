import type { MediumOneError } from '../../api/errors';

/**
 * The API client's error, read by its fields. The client lives in the main bundle, so its MediumOneError is not this
 * bundle's copy of the class and `instanceof` would always be false; the class sets `name` for exactly this.
 */
export function apiError(e: unknown): MediumOneError | undefined {
  return e instanceof Error && e.name === 'MediumOneError' ? (e as MediumOneError) : undefined;
}

/** The server answered and said no (4xx other than 429): worth reading the user to explain why. */
export function isRefusal(e: unknown): boolean {
  const status = apiError(e)?.status;
  return status !== undefined && status >= 400 && status < 500 && status !== 429;
}
