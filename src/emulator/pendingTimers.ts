/**
 * The emulator's own timers (today: 202-accepted creates that land later). Cancelled all at once on reset, so a
 * change meant for the old state never lands in the new one, and on stop, so nothing keeps Node running.
 */
export class PendingTimers {
  private readonly timers = new Set<NodeJS.Timeout>();

  schedule(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  cancelAll(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
