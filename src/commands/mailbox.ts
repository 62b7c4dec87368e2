/**
 * A one-slot mailbox between code that runs whether or not the task pane is open (ribbon commands)
 * and the pane: a message posted while nobody listens waits (the latest only) and reaches the first
 * listener as it subscribes; otherwise it reaches every listener at once.
 */
export interface Mailbox<T> {
  post(message: T): void;
  /** Returns the function that unsubscribes. */
  listen(listener: (message: T) => void): () => void;
  /** The message still waiting for a listener, if any (without taking it). */
  pending(): T | undefined;
  hasListener(): boolean;
}

export function mailbox<T>(): Mailbox<T> {
  let waiting: T | undefined;
  const listeners = new Set<(message: T) => void>();
  return {
    post(message) {
      if (listeners.size === 0) {
        waiting = message;
        return;
      }
      waiting = undefined;
      for (const l of [...listeners]) l(message);
    },
    listen(listener) {
      listeners.add(listener);
      if (waiting !== undefined) {
        const m = waiting;
        waiting = undefined;
        listener(m);
      }
      return () => {
        listeners.delete(listener);
      };
    },
    pending: () => waiting,
    hasListener: () => listeners.size > 0,
  };
}
