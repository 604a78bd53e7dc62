import * as assert from 'node:assert/strict';
import { activityToHost, ACTIVITY_ACTIONS, ACTIVITY_OUTCOMES } from '../../../src/webviews/protocol/activity';
import { MAX_LENGTH } from '../../../src/webviews/protocol/limits';

const accepts = (v: unknown) => assert.ok(activityToHost.safeParse(v).success, `should accept ${JSON.stringify(v)}`);
const rejects = (v: unknown) => assert.ok(!activityToHost.safeParse(v).success, `should reject ${JSON.stringify(v)?.slice(0, 200)}`);

describe('webview protocols: Show Activity accepts only well-formed messages', () => {
  const id = '0f8e5b1c-6a43-4c2e-9a55-1a2b3c4d5e6f';

  it('accepts every message the page sends', () => {
    accepts({ type: 'ready' });
    accepts({ type: 'filter', filter: {} });
    accepts({ type: 'filter', filter: { projectId: 'test-business-1', loginId: 'device-1' } });
    accepts({ type: 'filter', filter: { loginId: 'device-1', exactLoginId: true } });
    ACTIVITY_ACTIONS.forEach((action) => accepts({ type: 'filter', filter: { action } }));
    ACTIVITY_OUTCOMES.forEach((outcome) => accepts({ type: 'filter', filter: { outcome } }));
    accepts({ type: 'filter', filter: { loginId: 'a'.repeat(MAX_LENGTH.loginId) } });
    accepts({ type: 'export', format: 'csv' });
    accepts({ type: 'export', format: 'json' });
    accepts({ type: 'undo', entryId: id });
    accepts({ type: 'undoRun', runId: id });
  });

  it('rejects junk, unknown types, ToView types and extra keys', () => {
    for (const v of [null, undefined, 'ready', 42, [], {}, { type: 42 }, { type: 'READY' }]) rejects(v);
    rejects({ type: 'model', model: {} });
    rejects({ type: 'ready', extra: true });
    rejects({ type: 'filter', filter: { projectId: 'p', admin: true } });
    rejects({ type: 'undo', entryId: id, runId: id });
    rejects({ type: 'export', format: 'csv', path: '/etc/passwd' });
  });

  it('rejects unknown enum values, missing, empty, mistyped and oversized fields', () => {
    rejects({ type: 'filter' });
    rejects({ type: 'filter', filter: { action: 'drop' } });
    rejects({ type: 'filter', filter: { outcome: 'maybe' } });
    rejects({ type: 'filter', filter: { loginId: 42 } });
    rejects({ type: 'filter', filter: { loginId: 'device-1', exactLoginId: 'yes' } });
    rejects({ type: 'filter', filter: { loginId: 'a'.repeat(MAX_LENGTH.loginId + 1) } });
    rejects({ type: 'filter', filter: { projectId: 'p'.repeat(MAX_LENGTH.name + 1) } });
    rejects({ type: 'export' });
    rejects({ type: 'export', format: 'xlsx' });
    rejects({ type: 'undo' });
    rejects({ type: 'undo', entryId: '' });
    rejects({ type: 'undo', entryId: null });
    rejects({ type: 'undo', entryId: 'x'.repeat(MAX_LENGTH.requestId + 1) });
    rejects({ type: 'undoRun', runId: '' });
    rejects({ type: 'undoRun', entryId: id });
  });
});
