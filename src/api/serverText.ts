import { STATUS_CODES } from 'node:http';
import { statusLabel } from './messages';
import { scrubSecrets } from './scrub';

/** Text longer than this from a server is cut: it goes into notifications and logs. */
export const maxServerTextLength = 300;

/**
 * The readable part of an error body (a JSON string, a message field, or an HTML page's main text), scrubbed of
 * `secrets` and only then cut to length, so a cut can never leave half a password behind. Undefined when the
 * server said nothing beyond its `status` ("Forbidden", "403 Forbidden", a proxy's bare error page): the message
 * then gives the status's documented meaning instead of repeating it.
 */
export function serverText(body: string, secrets: Iterable<string>, status?: number): string | undefined {
  const trimmed = body.trim();
  if (!trimmed) return undefined;
  let text: string;
  if (/^<(!doctype|html|head|body)\b/i.test(trimmed) || /<\/(html|body)>/i.test(trimmed)) {
    text = htmlText(trimmed, status);
  } else {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      text = readableJson(parsed) ?? trimmed;
    } catch {
      // Neither JSON nor a page: keep the text, without stray tags.
      text = trimmed.replace(/<[^>]*>/g, ' ');
    }
  }
  text = scrubSecrets(text, secrets).replace(/\s+/g, ' ').trim();
  if (!text || restatesStatus(text, status)) return undefined;
  return text.length > maxServerTextLength ? `${text.slice(0, maxServerTextLength - 1)}…` : text;
}

/**
 * An error page's own words: no head, scripts, styles or signature (what follows the last `<hr>`, an
 * `<address>` or `<footer>`), and no heading that only restates the status. Blocks are kept apart by a space.
 */
function htmlText(page: string, status: number | undefined): string {
  let html = page.replace(/<(head|script|style|title|address|footer)\b[\s\S]*?<\/\1\s*>/gi, ' ');
  const lastRule = html.search(/<hr\b[^>]*>(?![\s\S]*<hr\b)/i);
  if (lastRule >= 0) html = html.slice(0, lastRule);
  return html
    .split(/<\/?(?:h[1-6]|p|div|li|tr|td|br|center|body|pre|section|article|main|header|ul|ol|table)\b[^>]*>/i)
    .map((block) => decodeEntities(block.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim())
    .filter((block) => block && !restatesStatus(block, status))
    .join(' ');
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

/** True when `text` says no more than the status: its number, its reason phrase, "error", "HTTP". */
function restatesStatus(text: string, status: number | undefined): boolean {
  if (status === undefined) return false;
  const phrases = [STATUS_CODES[status], statusLabel(status).replace(/^\d+ |^HTTP \d+$/, ''), String(status), 'error', 'http']
    .filter((p): p is string => !!p)
    .map((p) => p.toLowerCase());
  let rest = text.toLowerCase();
  for (const phrase of phrases) rest = rest.split(phrase).join(' ');
  return /^[\s\p{P}\p{S}]*$/u.test(rest);
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
