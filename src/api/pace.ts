/** How a send on the current session ended, for `Pace`. */
export type SendEnd = 'accepted' | 'ended' | 'lost';

/**
 * How many sends a fresh session may take at first, learned from the session before it. Some servers end a
 * session after a few calls; with many calls in flight, all of them racing onto each new session would waste
 * most on 401s (16 in flight, 3 calls a session: 13 wasted per login). So when a session ended with a 401 after
 * serving `budget` calls, the next one takes `budget + 1` sends at first, and two more for each call it serves
 * beyond that budget: a long-lived session is back to full speed within a few round trips. Sessions that did
 * not end with a 401 (the first one, one after `reset`) are not paced at all.
 */
export class Pace {
  /** Calls the last session served before it ended with a 401; undefined: no pacing. */
  private budget?: number;
  /** Calls the current session served (any answer but 401). */
  private served = 0;
  /** Sends begun on the current session that hold a place (lost ones give theirs back). */
  private begun = 0;
  /** The current session met a 401. */
  private ended = false;
  private wake = () => {};
  private changed = this.nextChange();

  /** A new session begins: what the last one served becomes the budget, if it ended with a 401. */
  restart(): void {
    this.budget = this.ended ? this.served : undefined;
    this.served = 0;
    this.begun = 0;
    this.ended = false;
    this.notify();
  }

  /** No pacing until a session ends with a 401 again (a reset, an explicit sign-in). */
  forget(): void {
    this.ended = false;
    this.restart();
  }

  /** Whether one more send may begin on the current session now. */
  get open(): boolean {
    if (this.budget === undefined) return true;
    return this.begun < this.budget + 1 + 2 * Math.max(0, this.served - this.budget);
  }

  begin(): void {
    this.begun++;
  }

  /**
   * A send begun on the current session is over. A 401 keeps its place: the call signs in again (`markEnded`),
   * or, when it was a refusal and not an ended session, gives it back (`refund`).
   */
  end(how: SendEnd): void {
    if (how === 'accepted') this.served++;
    else if (how === 'lost') this.begun--;
    this.notify();
  }

  /** A call met a 401 on the current session and signs in again: the session has ended. */
  markEnded(): void {
    this.ended = true;
  }

  /** A 401 on the current session that was a refusal of that call: its place is free again. */
  refund(): void {
    this.begun--;
    this.notify();
  }

  /** Resolves at the next change that may open a place. */
  next(): Promise<void> {
    return this.changed;
  }

  private notify(): void {
    this.wake();
    this.changed = this.nextChange();
  }

  private nextChange(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.wake = resolve;
    });
  }
}
