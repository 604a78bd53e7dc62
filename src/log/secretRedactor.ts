import { secretForms } from '../api/scrub';

/** What replaces a secret in any text the extension shows, logs or writes. */
export const REDACTED = '•••';

/**
 * Defence in depth: every secret the extension reads from SecretStorage (or is typed, or reads from an import file)
 * is registered here, and every log line, notification, webview message and exported file passes `redact`, so a
 * server that echoes a password back, or a bug that interpolates one, still never puts it on screen or on disk.
 */
export class SecretRedactor {
  /**
   * Each secret and its encoded forms, and the distinct lengths they have (longest first): `redact` then looks up,
   * at each position of the text, one slice per length, however many secrets an import of 50,000 rows registered.
   */
  private readonly forms = new Set<string>();
  private lengths: number[] = [];
  /**
   * The first four characters of every form (each is at least four long): a position whose next four are none of
   * these starts no form, so `redact` moves on after one lookup instead of one per length. Every API call's log
   * line passes here, and almost none holds a secret.
   */
  private readonly heads = new Set<string>();

  register(...values: (string | undefined)[]): void {
    for (const v of values) {
      // Very short values would blank out ordinary words; the API never accepts such secrets anyway.
      if (!v || v.length < 4) continue;
      for (const form of secretForms(v)) {
        this.forms.add(form);
        this.heads.add(form.slice(0, 4));
        if (!this.lengths.includes(form.length)) this.lengths = [...this.lengths, form.length].sort((a, b) => b - a);
      }
    }
  }

  /** The text with every occurrence of a registered form replaced, the longest form first where several start. */
  redact(text: string): string {
    if (this.forms.size === 0) return text;
    let out = '';
    let copiedUpTo = 0;
    for (let i = 0; i <= text.length - 4; ) {
      if (!this.heads.has(text.slice(i, i + 4))) {
        i++;
        continue;
      }
      let hit = 0;
      for (const length of this.lengths) {
        if (i + length <= text.length && this.forms.has(text.slice(i, i + length))) {
          hit = length;
          break;
        }
      }
      if (hit === 0) {
        i++;
        continue;
      }
      out += text.slice(copiedUpTo, i) + REDACTED;
      i += hit;
      copiedUpTo = i;
    }
    return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
  }

  /** A JSON-like value (a webview message, say) with every string in it redacted; other values are kept. */
  redactValue<T>(value: T): T {
    if (this.forms.size === 0) return value;
    return this.walk(value) as T;
  }

  private walk(value: unknown): unknown {
    if (typeof value === 'string') return this.redact(value);
    if (Array.isArray(value)) return value.map((v) => this.walk(v));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [this.redact(k), this.walk(v)]));
    }
    return value;
  }
}

