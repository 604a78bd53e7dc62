import * as assert from 'node:assert/strict';
import { REDACTED, SecretRedactor } from '../../../src/log/secretRedactor';
import { redactingPrompts } from '../../../src/log/redactingPrompts';
import type { Prompts } from '../../../src/ui/prompts';

const PASSWORD = 'pa"ss\\wörd /?&=+ 1';

/** Each way a server or a bug could write the password into a text. */
const ECHOES: [string, string][] = [
  ['as typed', PASSWORD],
  ['JSON-escaped', JSON.stringify(PASSWORD).slice(1, -1)],
  ['a JSON body', JSON.stringify({ password: PASSWORD })],
  ['JSON with non-ASCII as \\u (Python)', '"pa\\"ss\\\\w\\u00f6rd /?&=+ 1"'],
  ['JSON with \\u in capitals', '"pa\\"ss\\\\w\\u00F6rd /?&=+ 1"'],
  ['percent-encoded', `?p=${encodeURIComponent(PASSWORD)}`],
  ['percent-encoded, lower-case hex', `?p=${encodeURIComponent(PASSWORD).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())}`],
  ['a form body (URLSearchParams)', new URLSearchParams({ login_id: 'x', password: PASSWORD }).toString()],
  ['percent-encoded with + for spaces', encodeURIComponent(PASSWORD).replace(/%20/g, '+')],
  // The forms the API client scrubs reach the redactor too (one list for both).
  ['HTML-escaped (an error page)', '<p>pa&quot;ss\\wörd /?&amp;=+ 1</p>'],
  ['JSON with escaped slashes (PHP)', JSON.stringify(PASSWORD).replace(/\//g, '\\/')],
  ['JSON inside JSON', JSON.stringify(JSON.stringify({ password: PASSWORD }))],
];

describe('security: the redactor removes every form of a registered secret', () => {
  for (const [form, text] of ECHOES) {
    it(`removes the password written ${form}`, () => {
      const r = new SecretRedactor();
      r.register(PASSWORD);
      const out = r.redact(`server said: ${text} (end)`);
      assert.ok(out.includes(REDACTED), out);
      for (const part of ['ss\\', 'wörd', 'w\\u00', 'w%C3%B6rd', 'w%c3%b6rd']) assert.ok(!out.includes(part), `${out} still holds ${part}`);
      assert.ok(out.startsWith('server said: ') && out.endsWith(' (end)'), out);
    });
  }

  it('removes the longest secret where several start at one place, and every one of an import\'s 50,000 passwords', () => {
    const r = new SecretRedactor();
    r.register('abcd', 'abcdefgh');
    assert.equal(r.redact('xabcdefghy abcdz'), `x${REDACTED}y ${REDACTED}z`);
    const many = Array.from({ length: 50_000 }, (_, i) => `Import-pass-${i}`);
    r.register(...many);
    assert.equal(r.redact('a Import-pass-0 b Import-pass-49999 c Import-pass-777'), `a ${REDACTED} b ${REDACTED} c ${REDACTED}`);
  });

  it('leaves short values and unregistered text alone, and takes a lone surrogate without throwing', () => {
    const r = new SecretRedactor();
    r.register('abc', undefined, '', 'x\uD800yz');
    assert.equal(r.redact('abc is not a secret'), 'abc is not a secret');
    assert.equal(r.redact('got x\uD800yz'), `got ${REDACTED}`);
  });

  it('redacts every string of a webview message, keys included, and keeps its shape', () => {
    const r = new SecretRedactor();
    r.register('Api-key-1234');
    const message = { type: 'result', ok: false, n: 3, error: { message: 'bad key Api-key-1234', list: ['Api-key-1234', 7, null] } };
    assert.deepEqual(r.redactValue(message), { type: 'result', ok: false, n: 3, error: { message: `bad key ${REDACTED}`, list: [REDACTED, 7, null] } });
  });

  it('redacts what the notifications and confirmations show, through the prompts every command uses', async () => {
    const shown: string[] = [];
    const record = (m: string) => (shown.push(m), Promise.resolve(undefined));
    const inner = { info: record, warn: record, error: record, confirm: (m: string, d: string) => record(`${m}|${d}`), pick: (_i: unknown, o: { title?: string }) => record(o.title ?? '') } as unknown as Prompts;
    const r = new SecretRedactor();
    r.register(PASSWORD);
    const p = redactingPrompts(inner, r);
    await p.info(`a ${PASSWORD}`);
    await p.warn(`b ${encodeURIComponent(PASSWORD)}`);
    await p.error(`c ${JSON.stringify(PASSWORD)}`);
    await p.confirm(`d ${PASSWORD}`, `e ${PASSWORD}`);
    await p.pick([], { title: `Sign-in failed: ${PASSWORD}` });
    assert.deepEqual(shown, [`a ${REDACTED}`, `b ${REDACTED}`, `c "${REDACTED}"`, `d ${REDACTED}|e ${REDACTED}`, `Sign-in failed: ${REDACTED}`]);
  });
});
