// Every value a snippet embeds goes through one of these, so a login_id, URL or key holding quotes, `$`, backticks,
// newlines or any other character stays data in the generated program and is never run as code.

/** A bash word holding exactly `value`: single quotes, each `'` written as `'\''` (nothing is special inside). */
export function shQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * A JSON string literal in printable ASCII (every other UTF-16 unit as `\uXXXX`): valid JSON and a valid
 * JavaScript string literal for the same text, and free of anything a terminal or editor could mangle.
 */
export function jsonString(value: string): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A Python 3 string literal in printable ASCII. Escapes go per code point (`\U0001f600`, not a surrogate pair,
 * which Python would keep as two characters).
 */
export function pyString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x100) out += `\\x${hex(code, 2)}`;
    else if (code < 0x10000) out += `\\u${hex(code, 4)}`;
    else out += `\\U${hex(code, 8)}`;
  }
  return `${out}"`;
}

const hex = (code: number, width: number) => code.toString(16).padStart(width, '0');
