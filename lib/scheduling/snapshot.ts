import { z } from "zod";
import { FSRS_STATE_NAMES, type SchedulingState } from "./types";

const SnapshotStateSchema = z.object({
  due: z.iso.datetime().describe("Due instant, ISO 8601 UTC."),
  stability: z.number().describe("Stability in days."),
  difficulty: z.number().describe("Difficulty, 1–10."),
  elapsedDays: z.number().int().min(0),
  scheduledDays: z.number().int().min(0),
  learningSteps: z.number().int().min(0),
  reps: z.number().int().min(0),
  lapses: z.number().int().min(0),
  state: z.enum(FSRS_STATE_NAMES),
  lastReview: z.iso.datetime().nullable().describe("Latest review instant, ISO 8601 UTC; null if never reviewed."),
});

/**
 * The JSON kept in `ReviewLog.stateBefore`: the card's state before the
 * review, or `state: null` when the card was new. Wrapped in an object with a
 * version so the column never holds a bare JSON `null` (which Prisma treats
 * specially) and so the format can change later.
 */
export const StateSnapshotSchema = z
  .object({
    v: z.literal(1).describe("Snapshot format version."),
    state: SnapshotStateSchema.nullable().describe("The state before the review; null for a new card."),
  })
  .describe("A card's scheduling state before a review, stored so undo can restore it exactly.");

/** JSON-safe snapshot of a state (dates as ISO strings); see `StateSnapshotSchema`. */
export type StateSnapshot = z.infer<typeof StateSnapshotSchema>;

/**
 * The snapshot to store in `ReviewLog.stateBefore` for a review of `state`
 * (`null` for a new card). Numbers and millisecond instants survive the JSON
 * round trip exactly, so `restoreStateSnapshot` gives back an equal state.
 */
export function toStateSnapshot(state: SchedulingState | null): StateSnapshot {
  if (state === null) return { v: 1, state: null };
  return {
    v: 1,
    state: {
      ...state,
      due: state.due.toISOString(),
      lastReview: state.lastReview ? state.lastReview.toISOString() : null,
    },
  };
}

/**
 * The exact state a stored snapshot describes (`null`: the card was new, so
 * undo deletes its row). `json` is the raw `stateBefore` column value. Throws
 * an `Error` when it is not a valid snapshot: that is corrupt stored data, not
 * a user mistake.
 */
export function restoreStateSnapshot(json: unknown): SchedulingState | null {
  const parsed = StateSnapshotSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`Stored state snapshot is malformed: ${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}`);
  }
  const { state } = parsed.data;
  if (state === null) return null;
  return {
    ...state,
    due: new Date(state.due),
    lastReview: state.lastReview === null ? null : new Date(state.lastReview),
  };
}
