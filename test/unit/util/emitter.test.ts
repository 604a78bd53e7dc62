import * as assert from 'node:assert/strict';
import { Emitter } from '../../../src/util/emitter';

describe('util/emitter', () => {
  it('delivers to every listener in order; a disposed one hears nothing more', () => {
    const emitter = new Emitter<number>();
    const heard: string[] = [];
    const a = emitter.event((n) => heard.push(`a${n}`));
    emitter.event((n) => heard.push(`b${n}`));
    emitter.fire(1);
    a.dispose();
    emitter.fire(2);
    assert.deepEqual(heard, ['a1', 'b1', 'b2']);
  });

  it('a listener that unsubscribes another while an event is delivered does not skip anyone', () => {
    const emitter = new Emitter<void>();
    const heard: string[] = [];
    const subs: { dispose(): void }[] = [];
    subs.push(emitter.event(() => {
      heard.push('first');
      subs[1].dispose();
    }));
    subs.push(emitter.event(() => heard.push('second')));
    subs.push(emitter.event(() => heard.push('third')));
    emitter.fire();
    emitter.fire();
    assert.deepEqual(heard, ['first', 'second', 'third', 'first', 'third']);
    emitter.dispose();
    emitter.fire();
    assert.equal(heard.length, 5, 'none after dispose');
  });

  it('a listener that throws neither stops the others nor fails the one who fired; its error is reported', () => {
    const errors: unknown[] = [];
    const emitter = new Emitter<number>((e) => errors.push(e));
    const heard: number[] = [];
    emitter.event(() => {
      throw new Error('listener fault');
    });
    emitter.event((n) => heard.push(n));
    emitter.fire(7);
    assert.deepEqual(heard, [7], 'the second listener heard the event');
    assert.deepEqual(errors.map((e) => (e as Error).message), ['listener fault']);
  });
});
