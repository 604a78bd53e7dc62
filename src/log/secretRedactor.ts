/**
 * Defence in depth: every secret the extension reads from SecretStorage is registered here, and every
 * log line and error message shown to the user is passed through `redact`, so a server that echoes a
 * password back, or a bug that interpolates one, still never puts it on screen or in the log.
 */
export class SecretRedactor {
  private readonly secrets = new Set<string>();

  register(...values: (string | undefined)[]): void {
    for (const v of values) {
      // Very short values would blank out ordinary words; the API never accepts such secrets anyway.
      if (v && v.length >= 4) this.secrets.add(v);
    }
  }

  redact(text: string): string {
    let out = text;
    for (const s of this.secrets) {
      if (out.includes(s)) out = out.split(s).join('•••');
    }
    return out;
  }
}
