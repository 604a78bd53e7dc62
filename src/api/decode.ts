import type * as z from 'zod/mini';
import type { Decoded } from './caller';
import { l10n } from '../util/l10n';

export const decoded = <T>(value: T): Decoded<T> => ({ ok: true, value });

/**
 * Parses a body as JSON and checks it with `schema`. An empty body stands for `empty` when the call allows one
 * (e.g. a 202 or 204), and is unreadable otherwise.
 */
export function decodeJson<T>(schema: z.ZodMiniType<T>, text: string, empty?: { value: unknown }): Decoded<T> {
  let json: unknown;
  if (text.trim() === '') {
    if (!empty) return { ok: false, why: l10n.t('the body is empty') };
    json = empty.value;
  } else {
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, why: l10n.t('the body is not valid JSON') };
    }
  }
  const result = schema.safeParse(json);
  if (result.success) return decoded(result.data);
  const issue = result.error.issues[0];
  const why =
    issue && issue.path.length
      ? l10n.t('the body does not have the expected shape at {0}', issue.path.join('.'))
      : l10n.t('the body does not have the expected shape');
  return { ok: false, why };
}

export function mapDecoded<T, U>(d: Decoded<T>, f: (value: T) => U): Decoded<U> {
  return d.ok ? decoded(f(d.value)) : d;
}
