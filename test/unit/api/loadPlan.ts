// A bulk run as the extension makes one: a fixed mix of operations, each on its own user, run with a bounded
// number in flight; and what the server must hold afterwards.
import * as assert from 'node:assert/strict';
import type { MediumOneClient } from '../../../src/api/client';
import type { Emulator } from '../../../src/emulator/types';
import { runPool as runInPool, type Concurrency } from '../../../src/util/concurrency';
import { projectName } from './fixture';

/** One operation of the run and what the server must hold afterwards. */
export interface Operation {
  run(client: MediumOneClient): Promise<unknown>;
  check(): void;
}

/**
 * Runs `operations` through the product's own pool (at most `concurrency` at once: a number, or the server's
 * adaptive controller), as a bulk run does; collects every failure.
 */
export async function runPool(client: MediumOneClient, operations: readonly Operation[], concurrency: Concurrency): Promise<unknown[]> {
  const failures: unknown[] = [];
  await runInPool(operations.length, concurrency, (i) => operations[i].run(client).then(() => undefined, (e: unknown) => void failures.push(e)));
  return failures;
}

/** A fixed permutation (a linear congruential shuffle), so every run mixes the kinds the same way. */
function mixed<T>(items: T[]): T[] {
  let seed = 42;
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * `each` of create, delete, PATCH (half disable, half enable) and GET, each on its own user, mixed. A create
 * answered 202 is waited for, as the extension does.
 */
export function plan(emulator: Emulator, each: number): Operation[] {
  const ops: Operation[] = [];
  const id = (prefix: string, i: number) => `${prefix}-${String(i).padStart(3, '0')}`;
  for (let i = 0; i < each; i++) {
    const create = id('new', i);
    ops.push({
      run: async (c) => {
        const created = await c.createUser({ loginId: create, password: `Pw-${create}-1` });
        if (created.status === 'pending') await c.waitUntilExists(create, { intervalMs: 50, maxAttempts: 60 });
      },
      check: () => assert.ok(emulator.checkPassword(projectName, create, `Pw-${create}-1`), `${create} created once`),
    });
    const doomed = id('old', i);
    emulator.putUser(projectName, { loginId: doomed, password: 'Old-Pw-123' });
    ops.push({
      run: (c) => c.deleteUser(doomed),
      check: () => assert.equal(emulator.getUser(projectName, doomed), undefined, `${doomed} deleted`),
    });
    const flip = id('flip', i);
    const disabled = i % 2 === 0;
    emulator.putUser(projectName, { loginId: flip, password: 'Flip-Pw-123', disabled: !disabled });
    ops.push({
      run: (c) => c.updateUser(flip, { disabled }),
      check: () => assert.equal(emulator.getUser(projectName, flip)?.disabled, disabled, `${flip} disabled=${disabled}`),
    });
    const read = id('read', i);
    emulator.putUser(projectName, { loginId: read, password: 'Read-Pw-123', disabled: i % 3 === 0 });
    ops.push({
      run: async (c) => assert.equal((await c.getUser(read)).disabled, i % 3 === 0, `${read} read as the server holds it`),
      check: () => assert.ok(emulator.getUser(projectName, read), `${read} untouched`),
    });
  }
  return mixed(ops);
}
