// Watches the event loop while work runs: a timer ticks every `tickMs` and
// the worst lateness of a tick is how long the loop was held at a stretch.

export type LoopWatch = { stop: () => number };

/** Starts ticking; `stop()` ends it and returns the longest extra wait of a tick, in ms. */
export function watchEventLoop(tickMs = 5): LoopWatch {
  let worst = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - tickMs);
    last = now;
  }, tickMs);
  return {
    stop: () => {
      clearInterval(timer);
      return worst;
    },
  };
}
