// Data access for card_state: one user's FSRS state of one card. Every write
// to the table is here. Each is a compare-and-set on `version` (or an insert
// that yields to a concurrent one), bumps the version, and is stamped with the
// caller's `now`; a caller that loses the race recomputes from the fresh row
// through withRetries (write-conflict.ts).
import { z } from "zod";
import type { Db } from "../db/client";
import { Prisma, type CardState } from "../db/generated/client";
import { DateColumn, JsonTimestamp, parseStored, queryRows } from "../db/rows";
import { FSRS_STATE_NAMES, type ReviewLogFields } from "../scheduling";
import type { RestorableState, StoredSnapshot } from "./state-snapshot";

export type { CardState };

/** A card_state row as row_to_json gives it (timestamps as zone-less UTC text). */
export const CardStateJsonSchema = z.object({
  id: z.string(),
  userId: z.string(),
  cardId: z.string(),
  due: JsonTimestamp,
  stability: z.number(),
  difficulty: z.number(),
  elapsedDays: z.number().int(),
  scheduledDays: z.number().int(),
  learningSteps: z.number().int(),
  reps: z.number().int(),
  lapses: z.number().int(),
  state: z.enum(FSRS_STATE_NAMES),
  lastReview: JsonTimestamp.nullable(),
  isLeech: z.boolean(),
  suspendedAt: JsonTimestamp.nullable(),
  version: z.number().int(),
  createdAt: JsonTimestamp,
  updatedAt: JsonTimestamp,
}) satisfies z.ZodType<CardState, unknown>;

export async function selectOptionalCardState(db: Db, userId: string, cardId: string): Promise<CardState | null> {
  return db.cardState.findUnique({ where: { userId_cardId: { userId, cardId } } });
}

/** One review's write: the state it computed and the log row that goes with it. */
export type ReviewWrite = {
  reviewId: string;
  userId: string;
  cardId: string;
  /** The state version the review was computed from; null when the card had no state row. */
  expectedVersion: number | null;
  next: RestorableState;
  log: ReviewLogFields;
  durationMs: number | null;
  stateBefore: StoredSnapshot;
  now: Date;
};

const VersionRow = z.object({ version: z.number().int() });

/**
 * Writes a review as ONE statement: the card_state compare-and-set (or the
 * first insert) and the review_log insert succeed or fail together, with no
 * interactive transaction around them. This is the hottest write path; one
 * round trip instead of four (BEGIN, update, insert, COMMIT) is most of its
 * cost. Returns the new state version, or null when the state changed since
 * it was read (another device won the race): nothing was written, and the
 * caller recomputes from the fresh state. A reused review id fails with a
 * unique violation, also writing nothing.
 */
export async function writeReviewedState(db: Db, w: ReviewWrite): Promise<number | null> {
  const n = w.next;
  const stateWrite =
    w.expectedVersion === null
      ? Prisma.sql`
          INSERT INTO card_state (id, "userId", "cardId", due, stability, difficulty, "elapsedDays", "scheduledDays",
            "learningSteps", reps, lapses, state, "lastReview", "isLeech", "suspendedAt", version, "createdAt", "updatedAt")
          VALUES (gen_random_uuid(), ${w.userId}, ${w.cardId}::uuid, ${n.due}, ${n.stability}, ${n.difficulty}, ${n.elapsedDays},
            ${n.scheduledDays}, ${n.learningSteps}, ${n.reps}, ${n.lapses}, ${n.state}::"FsrsState", ${n.lastReview},
            ${n.isLeech}, ${n.suspendedAt}, 1, ${w.now}, ${w.now})
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
  const rows = await queryRows(
    db,
    VersionRow,
    Prisma.sql`
    WITH s AS (${stateWrite})
    INSERT INTO review_log (id, "userId", "cardId", rating, state, due, stability, difficulty, "elapsedDays",
      "lastElapsedDays", "scheduledDays", "learningSteps", "reviewedAt", "durationMs", "stateBefore", "stateVersionAfter", "createdAt")
    SELECT ${w.reviewId}::uuid, ${w.userId}, ${w.cardId}::uuid, ${l.rating}, ${l.state}::"FsrsState", ${l.due}, ${l.stability},
      ${l.difficulty}, ${l.elapsedDays}, ${l.lastElapsedDays}, ${l.scheduledDays}, ${l.learningSteps}, ${l.reviewedAt},
      ${w.durationMs}, ${JSON.stringify(w.stateBefore)}::jsonb, s.version, ${w.now}
    FROM s
    RETURNING "stateVersionAfter" AS version`,
    "writeReviewedState",
  );
  return rows[0]?.version ?? null;
}

/**
 * Compare-and-set: writes `columns` only if the row still has
 * `expectedVersion`, bumps the version and stamps `now`. Returns false when
 * another writer got there first.
 */
export async function updateCardStateIfVersion(db: Db, id: string, expectedVersion: number, columns: RestorableState, now: Date): Promise<boolean> {
  const { count } = await db.cardState.updateMany({
    where: { id, version: expectedVersion },
    data: { ...columns, version: { increment: 1 }, updatedAt: now },
  });
  return count === 1;
}

/** Deletes the row if it still has `expectedVersion` (undo of a card's first review). False when it changed. */
export async function deleteCardStateIfVersion(db: Db, id: string, expectedVersion: number): Promise<boolean> {
  const { count } = await db.cardState.deleteMany({ where: { id, version: expectedVersion } });
  return count === 1;
}

/**
 * Inserts the user's first state of a card (version 1) unless a row exists;
 * false when a concurrent writer inserted one first (read it and start over).
 */
export async function insertCardStateIfAbsent(db: Db, key: { userId: string; cardId: string }, columns: RestorableState, now: Date): Promise<boolean> {
  const { count } = await db.cardState.createMany({
    data: [{ ...columns, userId: key.userId, cardId: key.cardId, version: 1, createdAt: now, updatedAt: now }],
    skipDuplicates: true,
  });
  return count === 1;
}

/**
 * Clears `suspendedAt` on the user's state of a card if it is suspended, and
 * bumps the version so a device holding the old state cannot overwrite this.
 * False when there is no suspended row.
 */
export async function unsuspendCardState(db: Db, userId: string, cardId: string, now: Date): Promise<boolean> {
  const { count } = await db.cardState.updateMany({
    where: { userId, cardId, suspendedAt: { not: null } },
    data: { suspendedAt: null, version: { increment: 1 }, updatedAt: now },
  });
  return count === 1;
}

const SuspendedRow = z.object({
  cardId: z.string(),
  front: z.string(),
  topic: z.string(),
  lapses: z.number().int(),
  isLeech: z.boolean(),
  suspendedAt: DateColumn,
});

export type SuspendedState = z.infer<typeof SuspendedRow>;

/** The user's suspended states of unarchived cards, most recently suspended first, at most `limit`. */
export async function selectSuspendedStates(db: Db, userId: string, limit: number): Promise<SuspendedState[]> {
  const rows = await db.cardState.findMany({
    where: { userId, suspendedAt: { not: null }, card: { archivedAt: null } },
    orderBy: { suspendedAt: "desc" },
    take: limit,
    select: { cardId: true, lapses: true, isLeech: true, suspendedAt: true, card: { select: { front: true, topic: true } } },
  });
  return rows.map((r, i) => parseStored(SuspendedRow, { ...r, front: r.card.front, topic: r.card.topic }, `suspended card_state row ${i}`));
}
