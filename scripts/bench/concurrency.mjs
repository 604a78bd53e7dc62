// How bulk work is paced in the two setups the matrix compares: the fixed default the extension had before issue 12
// (`mediumOne.concurrency` 8) and the adaptive controller with default settings. The adaptive side is a seam: it uses
// what the extension itself uses, and says so ("n/a") when the build has no such controller.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extensionClient, loadFirst, root } from './load.mjs';

/**
 * @typedef {object} Setup
 * @property {string} name
 * @property {boolean} available
 * @property {string} [reason]  why not available
 * @property {string} [from]  the module it comes from
 * @property {number} [ceiling]  calls in flight at most, by default
 * @property {(baseUrl: string, extra?: object) => any} [client]  the API client as the extension builds it
 * @property {(client: any) => object} [bulkOptions]  runBulk's pacing options for that client
 * @property {(client: any) => object} [readerOptions]  StateReader's pacing options for that client
 * @property {string} [readerPacing]  how the state reader is paced, in words
 */

/** `mediumOne.concurrency`'s default before the adaptive controller. */
export const FIXED_DEFAULT = 8;

/** @type {Setup} */
export const fixedSetup = {
  name: 'fixed default (8)',
  available: true,
  ceiling: FIXED_DEFAULT,
  client: extensionClient,
  bulkOptions: () => ({ concurrency: FIXED_DEFAULT }),
  readerOptions: () => ({ concurrency: FIXED_DEFAULT }),
  readerPacing: `${FIXED_DEFAULT} in flight`,
};

/** The adaptive controller as a multi-user action gets it with default settings. @returns {Setup} */
export function adaptiveSetup() {
  const found = loadFirst('users/serverConcurrency.js');
  const m = found?.module;
  const ceiling = m?.DEFAULT_CEILING;
  if (!found || typeof m.concurrencyFor !== 'function' || typeof ceiling !== 'number') {
    return { name: 'adaptive default', available: false, reason: found ? `${found.from} exports no concurrencyFor / DEFAULT_CEILING yet` : 'no adaptive controller in this build' };
  }
  const gate = (client) => ({ concurrency: m.concurrencyFor(client, ceiling) });
  // The state reader is handed what the extension hands it: the controller once it takes one, else the ceiling.
  const readerTakesGate = /\.acquire\(/.test(readFileSync(path.join(root, 'out', 'src', 'users', 'stateReader.js'), 'utf8'));
  return {
    name: 'adaptive default',
    available: true,
    from: found.from,
    ceiling,
    client: extensionClient,
    bulkOptions: gate,
    readerOptions: readerTakesGate ? gate : () => ({ concurrency: ceiling }),
    readerPacing: readerTakesGate ? 'the adaptive controller' : `${ceiling} in flight (the state reader takes a number, not the controller)`,
  };
}
