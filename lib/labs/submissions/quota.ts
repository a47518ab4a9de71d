// Per-user limits on lab submissions, counted from lab_submission itself so
// they hold across app instances: submissions per minute and per day
// (rolling windows) and the bytes of stored output tensors. Checked once
// before the body is read (cheap, unlocked) and again inside the insert's
// transaction under the user's advisory lock, so concurrent uploads cannot
// overshoot. A refusal is a 429 whose message names the limit and whose
// Retry-After says when a retry can succeed.
import type { Db } from "../../db/client";
import { rateLimited } from "../../errors/app-error";
import { LAB_RETENTION, nextPruneAt } from "./prune-outputs";
import { selectOldestPrunable, selectSubmissionUsage, selectWindowOpensAt } from "./submission-rows";

export type LabQuota = {
  /** Submissions a user may make in any 60 seconds. */
  perMinute: number;
  /** Submissions a user may make in any 24 hours. */
  perDay: number;
  /** Bytes of stored output tensors a user may hold (a lab-size output is 64 KiB; the largest accepted, 8 MiB). */
  storageBytes: number;
};

const MiB = 2 ** 20;

export const LAB_QUOTA: LabQuota = { perMinute: 10, perDay: 200, storageBytes: 256 * MiB };

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/**
 * Throws RATE_LIMITED when one more submission by `userId` at `now` would
 * pass a limit. `incomingBytes`: the new tensor's stored size, or null
 * before the body is read (then only a store already full is refused).
 */
export async function enforceLabQuota(db: Db, userId: string, now: Date, incomingBytes: number | null, quota: LabQuota = LAB_QUOTA): Promise<void> {
  const minuteAgo = new Date(now.getTime() - MINUTE_MS);
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const usage = await selectSubmissionUsage(db, userId, minuteAgo, dayAgo);
  const windows = [
    { used: usage.recent, limit: quota.perMinute, since: minuteAgo, span: MINUTE_MS, label: `${quota.perMinute} a minute` },
    { used: usage.daily, limit: quota.perDay, since: dayAgo, span: DAY_MS, label: `${quota.perDay} in 24 hours` },
  ];
  for (const w of windows) {
    if (w.used < w.limit) continue;
    const opensAt = await selectWindowOpensAt(db, userId, w.since, w.used - w.limit);
    const wait = ((opensAt?.getTime() ?? now.getTime()) + w.span - now.getTime()) / 1000;
    throw rateLimited(`Too many lab submissions: at most ${w.label}. Try again in ${formatWait(wait)}.`, wait);
  }
  const full = incomingBytes === null ? usage.storedBytes >= quota.storageBytes : usage.storedBytes + incomingBytes > quota.storageBytes;
  if (!full) return;
  const pruneAt = nextPruneAt(await selectOldestPrunable(db, userId, LAB_RETENTION.keepNewest), now);
  const wait = (pruneAt.getTime() - now.getTime()) / 1000;
  const needs = incomingBytes === null ? "" : ` and this one needs ${mib(incomingBytes)}`;
  throw rateLimited(
    `Your stored lab outputs take ${mib(usage.storedBytes)}${needs}; the limit is ${mib(quota.storageBytes)}. ` +
      `Outputs older than ${LAB_RETENTION.keepDays} days, beyond your newest ${LAB_RETENTION.keepNewest} at each lab, are cleared automatically: ` +
      `try again in ${formatWait(wait)}.`,
    wait,
  );
}

function mib(bytes: number): string {
  return `${(bytes / MiB).toFixed(1)} MiB`;
}

/** A wait in words: "42 s", "3 min", "2 h 5 min", "6 d 23 h". */
export function formatWait(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.ceil(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}
