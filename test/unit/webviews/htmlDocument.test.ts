import * as assert from 'node:assert/strict';
import { buildHtml } from '../../../src/webviews/htmlDocument';

const parts = { cspSource: 'https://res.example', scriptUri: 'https://res.example/w.js', styleUri: 'https://res.example/w.css', title: 'Create User — <Plant & "A">' };

describe('webview HTML shell', () => {
  it('sets a strict CSP with a nonce the script carries', () => {
    const html = buildHtml(parts);
    const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /^default-src 'none';/);
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce && nonce.length >= 22, 'a 128-bit nonce');
    assert.ok(html.includes(`<script nonce="${nonce}" src="https://res.example/w.js">`));
    assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'no other script');
  });

  it('uses a new nonce for every document', () => {
    const nonce = (html: string) => /nonce-([^']+)'/.exec(html)?.[1];
    assert.notEqual(nonce(buildHtml(parts)), nonce(buildHtml(parts)));
  });

  it('escapes the title', () => {
    assert.ok(buildHtml(parts).includes('<title>Create User — &lt;Plant &amp; &quot;A&quot;&gt;</title>'));
  });
});
