import * as assert from 'node:assert/strict';
import { decodeJson } from '../../../src/api/decode';
import {
  summaryFromEntry,
  updateResponseSchema,
  updatedFields,
  userFromBody,
  userListSchema,
  userSchema,
} from '../../../src/api/schemas';

describe('api/schemas', () => {
  it('reads the documented user body and keeps unknown fields in raw', () => {
    const text = '{"disabled":false,"login_id":"086bd7fffee96fd6","user_data":{"a":1},"mqtt_id":"rEAGMjrk8Bs","extra":[1]}';
    const body = decodeJson(userSchema, text);
    assert.ok(body.ok);
    const user = userFromBody(body.value, 'ignored');
    assert.deepEqual(user, {
      loginId: '086bd7fffee96fd6',
      disabled: false,
      mqttId: 'rEAGMjrk8Bs',
      userData: { a: 1 },
      raw: { disabled: false, login_id: '086bd7fffee96fd6', user_data: { a: 1 }, mqtt_id: 'rEAGMjrk8Bs', extra: [1] },
    });
  });

  it('tolerates nulls and missing optional fields', () => {
    const body = decodeJson(userSchema, '{"login_id":"x","user_data":null,"mqtt_id":null}');
    assert.ok(body.ok);
    assert.deepEqual(userFromBody(body.value, 'x'), { loginId: 'x', disabled: false, userData: {}, raw: { login_id: 'x', user_data: null, mqtt_id: null } });
    const noId = decodeJson(userSchema, '{"disabled":true}');
    assert.ok(noId.ok);
    assert.equal(userFromBody(noId.value, 'asked-for').loginId, 'asked-for');
  });

  it('accepts a list of login_id strings or of user objects', () => {
    const strings = decodeJson(userListSchema, '["a","b@example.com"]');
    assert.ok(strings.ok);
    assert.deepEqual(strings.value.map(summaryFromEntry), [{ loginId: 'a' }, { loginId: 'b@example.com' }]);
    const objects = decodeJson(userListSchema, '[{"login_id":"a","disabled":true,"mqtt_id":"m","user_data":{}},"b"]');
    assert.ok(objects.ok);
    assert.deepEqual(objects.value.map(summaryFromEntry), [
      { loginId: 'a', disabled: true, mqttId: 'm', userData: {} },
      { loginId: 'b' },
    ]);
  });

  it('reports unreadable bodies with a reason', () => {
    assert.deepEqual(decodeJson(userListSchema, '{"oops": '), { ok: false, why: 'the body is not valid JSON' });
    assert.deepEqual(decodeJson(userListSchema, '{"users": []}'), { ok: false, why: 'the body does not have the expected shape' });
    assert.deepEqual(decodeJson(userListSchema, '[{"disabled":true}]'), {
      ok: false,
      why: 'the body does not have the expected shape at 0',
    });
    assert.deepEqual(decodeJson(userSchema, ''), { ok: false, why: 'the body is empty' });
  });

  it('reads the updated fields from an array, a single string, an object or nothing', () => {
    const read = (text: string) => {
      const d = decodeJson(updateResponseSchema, text, { value: null });
      assert.ok(d.ok, text);
      return updatedFields(d.value, ['password', 'disabled']);
    };
    assert.deepEqual(read('["password","disabled"]'), ['password', 'disabled']);
    assert.deepEqual(read('"password"'), ['password']);
    assert.deepEqual(read('{"updated":["disabled"]}'), ['disabled']);
    assert.deepEqual(read('{"password":true}'), ['password']);
    assert.deepEqual(read('{}'), ['password', 'disabled']);
    assert.deepEqual(read(''), ['password', 'disabled']);
  });
});
