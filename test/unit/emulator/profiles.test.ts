import * as assert from 'node:assert/strict';
import { emulatorProfiles, profileSettings } from '../../../src/emulator';
import { emulatorPerTest, login, parse, request } from './fixture';

describe('emulator: profiles', function () {
  const world = emulatorPerTest();

  it('one profile per latitude of SPEC section 2, each with a one-line description', () => {
    assert.deepEqual(Object.keys(emulatorProfiles), [
      'objects', 'login-ids', 'no-list-404', 'no-list-405', 'exists-400', 'unknown-403', 'several-cookies', 'short-sessions',
      'expiring-sessions', 'accepted-202', 'no-retry-after', 'errors-text', 'errors-json', 'errors-empty', 'errors-html',
      'events-wrapped', 'events-refuse-400', 'independent',
    ]);
    for (const [name, p] of Object.entries(emulatorProfiles)) {
      assert.ok(p.description.length > 10 && !p.description.includes('\n'), name);
      assert.ok(Object.keys(p.settings).length > 0, name);
    }
  });

  it('independent is the second server: every way of differing from the default at once', () => {
    assert.deepEqual(profileSettings('independent'), {
      listing: 'loginIds',
      cookies: 'several',
      acceptedCreation: { delayMs: 500, share: 0.5 },
      sessionMaxCalls: 3,
      existsStatus: 400,
      unknownUserStatus: 403,
      retryAfter: false,
      errorBodies: 'html',
      eventsAnswers: 'wrapped',
      disabledStatus: 400,
    });
  });

  it('profileSettings merges names given as a list, a comma list or both', () => {
    const expected = { listing: 'loginIds', cookies: 'several', sessionMaxCalls: 3 };
    assert.deepEqual(profileSettings(['login-ids', 'several-cookies', 'short-sessions']), expected);
    assert.deepEqual(profileSettings('login-ids, several-cookies,short-sessions'), expected);
    assert.deepEqual(profileSettings(['login-ids,several-cookies', 'short-sessions']), expected);
    assert.deepEqual(profileSettings([]), {});
    assert.deepEqual(profileSettings(['independent', 'login-ids']), profileSettings('independent'), 'a part repeated agrees with itself');
  });

  it('an unknown profile is an Error naming it and every valid one', () => {
    assert.throws(() => profileSettings(['login-ids', 'loginids']), (e: Error) => {
      assert.match(e.message, /^Unknown emulator profile "loginids"\. Valid profiles: objects, login-ids, .*, independent\.$/);
      return true;
    });
    assert.throws(() => profileSettings('toString'), /Unknown emulator profile "toString"/);
  });

  it('two profiles that set one setting differently are refused, not resolved by order', () => {
    assert.throws(() => profileSettings('login-ids,no-list-404'), /profiles "login-ids" and "no-list-404" disagree on listing/);
    assert.throws(() => profileSettings(['independent', 'errors-text']), /"independent" and "errors-text" disagree on errorBodies/);
  });

  it('the table cannot be changed by a caller, nor through what profileSettings hands out', () => {
    assert.throws(() => {
      (emulatorProfiles as Record<string, unknown>).mine = { description: 'x', settings: {} };
    }, TypeError);
    assert.throws(() => {
      (emulatorProfiles['accepted-202'].settings.acceptedCreation as { share: number }).share = 1;
    }, TypeError);
    const mine = profileSettings('accepted-202');
    mine.acceptedCreation!.delayMs = 1;
    assert.deepEqual(profileSettings('accepted-202').acceptedCreation, { delayMs: 500, share: 0.5 });
  });

  it('useProfiles: the server becomes exactly what the profiles describe, nothing of an earlier profile left; other settings kept', async () => {
    const emu = await world.start({ passwordRule: { minLength: 10, message: 'ten or more' } });
    emu.useProfiles('independent');
    let cookie = await login(emu);
    assert.match(cookie, /m1_csrf=/);
    assert.deepEqual(parse(await request(emu, 'GET', '/v2/users', { cookie })), ['Mid', 'alpha', 'zeta']);
    emu.useProfiles(['no-list-405', 'errors-json']);
    cookie = await login(emu);
    assert.doesNotMatch(cookie, /m1_csrf=/, 'several cookies cleared');
    const list = await request(emu, 'GET', '/v2/users', { cookie });
    assert.equal(list.status, 405);
    assert.deepEqual(parse(list), { error: 'Method not allowed', status: 405 });
    const weak = await request(emu, 'POST', '/v2/users/', { cookie, body: { login_id: 'x', password: 'nine-char' } });
    assert.deepEqual(parse(weak), { error: 'ten or more', status: 400 }, 'the password rule was kept');
    for (let i = 0; i < 4; i++) assert.equal((await request(emu, 'GET', '/v2/users/zeta', { cookie })).status, 200, 'no call budget left over');
    assert.throws(() => emu.useProfiles('nope'), /Unknown emulator profile "nope"/);
    assert.equal((await request(emu, 'GET', '/v2/users', { cookie })).status, 405, 'a refused profile changed nothing');
  });
});
