// Long synchronous loops in the optimizer give other requests a turn now and
// then: converting 25k reviews in one go held Node's event loop for ≈0.5 s.

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
