import * as assert from 'node:assert/strict';
import { MediumOneClient } from '../../../src/api/client';
import { isMediumOneError } from '../../../src/api/errors';
import { isLoopbackHost, parseBaseUrl, redactUrl, userPath } from '../../../src/api/url';

const noCredentials = () => ({ loginId: 'x', password: 'y', apiKey: 'z' });

describe('api/url', () => {
  describe('parseBaseUrl', () => {
    it('accepts the known https hosts and drops trailing slashes', () => {
      assert.deepEqual(parseBaseUrl('https://api.mediumone.com'), { origin: 'https://api.mediumone.com', prefix: '' });
      assert.deepEqual(parseBaseUrl('https://api-sandbox.mediumone.com///'), {
        origin: 'https://api-sandbox.mediumone.com',
        prefix: '',
      });
      assert.deepEqual(parseBaseUrl(' https://example.com/mediumone/ '), { origin: 'https://example.com', prefix: '/mediumone' });
    });

    it('allows plain http only for loopback hosts', () => {
      // The origin every call then goes to, as typed (a trailing slash dropped).
      const loopback: [url: string, origin: string][] = [
        ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
        ['http://127.9.8.7', 'http://127.9.8.7'],
        ['http://localhost:3000/', 'http://localhost:3000'],
        ['http://[::1]:4000', 'http://[::1]:4000'],
      ];
      for (const [url, origin] of loopback) assert.deepEqual(parseBaseUrl(url), { origin, prefix: '' }, url);
      for (const url of ['http://api.mediumone.com', 'http://10.0.0.1', 'http://localhost.evil.com', 'http://128.0.0.1']) {
        assert.throws(() => parseBaseUrl(url), (e) => isMediumOneError(e, 'invalidUrl') && /https/.test(e.message), url);
      }
    });

    it('refuses what is not a usable URL, with a plain message', () => {
      for (const url of ['', 'api.mediumone.com', 'ftp://api.mediumone.com', 'https://', 'https://a.com/?x=1', 'https://a.com/#f']) {
        assert.throws(() => parseBaseUrl(url), (e) => isMediumOneError(e, 'invalidUrl') && e.message.includes('base URL'), url);
      }
    });

    const hostileUrls: [url: string, shown: string, why: RegExp, hidden: string[]][] = [
      ['https://admin:hunter22@api.mediumone.com', 'https://api.mediumone.com', /user name or password/, ['admin', 'hunter22']],
      ['http://admin:hunter22@api.mediumone.com/m1', 'http://api.mediumone.com/m1', /user name or password/, ['admin', 'hunter22']],
      ['https://admin@api.mediumone.com', 'https://api.mediumone.com', /user name or password/, ['admin']],
      ['https://admin:pa#ss/?@api.mediumone.com/x', 'https://api.mediumone.com/x', /user name or password/, ['admin', 'pa#ss']],
      ['https://api.mediumone.com/v?token=SECRET-123', 'https://api.mediumone.com/v', /query/, ['SECRET-123', 'token']],
      ['https://api.mediumone.com/#access_token=SECRET-123', 'https://api.mediumone.com/', /fragment/, ['SECRET-123']],
      ['ftp://api.mediumone.com/?key=SECRET-123', 'ftp://api.mediumone.com/', /query/, ['SECRET-123']],
      ['not a url?key=SECRET-123', 'not a url', /query/, ['SECRET-123']],
      ['javascript:alert(document.cookie)', 'javascript:alert(document.cookie)', /scheme must be https \(got javascript\)/, []],
      ['file:///etc/passwd', 'file:///etc/passwd', /scheme must be https \(got file\)/, []],
      ['http://api.mediumone.com', 'http://api.mediumone.com', /only allowed for loopback/, []],
      ['http://[::2]:8080', 'http://[::2]:8080', /only allowed for loopback/, []],
      ['https://\u0000api\n.mediumone.com', 'https://api.mediumone.com', /not a valid URL/, []],
    ];
    for (const [url, shown, why, hidden] of hostileUrls) {
      it(`refuses ${JSON.stringify(url)}, showing it as "${shown}"`, () => {
        assert.throws(
          () => parseBaseUrl(url),
          (e) => {
            assert.ok(isMediumOneError(e, 'invalidUrl'));
            assert.ok(e.message.startsWith(`"${shown}" is not a usable Medium One base URL: `), e.message);
            assert.match(e.message, why);
            for (const h of hidden) assert.ok(!e.message.includes(h), `${h} not shown: ${e.message}`);
            return true;
          },
        );
      });
    }

    it('allows IPv6 loopback over http', () => {
      assert.deepEqual(parseBaseUrl('http://[::1]:8080'), { origin: 'http://[::1]:8080', prefix: '' });
    });
  });

  describe('redactUrl', () => {
    it('drops user-info (up to the last "@"), query, fragment and control characters', () => {
      assert.equal(redactUrl('https://admin:pw@host.example/path?token=1#x'), 'https://host.example/path');
      assert.equal(redactUrl('https://u:p@ss@host.example'), 'https://host.example');
      assert.equal(redactUrl(' http://host.example/a/b '), 'http://host.example/a/b');
      assert.equal(redactUrl('host.example?x=1'), 'host.example');
      assert.equal(redactUrl('user:secret@host'), 'host', 'no "//": "user:" may be user-info, not a scheme');
      assert.equal(redactUrl('javascript:alert(1)'), 'javascript:alert(1)');
      assert.equal(redactUrl('https://host\r\n.example'), 'https://host.example');
      assert.equal(redactUrl(`https://${'a'.repeat(500)}`).length, 200);
    });
    it('makes the client constructor throw invalidUrl', () => {
      assert.throws(
        () => new MediumOneClient({ baseUrl: 'http://api.mediumone.com', credentials: noCredentials }),
        (e) => isMediumOneError(e, 'invalidUrl'),
      );
      assert.equal(new MediumOneClient({ baseUrl: 'https://api.mediumone.com/', credentials: noCredentials }).baseUrl, 'https://api.mediumone.com');
    });
  });

  it('knows the loopback hosts', () => {
    assert.ok(isLoopbackHost('127.0.0.1'));
    assert.ok(isLoopbackHost('LOCALHOST'));
    assert.ok(isLoopbackHost('[::1]'));
    assert.ok(!isLoopbackHost('127.0.0.1.nip.io'));
    assert.ok(!isLoopbackHost('::2'));
  });

  describe('userPath', () => {
    it('percent-encodes every reserved character', () => {
      assert.equal(userPath('a/b'), '/v2/users/a%2Fb');
      assert.equal(userPath('x?y#z'), '/v2/users/x%3Fy%23z');
      assert.equal(userPath('%2F'), '/v2/users/%252F');
      assert.equal(userPath('ü@example.com'), '/v2/users/%C3%BC%40example.com');
      assert.equal(userPath('a b+c'), '/v2/users/a%20b%2Bc');
    });

    it('refuses "." and ".." which no URL path can address', () => {
      for (const id of ['.', '..']) {
        assert.throws(() => userPath(id, 'GET'), (e) => isMediumOneError(e, 'unaddressableLoginId') && e.method === 'GET');
      }
      assert.equal(userPath('...'), '/v2/users/...');
      assert.equal(userPath('.a'), '/v2/users/.a');
    });

    it('refuses an empty login_id and one with a lone surrogate as invalidLoginId, never a URIError', () => {
      const cases: [string, RegExp][] = [
        ['', /^A login_id cannot be empty\.$/],
        ['ab\uD800', /^The login_id "ab\\ud800" holds a broken character \(half of a UTF-16 surrogate pair\)/],
        ['\uDC00', /^The login_id "\\udc00" holds a broken character/],
      ];
      for (const [id, message] of cases) {
        assert.throws(
          () => userPath(id, 'DELETE'),
          (e) => isMediumOneError(e, 'invalidLoginId') && e.method === 'DELETE' && message.test(e.message),
          JSON.stringify(id),
        );
      }
      assert.equal(userPath('\uD83D\uDE00'), '/v2/users/%F0%9F%98%80', 'a whole surrogate pair is fine');
    });

    it('encodes control characters: a user that has them stays manageable', () => {
      assert.equal(userPath('a\u0000b\nc\u007f'), '/v2/users/a%00b%0Ac%7F');
    });
  });
});
