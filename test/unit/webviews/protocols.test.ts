import * as assert from 'node:assert/strict';
import { createUserToHost } from '../../../src/webviews/protocol/createUser';
import { userDetailsToHost } from '../../../src/webviews/protocol/userDetails';
import { editProjectToHost } from '../../../src/webviews/protocol/editProject';

const accepts = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown) => assert.ok(schema.safeParse(v).success, JSON.stringify(v));
const rejects = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown) => assert.ok(!schema.safeParse(v).success, JSON.stringify(v));

describe('webview protocols: the host accepts only well-formed messages', () => {
  it('create user', () => {
    accepts(createUserToHost, { type: 'ready' });
    accepts(createUserToHost, { type: 'submit', requestId: 'r1', loginId: 'device-9', password: 'Pw-123456' });
    rejects(createUserToHost, { type: 'submit', requestId: 'r1', loginId: '', password: 'x' });
    rejects(createUserToHost, { type: 'submit', requestId: 'r1', loginId: 'a', password: 42 });
    rejects(createUserToHost, { type: 'submit', requestId: 'r1', loginId: 'a'.repeat(2000), password: 'x' });
    rejects(createUserToHost, { type: 'delete', loginId: 'a' });
    rejects(createUserToHost, 'submit');
    rejects(createUserToHost, null);
  });

  it('user details: only the known actions', () => {
    accepts(userDetailsToHost, { type: 'action', action: 'disable' });
    rejects(userDetailsToHost, { type: 'action', action: 'rm -rf' });
    rejects(userDetailsToHost, { type: 'action' });
  });

  it('edit project: typed values, a role from the list, optional secrets', () => {
    const values = { name: 'P', baseUrl: 'https://api.mediumone.com', role: 'business', loginId: 'a@b', production: false };
    accepts(editProjectToHost, { type: 'save', skipConnectionTest: false, values });
    accepts(editProjectToHost, { type: 'save', skipConnectionTest: true, values: { ...values, password: 'new', apiKey: 'k', mqttId: 'm' } });
    rejects(editProjectToHost, { type: 'save', skipConnectionTest: false, values: { ...values, role: 'root' } });
    rejects(editProjectToHost, { type: 'save', skipConnectionTest: 'no', values });
    rejects(editProjectToHost, { type: 'save', skipConnectionTest: false, values: { ...values, production: 'yes' } });
  });
});
