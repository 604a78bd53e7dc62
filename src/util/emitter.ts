/** What a subscription hands back: the same shape as vscode.Disposable, so VS Code code can keep it with its own. */
export interface Subscription {
  dispose(): void;
}

/** Subscribes a listener; the shape of vscode.Event without its optional arguments. */
export type Listen<T> = (listener: (value: T) => void) => Subscription;

/**
 * A tiny event emitter for the vscode-free layers (src/users): what vscode.EventEmitter does for them, so they run
 * in plain Node. Listeners are called in the order they subscribed; one that unsubscribes while an event is being
 * delivered still gets that event, not the next.
 */
export class Emitter<T> {
  private listeners: ((value: T) => void)[] = [];

  readonly event: Listen<T> = (listener) => {
    this.listeners = [...this.listeners, listener];
    return {
      dispose: () => {
        this.listeners = this.listeners.filter((l) => l !== listener);
      },
    };
  };

  fire(value: T): void {
    for (const listener of this.listeners) listener(value);
  }

  dispose(): void {
    this.listeners = [];
  }
}
