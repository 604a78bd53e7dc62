import * as assert from 'node:assert/strict';
import { scrubSecrets, scrubbed, secretForms } from '../../../src/api/scrub';

describe('api/scrub', () => {
  it('removes secrets wherever they appear, including JSON-escaped forms', () => {
    assert.equal(scrubSecrets('password "Hunter-22" is too short', ['Hunter-22']), 'password "•••" is too short');
    assert.equal(scrubSecrets('got {"p":"a\\"bcd"}', ['a"bcd']), 'got {"p":"•••"}');
    assert.equal(scrubSecrets('key KEY123 and KEY1234', ['KEY123', 'KEY1234']), 'key ••• and •••');
  });

  // Each row: a secret, and a text in which a server or a log may carry it.
  const forms: [label: string, secret: string, text: (s: string) => string][] = [
    ['as sent', 'Pa"ss\\word', (x) => `bad password ${x}`],
    ['JSON-escaped (quote and backslash)', 'Pa"ss\\word', (x) => JSON.stringify({ password: x })],
    ['JSON-escaped, 4 characters', 'a"\\b', (x) => JSON.stringify({ p: x })],
    ['JSON inside JSON', 'Pa"ss\\word', (x) => JSON.stringify({ body: JSON.stringify({ password: x }) })],
    ['ASCII-only JSON (\\u escapes)', 'pässwört-🔑', (x) => JSON.stringify(x).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)],
    ['JSON with escaped slashes', 'a/b/c/d', (x) => JSON.stringify(x).replace(/\//g, '\\/')],
    ['encodeURIComponent', 'p w&d=1+2/?', (x) => `password=${encodeURIComponent(x)}&x=1`],
    ['form encoding (space as +)', 'p w&d=1+2/?', (x) => `password=${encodeURIComponent(x).replace(/%20/g, '+')}`],
    ['URLSearchParams', "it's (a) ~secret!", (x) => new URLSearchParams({ password: x }).toString()],
    ['lower-case percent hex', 'p w&d=1', (x) => encodeURIComponent(x).toLowerCase()],
    ['HTML-escaped', '<b>"pw"&\'x\'', (x) => `<p>${x.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')}</p>`],
  ];
  for (const [label, secret, carry] of forms) {
    it(`removes a secret ${label}`, () => {
      const text = carry(secret);
      const out = scrubSecrets(text, [secret]);
      assert.ok(out.includes(scrubbed), `${text} -> ${out}`);
      for (const form of secretForms(secret)) assert.ok(!out.includes(form), `${form} left in ${out}`);
    });
  }

  it('a secret with a lone surrogate is still removed as sent and JSON-escaped', () => {
    const secret = 'ab\uD800cd';
    assert.equal(scrubSecrets(`x ${secret} y`, [secret]), `x ${scrubbed} y`);
    assert.equal(scrubSecrets(JSON.stringify({ p: secret }), [secret]), `{"p":"${scrubbed}"}`);
  });

  it('removes short secrets only as whole words', () => {
    assert.equal(scrubSecrets('abc is not abcdef', ['abc']), '••• is not abcdef');
  });

});
