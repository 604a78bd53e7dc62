import * as assert from 'node:assert/strict';
import { extensionExports } from '../../../src/extensionExports';
import type { Services } from '../../../src/services';

// What another extension reads from `getExtension('mediumone-tools.mediumone-api-users').exports`.

const PASSWORD = 'Exports-pw-7f3a';
const API_KEY = 'exports-api-key-91c2';

/** Services shaped enough to be found if they leak: each part carries a marker, the store hands out secrets. */
function fakeServices(): Services {
  const secrets = { password: PASSWORD, apiKey: API_KEY };
  const fake = {
    projects: { marker: 'store', getSecrets: () => Promise.resolve(secrets) },
    clients: { marker: 'client', secrets },
    redactor: { marker: 'redactor', known: [PASSWORD, API_KEY] },
    context: { marker: 'context', secrets: { get: () => Promise.resolve(JSON.stringify(secrets)) } },
  };
  return fake as unknown as Services;
}

/** Every value reachable from `root` through own properties (symbols and non-enumerables too) and prototypes. */
function reachable(root: unknown): unknown[] {
  const seen = new Set<unknown>();
  const queue: unknown[] = [root];
  while (queue.length) {
    const value = queue.pop();
    if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) {
      seen.add(value);
      continue;
    }
    seen.add(value);
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== Function.prototype) queue.push(proto);
    for (const key of Reflect.ownKeys(value)) {
      const d = Object.getOwnPropertyDescriptor(value, key);
      if (d && 'value' in d) queue.push(d.value);
    }
  }
  return [...seen];
}

const leaks = (exported: unknown) =>
  reachable(exported).filter(
    (v) => v === PASSWORD || v === API_KEY || (typeof v === 'object' && v !== null && 'marker' in v) || (typeof v === 'function' && v.name === 'getSecrets'),
  );

describe('extension exports', () => {
  it('outside ExtensionMode.Test hold no store, client, redactor, context or secret, and cannot be filled later', () => {
    const exported = extensionExports(false, fakeServices());
    assert.deepEqual(leaks(exported), []);
    assert.deepEqual(Reflect.ownKeys(exported), []);
    assert.ok(Object.isFrozen(exported), 'another extension could hang things on the shared exports object');
    assert.equal(JSON.stringify(exported).includes(PASSWORD), false);
  });

  it('in ExtensionMode.Test hand the services to the extension-host tests (the probe above would see them)', () => {
    const services = fakeServices();
    const exported = extensionExports(true, services);
    assert.ok('services' in exported && exported.services === services);
    assert.ok(leaks(exported).length >= 4, 'the leak probe must find what a test-mode export holds');
  });
});
