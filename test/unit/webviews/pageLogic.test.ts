import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { checkNewUser, checkProject, isHttpUrl } from '../../../src/webviews/pages/formChecks';
import { generatePassword, PASSWORD_ALPHABET, passwordStrength } from '../../../src/webviews/pages/password';

const s = { required: 'Required.', mismatch: 'No match.', badUrl: 'Bad URL.' };

describe('create-user page: password generation and advice', () => {
  it('generates 16 characters from the safe alphabet, with every kind of character', () => {
    for (let i = 0; i < 200; i++) {
      const pw = generatePassword((n) => randomBytes(n));
      assert.equal(pw.length, 16);
      assert.ok([...pw].every((c) => PASSWORD_ALPHABET.includes(c)), pw);
      for (const kind of [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/]) assert.match(pw, kind);
      assert.equal(passwordStrength(pw), 2, 'a generated password is rated strong');
    }
  });

  it('keeps to characters that survive shells, CSV and JSON, without look-alikes', () => {
    assert.doesNotMatch(PASSWORD_ALPHABET, /[\s'"`\\$,;&|<>()0O1lI]/);
    assert.equal(new Set(PASSWORD_ALPHABET).size, PASSWORD_ALPHABET.length);
  });

  it('draws without modulo bias: bytes past the last full cycle of the alphabet are skipped', () => {
    const n = PASSWORD_ALPHABET.length;
    assert.ok(256 - (256 % n) <= 255, 'byte 255 lies past the last full cycle');
    const at = (c: string) => PASSWORD_ALPHABET.indexOf(c);
    // First call: only 255s (all skipped). Then one character of each kind, one of them via a second cycle.
    const wanted = [at('A'), at('a') + n, at('2'), at('@')];
    let calls = 0;
    const source = (count: number) => Uint8Array.from({ length: count }, (_, i) => (calls === 0 ? 255 : wanted[i % 4]));
    const counted = (count: number) => {
      const bytes = source(count);
      calls++;
      return bytes;
    };
    assert.equal(generatePassword(counted, 4), 'Aa2@');
    assert.equal(calls, 2);
  });

  it('rates strength as advice from length and variety', () => {
    assert.equal(passwordStrength(''), 0);
    assert.equal(passwordStrength('abcdefgh'), 0);
    assert.equal(passwordStrength('abcdefgh12'), 1);
    assert.equal(passwordStrength('Abcdefgh12-xyz'), 2);
  });
});

describe('page form checks', () => {
  it('new user: required fields and a matching confirmation', () => {
    assert.deepEqual(checkNewUser({ loginId: ' ', password: '', confirm: '' }, s), [['loginId', 'Required.'], ['password', 'Required.'], ['confirm', undefined]]);
    assert.deepEqual(checkNewUser({ loginId: 'd1', password: 'pw', confirm: 'pW' }, s), [['loginId', undefined], ['password', undefined], ['confirm', 'No match.']]);
    assert.ok(checkNewUser({ loginId: 'd1', password: 'pw', confirm: 'pw' }, s).every(([, m]) => m === undefined));
  });

  it('project: required fields, a real http(s) URL, secrets only when none is stored', () => {
    const v = { name: 'P', baseUrl: 'https://api.mediumone.com', role: 'business' as const, loginId: 'a', production: false };
    const problems = (values: typeof v & { password?: string; apiKey?: string }, hasPassword = true, hasApiKey = true) =>
      Object.fromEntries(checkProject(values, { hasPassword, hasApiKey }, s).filter(([, m]) => m));
    assert.deepEqual(problems(v), {});
    assert.deepEqual(problems(v, false, false), { password: 'Required.', apiKey: 'Required.' });
    assert.deepEqual(problems({ ...v, password: 'x', apiKey: ' k ' }, false, false), {});
    assert.deepEqual(problems({ ...v, apiKey: '  ' }, true, false), { apiKey: 'Required.' });
    assert.deepEqual(problems({ ...v, name: ' ', loginId: '', baseUrl: '' }), { name: 'Required.', loginId: 'Required.', baseUrl: 'Required.' });
    assert.deepEqual(problems({ ...v, baseUrl: 'api.mediumone.com' }), { baseUrl: 'Bad URL.' });
  });

  it('accepts only http and https URLs with a host', () => {
    for (const ok of ['https://api.mediumone.com', 'http://127.0.0.1:8080/v2', 'https://h/prefix']) assert.ok(isHttpUrl(ok), ok);
    for (const bad of ['', 'api.mediumone.com', 'javascript:alert(1)', 'file:///etc/passwd', 'ftp://h', 'https://']) assert.ok(!isHttpUrl(bad), bad);
  });
});
