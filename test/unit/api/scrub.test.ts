import * as assert from 'node:assert/strict';
import { maxServerTextLength, scrubSecrets, serverText } from '../../../src/api/scrub';

describe('api/scrub', () => {
  it('removes secrets wherever they appear, including JSON-escaped forms', () => {
    assert.equal(scrubSecrets('password "Hunter-22" is too short', ['Hunter-22']), 'password "•••" is too short');
    assert.equal(scrubSecrets('got {"p":"a\\"bcd"}', ['a"bcd']), 'got {"p":"•••"}');
    assert.equal(scrubSecrets('key KEY123 and KEY1234', ['KEY123', 'KEY1234']), 'key ••• and •••');
  });

  it('removes short secrets only as whole words', () => {
    assert.equal(scrubSecrets('abc is not abcdef', ['abc']), '••• is not abcdef');
  });

  it('extracts readable server text from JSON, plain text or HTML', () => {
    assert.equal(serverText('"password too short"', []), 'password too short');
    assert.equal(serverText('{"error":"user exists","code":7}', []), 'user exists');
    assert.equal(serverText('{"code":7}', []), '{"code":7}');
    assert.equal(serverText('<html><body><h1>502</h1>  Bad   gateway</body></html>', []), '502 Bad gateway');
    assert.equal(serverText('   ', []), undefined);
  });

  it('scrubs before cutting to length, so no half secret survives', () => {
    const secret = 'S3cret-Value-That-Is-Long';
    const text = serverText(`${'x'.repeat(maxServerTextLength - 10)} ${secret}`, [secret]) ?? '';
    assert.ok(text.length <= maxServerTextLength);
    assert.ok(!text.includes('S3cret'));
  });
});
