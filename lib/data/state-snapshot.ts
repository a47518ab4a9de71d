// The adapters between a card_state row, the scheduler's state and the JSON
// kept in review_log.stateBefore: the scheduling snapshot (lib/scheduling)
// plus the leech flags a review may set, so undo restores the row exactly.
import { z } from "zod";
import type { CardState } from "../db/generated/client";
import { parseStored } from "../db/rows";
import { StateSnapshotSchema, restoreStateSnapshot, toStateSnapshot, type SchedulingState } from "../scheduling";

/** What review_log.stateBefore holds. */
export const StoredSnapshotSchema = StateSnapshotSchema.extend({
  isLeech: z.boolean().default(false),
  suspendedAt: z.iso.datetime().nullable().default(null),
});

export type StoredSnapshot = z.infer<typeof StoredSnapshotSchema>;

/** The columns of card_state that a review changes and undo restores. */
export type RestorableState = SchedulingState & { isLeech: boolean; suspendedAt: Date | null };

/** The snapshot to store with a review of the card whose row is `row` (null: new card). */
export function toStoredSnapshot(row: CardState | null): StoredSnapshot {
  return {
    ...toStateSnapshot(toSchedulingState(row)),
    isLeech: row?.isLeech ?? false,
    suspendedAt: row?.suspendedAt?.toISOString() ?? null,
  };
}

/** The state before the review, or null when the card was new (undo then deletes the row). Throws on a malformed snapshot. */
export function fromStoredSnapshot(json: unknown): RestorableState | null {
  const stored = parseStored(StoredSnapshotSchema, json, "review_log.stateBefore");
  const scheduling = restoreStateSnapshot(json);
  if (!scheduling) return null;
  return { ...scheduling, isLeech: stored.isLeech, suspendedAt: stored.suspendedAt ? new Date(stored.suspendedAt) : null };
}

/** The one adapter from a card_state row to the scheduler's state (null: new card). */
export function toSchedulingState(row: CardState | null): SchedulingState | null {
  if (!row) return null;
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsedDays: row.elapsedDays,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state,
    lastReview: row.lastReview,
  };
}
