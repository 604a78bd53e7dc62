import * as assert from 'node:assert/strict';
import { CookieJar, parseSetCookie } from '../../../src/api/cookies';

const now = Date.parse('2030-01-01T00:00:00Z');

describe('api/cookies', () => {
  it('parses name=value, Path, Max-Age and Expires', () => {
    const c = parseSetCookie('sid=abc=def; Path=/v2; HttpOnly; Secure; Max-Age=60', '/v2/login', now);
    assert.deepEqual(c, { name: 'sid', value: 'abc=def', path: '/v2', expiresAt: now + 60_000, expired: false });
    const e = parseSetCookie('a=1; Expires=Wed, 01 Jan 2031 00:00:00 GMT', '/v2/login', now);
    assert.equal(e?.expiresAt, Date.parse('2031-01-01T00:00:00Z'));
    assert.equal(e?.path, '/v2', 'default path is the request path up to its last slash');
    assert.equal(parseSetCookie('nonsense', '/', now), undefined);
  });

  it('lets Max-Age win over Expires', () => {
    const c = parseSetCookie('a=1; Expires=Wed, 01 Jan 2031 00:00:00 GMT; Max-Age=1', '/', now);
    assert.equal(c?.expiresAt, now + 1000);
  });

  it('sends back cookies whose path matches, longest path first', () => {
    const jar = new CookieJar();
    jar.store(['root=r; Path=/', 'v2=x; Path=/v2', 'other=o; Path=/v2x'], '/v2/login', now);
    assert.equal(jar.header('/v2/users/joe', now), 'v2=x; root=r');
    assert.equal(jar.header('/v2', now), 'v2=x; root=r');
    assert.equal(jar.header('/elsewhere', now), 'root=r');
  });

  it('forgets expired cookies and honours deletion', () => {
    const jar = new CookieJar();
    jar.store(['sid=1; Path=/; Max-Age=10', 'keep=1; Path=/', 'old=1; Path=/'], '/v2/login', now);
    assert.ok(jar.hasCookies(now));
    jar.store(['keep=; Path=/; Max-Age=0'], '/v2/login', now);
    jar.store(['old=gone; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT'], '/v2/login', now);
    assert.equal(jar.header('/', now), 'sid=1');
    assert.equal(jar.header('/', now + 11_000), undefined, 'Max-Age ran out');
    assert.ok(!jar.hasCookies(now + 11_000));
  });

  it('replaces a cookie of the same name and path, and clears', () => {
    const jar = new CookieJar();
    jar.store(['sid=1; Path=/'], '/', now);
    jar.store(['sid=2; Path=/'], '/', now);
    assert.equal(jar.header('/x', now), 'sid=2');
    jar.clear();
    assert.equal(jar.header('/x', now), undefined);
  });
});
