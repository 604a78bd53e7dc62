import * as assert from 'node:assert/strict';
import { MediumOneError, isMediumOneError, mayHaveBeenApplied } from '../../../src/api/errors';

// Events are sent from bundles loaded on demand (dist/provisioning.js, dist/panels.js), each with its own copy of
// src/api: an error made by one copy must be recognised by every other.

/** A second, separately loaded copy of src/api/errors, as another bundle holds it. */
function anotherCopy(): typeof import('../../../src/api/errors') {
  const id = require.resolve('../../../src/api/errors');
  const saved = require.cache[id];
  delete require.cache[id];
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh load of the module, as another bundle makes
    return require(id) as typeof import('../../../src/api/errors');
  } finally {
    require.cache[id] = saved;
  }
}

describe('api/errors: recognised across bundles', () => {
  it('an error made by another copy of the module is a MediumOneError here, of its kind', () => {
    const copy = anotherCopy();
    assert.notEqual(copy.MediumOneError, MediumOneError, 'really a second copy');
    const e: unknown = new copy.MediumOneError({ kind: 'forbidden', method: 'POST', path: '/v2/events/raw/a', message: 'no', mayHaveBeenApplied: true });
    assert.ok(e instanceof MediumOneError);
    assert.ok(isMediumOneError(e, 'forbidden'));
    assert.ok(!isMediumOneError(e, 'notFound'));
    assert.ok(mayHaveBeenApplied(e));
    assert.ok(copy.isMediumOneError(new MediumOneError({ kind: 'timeout', method: 'GET', path: '/', message: 'slow' }), 'timeout'));
  });

  it('other errors and look-alike objects are not', () => {
    assert.ok(!isMediumOneError(new Error('x')));
    assert.ok(!isMediumOneError({ name: 'MediumOneError', kind: 'forbidden', message: 'x' }));
    assert.ok(!isMediumOneError(null));
    assert.ok(!(Object.create(null) instanceof MediumOneError));
  });
});
