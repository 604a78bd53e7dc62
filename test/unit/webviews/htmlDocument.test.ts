import * as assert from 'node:assert/strict';
import { buildHtml, contentSecurityPolicy, newNonce } from '../../../src/webviews/host/htmlDocument';

const parts = {
  cspSource: 'https://res.example',
  scriptUri: 'https://res.example/dist/webview/createUser.js',
  styleUri: 'https://res.example/media/webview.css',
  title: 'Create User — <Plant & "A">',
};
const cspOf = (html: string) => /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
const nonceOf = (html: string) => /script-src 'nonce-([^']+)'/.exec(cspOf(html))?.[1];

describe('webview HTML document', () => {
  it('has a strict CSP: nothing by default, our origin for styles, images and fonts, scripts by nonce only', () => {
    const csp = cspOf(buildHtml({ ...parts, nonce: 'abc123' }));
    assert.equal(csp, contentSecurityPolicy(parts.cspSource, 'abc123'));
    assert.deepEqual(csp.split('; '), [
      "default-src 'none'",
      'style-src https://res.example',
      "script-src 'nonce-abc123'",
      'img-src https://res.example data:',
      'font-src https://res.example',
    ]);
  });

  it('loads exactly one script, carrying the nonce, and no inline code', () => {
    const html = buildHtml({ ...parts, nonce: 'abc123' });
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.deepEqual(scripts, [`<script nonce="abc123" src="${parts.scriptUri}">`]);
    assert.match(html, /<script[^>]*><\/script>/, 'the script element is empty');
    assert.doesNotMatch(html, /unsafe-inline|unsafe-eval|\son\w+=|<style/i);
    assert.ok(html.includes(`<link rel="stylesheet" href="${parts.styleUri}">`));
  });

  it('makes a fresh 128-bit nonce for every document', () => {
    const a = nonceOf(buildHtml(parts));
    const b = nonceOf(buildHtml(parts));
    assert.ok(a && b);
    assert.notEqual(a, b);
    assert.equal(Buffer.from(a, 'base64').length, 16);
    const many = new Set(Array.from({ length: 200 }, newNonce));
    assert.equal(many.size, 200);
  });

  it('escapes the title, the URIs and the language', () => {
    const html = buildHtml({ ...parts, scriptUri: 'https://r/x.js?a=1&b="2"', lang: 'en"><script>' });
    assert.ok(html.includes('<title>Create User — &lt;Plant &amp; &quot;A&quot;&gt;</title>'));
    assert.ok(html.includes('src="https://r/x.js?a=1&amp;b=&quot;2&quot;"'));
    assert.ok(html.includes('<html lang="en&quot;&gt;&lt;script&gt;">'));
    assert.equal((html.match(/<script/g) ?? []).length, 1);
  });
});
