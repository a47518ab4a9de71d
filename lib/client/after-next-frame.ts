// Work that must not delay the frame a tap asked for (the next review card on
// screen) but should follow it closely.

/**
 * Runs `run` once the next frame has been drawn (a frame callback runs before the frame, a timeout set there
 * after it), or after 100 ms where no frame comes: a hidden tab draws none. The returned function cancels it.
 */
export function afterNextFrame(run: () => void): () => void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  const frame = requestAnimationFrame(() => window.setTimeout(once, 0));
  const fallback = window.setTimeout(once, 100);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    window.clearTimeout(fallback);
  };
}
