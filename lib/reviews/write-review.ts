// The review write as ONE statement: the card_state compare-and-set (or the
// first insert) and the review_log insert succeed or fail together, with no
// interactive transaction around them. This is the hottest write path; one
// round trip instead of four (BEGIN, update, insert, COMMIT) is most of its cost.
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { ReviewLogFields, SchedulingState } from "../scheduling";

export type ReviewWrite = {
  reviewId: string;
  userId: string;
  cardId: string;
  /** The state version the review was computed from; null when the card had no state row. */
  expectedVersion: number | null;
  next: SchedulingState & { isLeech: boolean; suspendedAt: Date | null };
  log: ReviewLogFields;
  durationMs: number | null;
  stateBefore: unknown;
  now: Date;
};

/**
 * Writes the review. Returns the new state version, or null when the state
 * changed since it was read (another device won the race): nothing was
 * written, and the caller recomputes from the fresh state. A reused review id
 * fails with a unique violation, also writing nothing.
 */
export async function writeReview(db: Db, w: ReviewWrite): Promise<number | null> {
  const n = w.next;
  const stateWrite =
    w.expectedVersion === null
      ? Prisma.sql`
          INSERT INTO card_state (id, "userId", "cardId", due, stability, difficulty, "elapsedDays", "scheduledDays",
            "learningSteps", reps, lapses, state, "lastReview", "isLeech", "suspendedAt", version, "updatedAt")
          VALUES (gen_random_uuid(), ${w.userId}, ${w.cardId}::uuid, ${n.due}, ${n.stability}, ${n.difficulty}, ${n.elapsedDays},
            ${n.scheduledDays}, ${n.learningSteps}, ${n.reps}, ${n.lapses}, ${n.state}::"FsrsState", ${n.lastReview},
            ${n.isLeech}, ${n.suspendedAt}, 1, ${w.now})
          ON CONFLICT ("userId", "cardId") DO NOTHING
          RETURNING version`
      : Prisma.sql`
          UPDATE card_state SET due = ${n.due}, stability = ${n.stability}, difficulty = ${n.difficulty},
            "elapsedDays" = ${n.elapsedDays}, "scheduledDays" = ${n.scheduledDays}, "learningSteps" = ${n.learningSteps},
            reps = ${n.reps}, lapses = ${n.lapses}, state = ${n.state}::"FsrsState", "lastReview" = ${n.lastReview},
            "isLeech" = ${n.isLeech}, "suspendedAt" = ${n.suspendedAt}, version = version + 1, "updatedAt" = ${w.now}
          WHERE "userId" = ${w.userId} AND "cardId" = ${w.cardId}::uuid AND version = ${w.expectedVersion}
          RETURNING version`;
  const l = w.log;
  const rows = await db.$queryRaw<{ version: number }[]>(Prisma.sql`
    WITH s AS (${stateWrite})
    INSERT INTO review_log (id, "userId", "cardId", rating, state, due, stability, difficulty, "elapsedDays",
      "lastElapsedDays", "scheduledDays", "learningSteps", "reviewedAt", "durationMs", "stateBefore", "stateVersionAfter")
    SELECT ${w.reviewId}::uuid, ${w.userId}, ${w.cardId}::uuid, ${l.rating}, ${l.state}::"FsrsState", ${l.due}, ${l.stability},
      ${l.difficulty}, ${l.elapsedDays}, ${l.lastElapsedDays}, ${l.scheduledDays}, ${l.learningSteps}, ${l.reviewedAt},
      ${w.durationMs}, ${JSON.stringify(w.stateBefore)}::jsonb, s.version
    FROM s
    RETURNING "stateVersionAfter" AS version`);
  return rows[0]?.version ?? null;
}
