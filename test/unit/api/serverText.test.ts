import * as assert from 'node:assert/strict';
import { maxServerTextLength, serverText } from '../../../src/api/serverText';

/** The page the emulator's `html` error bodies use, like a reverse proxy's. */
const emulatorPage = (status: number, title: string, reason: string) =>
  `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${status} ${title}</title></head>\n` +
  `<body><h1>${status} ${title}</h1><p>${reason}</p><hr><address>Medium One emulator</address></body></html>\n`;

describe('api/serverText', () => {
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

  it('an error page gives its own words, without title, heading, signature or entities', () => {
    assert.equal(serverText(emulatorPage(400, 'Bad Request', 'the user &quot;x&quot; already exists'), [], 400), 'the user "x" already exists');
    assert.equal(serverText(emulatorPage(403, 'Forbidden', 'Forbidden'), [], 403), undefined, 'only the status, said three times');
    const nginx =
      '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
      '<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n';
    assert.equal(serverText(nginx, [], 502), undefined, "a proxy's bare page says nothing more than its status");
    assert.equal(serverText('<html><body><h1>502</h1> Upstream api-3 refused the connection</body></html>', [], 502), 'Upstream api-3 refused the connection');
    assert.equal(serverText('<html><head><style>p{}</style><script>x()</script></head><body><p>a &amp; b &#x263A; &#9731;</p></body></html>', [], 400), 'a & b ☺ ☃');
  });

  it('text or JSON that only restates the status is dropped, so the status meaning is shown instead', () => {
    assert.equal(serverText('Forbidden', [], 403), undefined);
    assert.equal(serverText('{"error": "Forbidden", "status": 403}', [], 403), undefined);
    assert.equal(serverText('HTTP 404: Not Found', [], 404), undefined);
    assert.equal(serverText('Not Found: user bob', [], 404), 'Not Found: user bob');
    assert.equal(serverText('Forbidden', []), 'Forbidden', 'without a status nothing is judged a restatement');
  });

  it('a secret in an error page is removed after the entities are decoded', () => {
    assert.equal(serverText(emulatorPage(400, 'Bad Request', 'password &quot;Pa&amp;ss-1&quot; is too short'), ['Pa&ss-1'], 400), 'password "•••" is too short');
  });
});
