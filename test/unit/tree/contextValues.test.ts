import * as assert from 'node:assert/strict';
import { hasToken, projectContextValue, userContextValue } from '../../../src/tree/contextValues';
import type { Project } from '../../../src/projects/project';
import type { Role } from '../../../src/api/types';
import type { UserEntry } from '../../../src/users/userEntry';

const project = (role: Role, extra: Partial<Project> = {}): Project => ({
  id: 'p1',
  name: 'Plant',
  baseUrl: 'https://api.mediumone.com',
  role,
  loginId: 'admin@plant.example',
  production: false,
  ...extra,
});
const user = (state: UserEntry['state'], extra: Partial<UserEntry> = {}): UserEntry => ({ loginId: 'device-1', state, ...extra });
const tokens = (cv: string) => cv.split(';');

describe('context values', () => {
  it('lets a Business project do everything to an enabled user but enable it', () => {
    const cv = userContextValue(project('business'), user('enabled', { mqttId: 'abc' }));
    assert.deepEqual(tokens(cv), ['user', 'enabled', 'canDisable', 'canChangePassword', 'canDelete', 'canRead', 'hasMqttId', 'canSendEvents', 'canReadEvents']);
  });

  it('offers enable, not disable, on a disabled user', () => {
    const cv = userContextValue(project('business'), user('disabled'));
    assert.ok(hasToken(cv, 'canEnable'));
    assert.ok(!hasToken(cv, 'canDisable'));
  });

  it('gives a Registration project no update, delete or read on users', () => {
    const cv = userContextValue(project('registration'), user('unknown'));
    for (const t of ['canEnable', 'canDisable', 'canDelete', 'canChangePassword', 'canRead']) assert.ok(!hasToken(cv, t), t);
    assert.ok(hasToken(projectContextValue(project('registration')), 'canCreate'));
  });

  it('lets a Basic account change only itself', () => {
    const p = project('basic');
    assert.ok(hasToken(userContextValue(p, user('enabled', { loginId: p.loginId })), 'canChangePassword'));
    assert.ok(!hasToken(userContextValue(p, user('enabled')), 'canChangePassword'));
    assert.ok(!hasToken(projectContextValue(p), 'canCreate'));
  });

  it('offers neither Enable nor Disable on a user whose state is not known, and marks it', () => {
    const cv = userContextValue(project('business'), user('unknown'));
    assert.ok(hasToken(cv, 'stateUnknown'));
    assert.ok(!hasToken(cv, 'canEnable') && !hasToken(cv, 'canDisable'), cv);
    assert.ok(hasToken(cv, 'canDelete') && hasToken(cv, 'canChangePassword'), 'what does not depend on the state stays');
    assert.ok(!hasToken(userContextValue(project('business'), user('enabled')), 'stateUnknown'));
  });

  it('offers both on a row whose read failed: it says "error", and PATCH sets the state outright', () => {
    const cv = userContextValue(project('business'), user('error', { reason: 'Reading its state failed: 500' }));
    assert.ok(hasToken(cv, 'canEnable') && hasToken(cv, 'canDisable'));
  });

  it('offers no operation on a pending, missing or busy row', () => {
    for (const e of [user('pending'), user('notFound'), user('enabled', { busy: 'Disabling…' })]) {
      const cv = userContextValue(project('business'), e);
      for (const t of ['canEnable', 'canDisable', 'canDelete', 'canChangePassword']) assert.ok(!hasToken(cv, t), `${cv} has ${t}`);
    }
  });

  it('offers Send Test Event and Recent Events where the role may act for the user, and on a disabled user too', () => {
    const events = (cv: string) => ['canSendEvents', 'canReadEvents'].filter((t) => hasToken(cv, t));
    assert.deepEqual(events(userContextValue(project('business'), user('disabled'))), ['canSendEvents', 'canReadEvents'], 'the server refusal is explained there');
    assert.deepEqual(events(userContextValue(project('registration'), user('unknown'))), [], 'the server refuses a Registration account');
    const basic = project('basic');
    assert.deepEqual(events(userContextValue(basic, user('enabled'))), [], 'a Basic account acts only for itself');
    assert.deepEqual(events(userContextValue(basic, user('enabled', { loginId: basic.loginId }))), ['canSendEvents', 'canReadEvents']);
    assert.deepEqual(events(userContextValue(project('business'), user('pending'))), [], 'not on the server yet');
    assert.deepEqual(events(userContextValue(project('business'), user('enabled', { busy: 'Disabling…' }))), ['canReadEvents']);
  });

  it('marks the sandbox project running or stopped', () => {
    const p = project('business', { sandbox: true });
    assert.ok(hasToken(projectContextValue(p, true), 'running'));
    assert.ok(hasToken(projectContextValue(p, false), 'stopped'));
    assert.ok(!hasToken(projectContextValue(p, false), 'editable'));
  });

  it('matches tokens whole, not by substring', () => {
    assert.ok(!hasToken('user;canEnableX', 'canEnable'));
    assert.ok(hasToken('user;canEnable', 'canEnable'));
  });
});
