/** What replaces a secret in any text the client hands out. */
export const scrubbed = '•••';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `\uXXXX` for every UTF-16 unit outside printable ASCII, as JSON encoders that keep to ASCII write it: with
 * lower-case hex digits, and with capitals, as some encoders write them.
 */
function asciiJson(text: string): string[] {
  const lower = text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return [lower, lower.replace(/\\u([0-9a-f]{4})/g, (_m, hex: string) => `\\u${hex.toUpperCase()}`)];
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
 * Every form in which a secret may come back inside other text: as sent, JSON-escaped (plain, ASCII-only in either
 * hex case, with `\/`, and escaped twice for JSON inside JSON), HTML-escaped, and percent-encoded
 * (`encodeURIComponent`, and form encoding where a space is `+` and more characters are encoded). Secrets with a lone surrogate have no encoded form.
 */
export function secretForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const forms = [secret, json, ...asciiJson(json), json.replace(/\//g, '\\/'), JSON.stringify(json).slice(1, -1), htmlEscaped(secret)];
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
