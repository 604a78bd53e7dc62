import * as assert from 'node:assert/strict';
import { createUserOneAtATime, createUserToHost } from '../../../src/webviews/protocol/createUser';
import { SNIPPET_FORMATS } from '../../../src/webviews/protocol/limits';
import { userDetailsOneAtATime, userDetailsToHost } from '../../../src/webviews/protocol/userDetails';
import { SNIPPET_FORMATS as PROVISIONING_FORMATS } from '../../../src/provisioning';

// Issue 11's messages: the details page's snippet, test event and recent events requests, and the create form's
// created state. None carries a secret or names a user: the host acts on the user (and password) it holds.

type Schema = { safeParse(v: unknown): { success: boolean } };
const accepts = (schema: Schema, v: unknown) => assert.ok(schema.safeParse(v).success, `should accept ${JSON.stringify(v)}`);
const rejects = (schema: Schema, v: unknown) => assert.ok(!schema.safeParse(v).success, `should reject ${JSON.stringify(v)?.slice(0, 200)}`);

describe('webview protocols: device provisioning messages', () => {
  describe('user details', () => {
    it('offers every snippet format src/provisioning builds, and no other', () => {
      assert.deepEqual([...SNIPPET_FORMATS].sort(), [...PROVISIONING_FORMATS].sort());
    });

    it('accepts a copy in every format, Send Test Event and a read of the events', () => {
      SNIPPET_FORMATS.forEach((format) => accepts(userDetailsToHost, { type: 'copySnippet', format }));
      accepts(userDetailsToHost, { type: 'sendTestEvent' });
      accepts(userDetailsToHost, { type: 'loadEvents' });
    });

    it('refuses unknown formats, missing or mistyped ones, and extra keys', () => {
      for (const format of ['bash', 'CURL', 'curl ', '', 'mqtt', 42, null, ['curl'], { format: 'curl' }]) {
        rejects(userDetailsToHost, { type: 'copySnippet', format });
      }
      rejects(userDetailsToHost, { type: 'copySnippet' });
      // The page never chooses the secrets, the user or the stream: the host asks and knows.
      rejects(userDetailsToHost, { type: 'copySnippet', format: 'curl', apiKey: 'k' });
      rejects(userDetailsToHost, { type: 'copySnippet', format: 'curl', loginId: 'someone-else' });
      rejects(userDetailsToHost, { type: 'sendTestEvent', body: '{"event_data":{}}' });
      rejects(userDetailsToHost, { type: 'sendTestEvent', loginId: 'someone-else' });
      rejects(userDetailsToHost, { type: 'loadEvents', limit: 10_000 });
      rejects(userDetailsToHost, { type: 'loadEvents', stream: 'other' });
      // A ToView type is not a ToHost one.
      rejects(userDetailsToHost, { type: 'events', events: { loading: false, rows: [] } });
    });

    it('handles each request one at a time (a double click does not prompt twice)', () => {
      assert.deepEqual([...userDetailsOneAtATime].sort(), ['copySnippet', 'loadEvents', 'sendTestEvent']);
    });
  });

  describe('create user, created state', () => {
    it('accepts Copy, Save Credentials File and Create Another', () => {
      accepts(createUserToHost, { type: 'copyPassword' });
      accepts(createUserToHost, { type: 'saveCredentials' });
      accepts(createUserToHost, { type: 'createAnother' });
    });

    it('refuses any of them carrying a password, a user or anything else', () => {
      rejects(createUserToHost, { type: 'copyPassword', password: 'Pw-123456' });
      rejects(createUserToHost, { type: 'copyPassword', loginId: 'device-9' });
      rejects(createUserToHost, { type: 'saveCredentials', format: 'csv' });
      rejects(createUserToHost, { type: 'saveCredentials', rows: [{ loginId: 'a', password: 'b' }] });
      rejects(createUserToHost, { type: 'createAnother', loginId: 'device-10' });
      rejects(createUserToHost, { type: 'created', user: { loginId: 'a', summary: '' } });
      rejects(createUserToHost, { type: 'copied' });
    });

    it('opens one credentials dialog at a time', () => {
      assert.ok(createUserOneAtATime.includes('saveCredentials'));
      assert.ok(createUserOneAtATime.includes('submit'));
    });
  });
});
