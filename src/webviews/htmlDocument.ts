import { randomBytes } from 'crypto';

export interface HtmlParts {
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  title: string;
  nonce?: string;
}

/** A fresh 128-bit nonce per document (never Math.random: the CSP is only as strong as it). */
export const newNonce = () => randomBytes(16).toString('base64');

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The one HTML shell of every webview: a strict CSP (nothing but our stylesheet and our nonce'd
 * script), an empty <main> the script fills, and no inline code. Kept free of `vscode` for tests.
 */
export function buildHtml(parts: HtmlParts): string {
  const nonce = parts.nonce ?? newNonce();
  const csp = [
    "default-src 'none'",
    `style-src ${parts.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${parts.cspSource} data:`,
    `font-src ${parts.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(parts.styleUri)}">
<title>${escapeHtml(parts.title)}</title>
</head>
<body>
<main id="app" aria-busy="true"></main>
<script nonce="${nonce}" src="${escapeHtml(parts.scriptUri)}"></script>
</body>
</html>`;
}
