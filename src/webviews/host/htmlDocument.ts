import { randomBytes } from 'crypto';

// The pure half of the one webview HTML builder (./html.ts is the VS Code half). Kept free of `vscode`
// so unit tests can check the CSP without an editor.

export interface HtmlParts {
  /** `webview.cspSource`: the origin the stylesheet, images and fonts may come from. */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  title: string;
  /** A fresh one per document when omitted. */
  nonce?: string;
  /** The UI language (`vscode.env.language`), for screen readers and hyphenation. */
  lang?: string;
}

/** 128 random bits per document: the CSP is only as strong as its nonce, so never Math.random. */
export const newNonce = () => randomBytes(16).toString('base64');

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
/** For double-quoted attributes: leaves `'` readable, which the CSP's keywords are full of. */
const escapeAttribute = (s: string) => s.replace(/[&<>"]/g, (c) => ENTITIES[c] ?? c);

/** The policy: nothing but our stylesheet, our nonce'd script, and theme images and fonts. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

/**
 * Every webview's document: the CSP, the shared stylesheet, an empty <main> the page script fills, and
 * that one script. No inline code, so the page works under the strict policy.
 */
export function buildHtml(parts: HtmlParts): string {
  const nonce = parts.nonce ?? newNonce();
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(parts.lang ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy(parts.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(parts.styleUri)}">
<title>${escapeHtml(parts.title)}</title>
</head>
<body>
<main id="app" aria-busy="true"></main>
<script nonce="${escapeAttribute(nonce)}" src="${escapeAttribute(parts.scriptUri)}"></script>
</body>
</html>`;
}
