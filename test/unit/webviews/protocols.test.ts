import * as assert from 'node:assert/strict';
import { createUserToHost } from '../../../src/webviews/protocol/createUser';
import { editProjectToHost } from '../../../src/webviews/protocol/editProject';
import { MAX_LENGTH, USER_ACTIONS } from '../../../src/webviews/protocol/limits';
import { userDetailsToHost } from '../../../src/webviews/protocol/userDetails';

type Schema = { safeParse(v: unknown): { success: boolean } };
const accepts = (schema: Schema, v: unknown) => assert.ok(schema.safeParse(v).success, `should accept ${JSON.stringify(v)}`);
const rejects = (schema: Schema, v: unknown) => assert.ok(!schema.safeParse(v).success, `should reject ${JSON.stringify(v)?.slice(0, 200)}`);

/** Not messages at all: every protocol must refuse them. */
const junk = [null, undefined, 'ready', 42, [], {}, { type: 42 }, { type: 'READY' }];

describe('webview protocols: the host accepts only well-formed messages', () => {
  describe('create user', () => {
    const submit = { type: 'submit', requestId: '1', loginId: 'device-9', password: 'Pw-123456' };

    it('accepts every message the page sends', () => {
      accepts(createUserToHost, { type: 'ready' });
      accepts(createUserToHost, { type: 'cancel' });
      accepts(createUserToHost, submit);
      accepts(createUserToHost, { ...submit, loginId: 'a'.repeat(MAX_LENGTH.loginId), password: 'p'.repeat(MAX_LENGTH.secret) });
    });

    it('rejects junk, unknown types and extra keys', () => {
      junk.forEach((v) => rejects(createUserToHost, v));
      rejects(createUserToHost, { type: 'delete', loginId: 'a' });
      rejects(createUserToHost, { type: 'init', projectName: 'P' }); // a ToView type is not a ToHost one
      rejects(createUserToHost, { type: 'ready', extra: true });
      rejects(createUserToHost, { ...submit, admin: true });
    });

    it('rejects missing, empty, mistyped and oversized fields', () => {
      for (const key of ['requestId', 'loginId', 'password'] as const) {
        const { [key]: _dropped, ...missing } = submit;
        rejects(createUserToHost, missing);
        rejects(createUserToHost, { ...submit, [key]: '' });
        rejects(createUserToHost, { ...submit, [key]: 42 });
        rejects(createUserToHost, { ...submit, [key]: null });
      }
      rejects(createUserToHost, { ...submit, requestId: 'r'.repeat(MAX_LENGTH.requestId + 1) });
      rejects(createUserToHost, { ...submit, loginId: 'a'.repeat(MAX_LENGTH.loginId + 1) });
      rejects(createUserToHost, { ...submit, password: 'p'.repeat(MAX_LENGTH.secret + 1) });
    });
  });

  describe('user details', () => {
    it('accepts ready and every known action', () => {
      accepts(userDetailsToHost, { type: 'ready' });
      USER_ACTIONS.forEach((action) => accepts(userDetailsToHost, { type: 'action', action }));
    });

    it('rejects junk, unknown actions and extra keys', () => {
      junk.forEach((v) => rejects(userDetailsToHost, v));
      rejects(userDetailsToHost, { type: 'action', action: 'rm -rf' });
      rejects(userDetailsToHost, { type: 'action', action: 'Delete' });
      rejects(userDetailsToHost, { type: 'action' });
      rejects(userDetailsToHost, { type: 'action', action: ['delete'] });
      rejects(userDetailsToHost, { type: 'action', action: 'delete', loginId: 'someone-else' });
      rejects(userDetailsToHost, { type: 'run', action: 'delete' });
    });
  });

  describe('edit project', () => {
    const values = { name: 'P', baseUrl: 'https://api.mediumone.com', role: 'business', loginId: 'a@b', production: false };
    const save = (v: object, skipConnectionTest: unknown = false) => ({ type: 'save', skipConnectionTest, values: v });

    it('accepts ready, cancel and saves with or without new secrets', () => {
      accepts(editProjectToHost, { type: 'ready' });
      accepts(editProjectToHost, { type: 'cancel' });
      accepts(editProjectToHost, save(values));
      accepts(editProjectToHost, save({ ...values, role: 'registration', password: 'new', apiKey: 'k', mqttId: 'm' }, true));
      accepts(editProjectToHost, save({ ...values, role: 'basic', production: true }));
      // The page checks required fields; the host re-checks them with messages of its own.
      accepts(editProjectToHost, save({ ...values, name: '' }));
    });

    it('rejects junk, unknown types and extra keys (no smuggled fields)', () => {
      junk.forEach((v) => rejects(editProjectToHost, v));
      rejects(editProjectToHost, { type: 'delete' });
      rejects(editProjectToHost, { ...save(values), id: 'other-project' });
      rejects(editProjectToHost, save({ ...values, sandbox: true }));
    });

    it('rejects mistyped, missing and oversized values', () => {
      rejects(editProjectToHost, save({ ...values, role: 'root' }));
      rejects(editProjectToHost, save(values, 'no'));
      rejects(editProjectToHost, { type: 'save', values });
      rejects(editProjectToHost, { type: 'save', skipConnectionTest: false });
      rejects(editProjectToHost, save({ ...values, production: 'yes' }));
      for (const key of ['name', 'baseUrl', 'role', 'loginId', 'production'] as const) {
        const { [key]: _dropped, ...missing } = values;
        rejects(editProjectToHost, save(missing));
      }
      // An empty secret would mean "replace with nothing": the page sends no key instead.
      rejects(editProjectToHost, save({ ...values, password: '' }));
      rejects(editProjectToHost, save({ ...values, apiKey: 7 }));
      rejects(editProjectToHost, save({ ...values, name: 'n'.repeat(MAX_LENGTH.name + 1) }));
      rejects(editProjectToHost, save({ ...values, baseUrl: `https://x/${'a'.repeat(MAX_LENGTH.baseUrl)}` }));
      rejects(editProjectToHost, save({ ...values, loginId: 'a'.repeat(MAX_LENGTH.loginId + 1) }));
      rejects(editProjectToHost, save({ ...values, mqttId: 'm'.repeat(MAX_LENGTH.mqttId + 1) }));
      rejects(editProjectToHost, save({ ...values, password: 'p'.repeat(MAX_LENGTH.secret + 1) }));
      rejects(editProjectToHost, save({ ...values, apiKey: 'k'.repeat(MAX_LENGTH.secret + 1) }));
    });
  });
});
