import { isMediumOneError } from '../api/errors';

/** The plain-language text of any error; the API client's errors already read well. */
export function describeError(error: unknown): string {
  if (isMediumOneError(error)) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
