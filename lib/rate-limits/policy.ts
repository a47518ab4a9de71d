// The rate-limit rules as pure functions of counts and the clock: fixed
// windows per client address, and the per-account backoff after failed
// sign-ins. The counting itself is atomic SQL in counters.ts and
// sign-in-backoff.ts; the arithmetic that decides lives here.

/** At most `max` hits per key in a window of `windowMs` that starts at the key's first hit. */
export type WindowRule = { name: string; max: number; windowMs: number };

/** A counter as stored: when its window started and the hits in it, this one included. */
export type WindowCount = { windowStart: Date; hits: number };

export type LimitDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

const MINUTE = 60_000;

/** Per-account backoff: the threshold, the first wait, its cap, and how long a quiet spell must last to forget. */
export const SIGN_IN_BACKOFF = {
  threshold: 5,
  firstWaitMs: MINUTE,
  maxWaitMs: 15 * MINUTE,
  forgetAfterMs: 15 * MINUTE,
} as const;

/** The instant before which a window that starts then has expired: a hit at `now` opens a new one. */
export function windowCutoff(rule: WindowRule, now: Date): Date {
  return new Date(now.getTime() - rule.windowMs);
}

/** Allowed while the window holds at most `rule.max` hits; otherwise the time until it ends (at least 1 s). */
export function decideWindow(count: WindowCount, rule: WindowRule, now: Date): LimitDecision {
  if (count.hits <= rule.max) return { allowed: true };
  const endsAt = count.windowStart.getTime() + rule.windowMs;
  return { allowed: false, retryAfterMs: Math.max(1000, endsAt - now.getTime()) };
}

/**
 * How long sign-ins for an account wait after its `failures`-th failure in a
 * row: nothing below the threshold, then 1, 2, 4, 8 minutes, capped at 15.
 */
export function backoffWaitMs(failures: number): number {
  const { threshold, firstWaitMs, maxWaitMs } = SIGN_IN_BACKOFF;
  if (failures < threshold) return 0;
  return Math.min(maxWaitMs, firstWaitMs * 2 ** Math.min(failures - threshold, 20));
}

/**
 * `backoffWaitMs` for 1…n failures, as the SQL in sign-in-backoff.ts reads
 * it (a count past the table's end uses its last entry, the cap).
 */
export function backoffWaitTable(): number[] {
  const table: number[] = [];
  for (let failures = 1; table.length === 0 || table[table.length - 1] !== SIGN_IN_BACKOFF.maxWaitMs; failures++) {
    table.push(backoffWaitMs(failures));
  }
  return table;
}

/** Time left before an account with this failure record may try again; 0 when it may now. */
export function backoffRemainingMs(record: { failures: number; lastFailureAt: Date }, now: Date): number {
  const until = record.lastFailureAt.getTime() + backoffWaitMs(record.failures);
  return Math.max(0, until - now.getTime());
}

/** "40 seconds", "1 minute", "2 minutes": a wait as a person reads it, rounded up. */
export function describeWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
