/** What replaces a secret in any text the client hands out. */
export const scrubbed = '•••';

/** Text longer than this from a server is cut: it goes into notifications and logs. */
export const maxServerTextLength = 300;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `\uXXXX` for every UTF-16 unit outside printable ASCII, as JSON encoders that keep to ASCII write it. */
function asciiJson(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** As an HTML error page would quote it. */
function htmlEscaped(text: string): string {
  const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  return text.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

/** Percent-encoding as `encodeURIComponent` writes it, with lower-case hex too (some encoders use it). */
function percentForms(encoded: string): string[] {
  return [encoded, encoded.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())];
}

/**
 * Every form in which a secret may come back inside other text: as sent, JSON-escaped (plain, ASCII-only, with
 * `\/`, and escaped twice for JSON inside JSON), HTML-escaped, and percent-encoded (`encodeURIComponent`, and form encoding
 * where a space is `+` and more characters are encoded). Secrets with a lone surrogate have no encoded form.
 */
export function secretForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const forms = [secret, json, asciiJson(json), json.replace(/\//g, '\\/'), JSON.stringify(json).slice(1, -1), htmlEscaped(secret)];
  try {
    const uri = encodeURIComponent(secret);
    const form = new URLSearchParams({ s: secret }).toString().slice(2);
    forms.push(...percentForms(uri), ...percentForms(uri.replace(/%20/g, '+')), ...percentForms(form));
  } catch {
    // A lone surrogate cannot be percent-encoded; then no server can have received it that way either.
  }
  return [...new Set(forms)];
}

/**
 * Removes secret values from text. A server may echo a password back in an error ("password 'hunter2' is too
 * short"), so every server text and every message is passed through here before it leaves the client. Secrets of
 * four characters or more are removed wherever they appear, in every form of `secretForms`; shorter ones only as
 * whole words, so that a three-letter password does not blank out ordinary words.
 */
export function scrubSecrets(text: string, secrets: Iterable<string>): string {
  let out = text;
  const long = [...new Set(secrets)].filter((s) => s.length >= 4).flatMap(secretForms);
  const short = [...new Set(secrets)].filter((s) => s.length > 0 && s.length < 4);
  // Longest first, so a secret (or form) containing another is removed whole.
  for (const form of [...new Set(long)].sort((a, b) => b.length - a.length)) out = out.split(form).join(scrubbed);
  for (const secret of short.sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(secret)}(?![\\p{L}\\p{N}])`, 'gu'), scrubbed);
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
