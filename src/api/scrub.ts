/** What replaces a secret in any text the client hands out. */
export const scrubbed = '•••';

/** Text longer than this from a server is cut: it goes into notifications and logs. */
export const maxServerTextLength = 300;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Removes secret values from text. A server may echo a password back in an error ("password 'hunter2' is too
 * short"), so every server text and every message is passed through here before it leaves the client. Secrets of
 * four characters or more are removed wherever they appear; shorter ones only as whole words, so that a
 * three-letter password does not blank out ordinary words.
 */
export function scrubSecrets(text: string, secrets: Iterable<string>): string {
  let out = text;
  // Longest first, so a secret containing another is removed whole.
  const sorted = [...new Set(secrets)].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  for (const secret of sorted) {
    if (secret.length >= 4) {
      out = out.split(secret).join(scrubbed);
      // JSON-escaped forms too, in case a server echoes the JSON it received.
      const jsonForm = JSON.stringify(secret).slice(1, -1);
      if (jsonForm !== secret) out = out.split(jsonForm).join(scrubbed);
    } else {
      out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(secret)}(?![\\p{L}\\p{N}])`, 'gu'), scrubbed);
    }
  }
  return out;
}

/**
 * The readable part of an error body (a JSON string, a message field, or the text without HTML tags), scrubbed of
 * `secrets` and only then cut to length, so a cut can never leave half a password behind.
 */
export function serverText(body: string, secrets: Iterable<string>): string | undefined {
  const trimmed = body.trim();
  if (!trimmed) return undefined;
  let text = trimmed;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    text = readableJson(parsed) ?? trimmed;
  } catch {
    // Not JSON: keep the text, without HTML tags.
    text = trimmed.replace(/<[^>]*>/g, ' ');
  }
  text = scrubSecrets(text, secrets).replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  return text.length > maxServerTextLength ? `${text.slice(0, maxServerTextLength - 1)}…` : text;
}

function readableJson(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const parts = value.map(readableJson).filter((p): p is string => !!p);
    return parts.length ? parts.join('; ') : undefined;
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of ['message', 'error', 'detail', 'reason', 'errors', 'msg', 'description']) {
      const found = readableJson(record[key]);
      if (found) return found;
    }
    return JSON.stringify(value);
  }
  return value === undefined || value === null ? undefined : JSON.stringify(value);
}
