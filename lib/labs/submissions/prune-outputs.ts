// The retention policy for submitted tensors: a submission keeps its output
// bytes while it is among its user's newest LAB_RETENTION.keepNewest at its
// lab, or younger than LAB_RETENTION.keepDays; after that (once graded) the
// bytes are dropped and the row keeps its grade and summary. Run by the lab
// worker every PRUNE_EVERY_MS.
import type { Db } from "../../db/client";
import { pruneStoredOutputs } from "./submission-rows";

export type RetentionPolicy = {
  /** Newest submissions per user and lab whose bytes are always kept. */
  keepNewest: number;
  /** Submissions younger than this many days keep their bytes. */
  keepDays: number;
};

export const LAB_RETENTION: RetentionPolicy = { keepNewest: 5, keepDays: 7 };

/** How often a worker prunes. */
export const PRUNE_EVERY_MS = 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Rows pruned per statement, so one run never holds many row locks at once. */
const BATCH_ROWS = 200;

/** Prunes every output the policy no longer keeps at `now`; returns the rows and bytes freed. */
export async function pruneOldOutputs(db: Db, now: Date, policy: RetentionPolicy = LAB_RETENTION): Promise<{ rows: number; bytes: number }> {
  const olderThan = new Date(now.getTime() - policy.keepDays * DAY_MS);
  const total = { rows: 0, bytes: 0 };
  for (;;) {
    const batch = await pruneStoredOutputs(db, { keepNewest: policy.keepNewest, olderThan, batch: BATCH_ROWS }, now);
    total.rows += batch.rows;
    total.bytes += batch.bytes;
    if (batch.rows < BATCH_ROWS) return total;
  }
}

/** When the retention policy will next free some of a user's stored bytes, given the oldest output it does not keep by rank. */
export function nextPruneAt(oldestPrunable: Date | null, now: Date, policy: RetentionPolicy = LAB_RETENTION): Date {
  const eligible = oldestPrunable ? oldestPrunable.getTime() + policy.keepDays * DAY_MS : now.getTime() + policy.keepDays * DAY_MS;
  return new Date(Math.max(eligible, now.getTime()) + PRUNE_EVERY_MS);
}
