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

  /** `onListenerError` sees a listener's error; by default it is thrown again from a fresh task, so it is still seen. */
  constructor(private readonly onListenerError: (error: unknown) => void = rethrowLater) {}

  /** Every listener hears the event even when one throws (as with vscode.EventEmitter): the model that fires must not fail for its listener's fault. */
  fire(value: T): void {
    for (const listener of this.listeners) {
      try {
        listener(value);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  dispose(): void {
    this.listeners = [];
  }
}

function rethrowLater(error: unknown): void {
  setTimeout(() => {
    throw error;
  });
}
