// Long synchronous loops give other requests a turn now and then: converting
// 25k reviews for the optimizer in one go held Node's event loop for ≈0.5 s,
// reading and replaying a 100,000-review Anki package for seconds.

/** Resolves on the next turn of the event loop (after pending I/O callbacks). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Counts work units and yields to the event loop once `budget` of them have
 * run since the last yield. `budget` is a count of cheap steps (≈1–5 µs each),
 * chosen so that one stretch stays near 10 ms.
 */
export function workBudget(budget: number): (units: number) => Promise<void> | undefined {
  let spent = 0;
  return (units) => {
    spent += units;
    if (spent < budget) return undefined;
    spent = 0;
    return yieldToEventLoop();
  };
}

/** A pause to call between steps of uneven cost: it yields once the slice has run `sliceMs`, else returns undefined. */
export type TimeSlice = () => Promise<void> | undefined;

/**
 * Yields to the event loop whenever `sliceMs` (wall clock, ms) have passed
 * since the last yield, so no stretch of steps holds the loop much longer than
 * that, whatever each step costs. Call it between steps: `await pause()`.
 */
export function timeSlice(sliceMs = 20): TimeSlice {
  let since = performance.now();
  return () => {
    if (performance.now() - since < sliceMs) return undefined;
    return yieldToEventLoop().then(() => {
      since = performance.now();
    });
  };
}
