/**
 * A read the popup starts as its script begins, with its value once it has arrived, so that a
 * part mounted later can start from it at once instead of waiting one more turn.
 */
export interface Early<T> {
  promise: Promise<T>;
  /** Whether `value` holds the answer (false while waiting, and after a failure). */
  arrived: boolean;
  value?: T;
}

export function early<T>(promise: Promise<T>): Early<T> {
  const tracked: Early<T> = { promise, arrived: false };
  promise.then(
    (value) => {
      tracked.value = value;
      tracked.arrived = true;
    },
    () => undefined,
  );
  return tracked;
}

/** A value the popup has at once (e.g. from the address or the snapshot), in the same shape. */
export function known<T>(value: T): Early<T> {
  return { promise: Promise.resolve(value), arrived: true, value };
}
