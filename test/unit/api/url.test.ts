import * as assert from 'node:assert/strict';
import { MediumOneClient } from '../../../src/api/client';
import { isMediumOneError } from '../../../src/api/errors';
import { isLoopbackHost, parseBaseUrl, userPath } from '../../../src/api/url';

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
      for (const url of ['http://127.0.0.1:8080', 'http://127.9.8.7', 'http://localhost:3000/', 'http://[::1]:4000']) {
        assert.doesNotThrow(() => parseBaseUrl(url), url);
      }
      for (const url of ['http://api.mediumone.com', 'http://10.0.0.1', 'http://localhost.evil.com', 'http://128.0.0.1']) {
        assert.throws(() => parseBaseUrl(url), (e) => isMediumOneError(e, 'invalidUrl') && /https/.test(e.message), url);
      }
    });

    it('refuses what is not a usable URL, with a plain message', () => {
      for (const url of ['', 'api.mediumone.com', 'ftp://api.mediumone.com', 'https://', 'https://a.com/?x=1', 'https://a.com/#f']) {
        assert.throws(() => parseBaseUrl(url), (e) => isMediumOneError(e, 'invalidUrl') && e.message.includes('base URL'), url);
      }
    });

    it('refuses credentials in the URL without echoing them', () => {
      assert.throws(
        () => parseBaseUrl('https://admin:hunter22@api.mediumone.com'),
        (e) => isMediumOneError(e, 'invalidUrl') && !e.message.includes('hunter22'),
      );
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

    it('refuses "." "..", and "" which no URL path can address', () => {
      for (const id of ['.', '..', '']) {
        assert.throws(() => userPath(id, 'GET'), (e) => isMediumOneError(e, 'unaddressableLoginId') && e.method === 'GET');
      }
      assert.equal(userPath('...'), '/v2/users/...');
      assert.equal(userPath('.a'), '/v2/users/.a');
    });
  });
});
