/** The plain-language text of any error: the API client's errors (MediumOneError, an Error) already read well. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
