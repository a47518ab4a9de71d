// The time an attempt took, as the attempt APIs accept it.

/** The APIs refuse durations over a day; a page left open longer still grades. */
const MAX_DURATION_MS = 86_400_000;

/** `ms` rounded and clamped to 0 … one day. */
export function attemptDurationMs(ms: number): number {
  return Math.min(Math.max(0, Math.round(ms)), MAX_DURATION_MS);
}
