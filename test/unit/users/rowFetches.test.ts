import * as assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { RowFetches } from '../../../src/users/rowFetches';

// The tree's refresh/reveal bookkeeping, without VS Code: VS Code fails when one parent's rows are fetched twice at
// once, so a refresh during a fetch waits for it, and a reveal waits until the parent is quiet.

const timing = { registerGraceMs: 10, refetchWaitMs: 300, throttleMs: 40 };

function fetches() {
  const deferred: string[] = [];
  return { deferred, rows: new RowFetches((key) => deferred.push(key), timing) };
}

/** A fetch that ends when `end` is called. */
function slowFetch(rows: RowFetches, key: string) {
  let end!: () => void;
  const done = rows.run(key, () => new Promise<string[]>((resolve) => (end = () => resolve(['row']))));
  return { done, end: () => end() };
}

describe('users/rowFetches: refresh and reveal bookkeeping of the tree', () => {
  it('fires a refresh at once when the parent is not being fetched', () => {
    const { rows, deferred } = fetches();
    assert.equal(rows.refreshNow('p1'), true);
    assert.equal(rows.refreshNow(undefined), true, 'a node that holds no rows');
    assert.deepEqual(deferred, []);
  });

  it('defers a refresh asked for during a fetch, and fires it once the fetch is done and registered', async () => {
    const { rows, deferred } = fetches();
    const fetch = slowFetch(rows, 'p1');
    assert.equal(rows.refreshNow('p1'), false, 'not during the fetch');
    assert.equal(rows.refreshNow('p2'), true, 'another parent is not held back');
    fetch.end();
    assert.deepEqual(await fetch.done, ['row']);
    assert.deepEqual(deferred, [], 'not before VS Code registered the rows');
    await sleep(timing.registerGraceMs + 20);
    assert.deepEqual(deferred, ['p1'], 'once, after the fetch');
    rows.dispose();
  });

  it('lets a reveal go at once for a parent never fetched, and after the refetch for a refreshed one', async () => {
    const { rows } = fetches();
    let revealed = false;
    await rows.whenQuiet('p1');
    await rows.run('p1', () => Promise.resolve([]));
    await sleep(timing.registerGraceMs + 20);
    rows.refreshNow('p1');
    const reveal = rows.whenQuiet('p1').then(() => (revealed = true));
    await sleep(20);
    assert.equal(revealed, false, 'waits while VS Code has not fetched the refreshed parent again');
    await rows.run('p1', () => Promise.resolve([]));
    await sleep(timing.registerGraceMs + 20);
    assert.equal(revealed, true, 'goes once the refetch is registered');
    await reveal;
  });

  it('lets a reveal go after refetchWaitMs when VS Code does not fetch the parent again (collapsed)', async () => {
    const { rows } = fetches();
    await rows.run('p1', () => Promise.resolve([]));
    await sleep(timing.registerGraceMs + 20);
    rows.refreshNow('p1');
    const started = Date.now();
    await rows.whenQuiet('p1');
    assert.ok(Date.now() - started >= timing.refetchWaitMs - 20, 'it waited');
  });

  it('throttles: many calls within throttleMs run the refresh once', async () => {
    const { rows } = fetches();
    let runs = 0;
    for (let i = 0; i < 5; i++) rows.throttle('p1', () => runs++);
    await sleep(timing.throttleMs + 30);
    assert.equal(runs, 1);
    rows.throttle('p1', () => runs++);
    rows.dispose();
    await sleep(timing.throttleMs + 30);
    assert.equal(runs, 1, 'nothing fires after dispose');
  });
});
