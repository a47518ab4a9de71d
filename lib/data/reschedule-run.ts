// Data access for reschedule_run and reschedule_card: one row per "reschedule
// to match", one per card it changed. Card writes are compare-and-set on
// card_state.version, so a card reviewed meanwhile is never overwritten.
import { z } from "zod";
import type { Db } from "../db/client";
import { Prisma, type RescheduleReason, type RescheduleRun } from "../db/generated/client";
import { CountColumn, queryRows } from "../db/rows";

export type { RescheduleReason, RescheduleRun };

/** The run with this client-made id, or null. Any user's: the caller checks the owner. */
export async function selectOptionalRescheduleRun(db: Db, id: string): Promise<RescheduleRun | null> {
  return db.rescheduleRun.findUnique({ where: { id } });
}

/** The user's latest runs, newest first. */
export async function selectRecentRescheduleRuns(db: Db, userId: string, limit: number): Promise<RescheduleRun[]> {
  return db.rescheduleRun.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit });
}

/** Inserts a run unless one with its id exists (a concurrent retry); false then. */
export async function insertRescheduleRunIfAbsent(db: Db, run: { id: string; userId: string; reason: RescheduleReason; createdAt: Date }): Promise<boolean> {
  const { count } = await db.rescheduleRun.createMany({ data: [run], skipDuplicates: true });
  return count === 1;
}

/** Cards the run already changed (a resumed run leaves them). */
export async function selectRescheduledCardIds(db: Db, runId: string): Promise<Set<string>> {
  const rows = await db.rescheduleCard.findMany({ where: { runId }, select: { cardId: true } });
  return new Set(rows.map((r) => r.cardId));
}

/** One card's write: the version it was computed from and the values on either side. */
export type RescheduleWrite = {
  cardId: string;
  version: number;
  before: { due: Date; scheduledDays: number; stability: number; difficulty: number };
  after: { due: Date; scheduledDays: number; stability: number; difficulty: number };
};

const CardIdRow = z.object({ cardId: z.string() });

/**
 * Writes `cards` for `userId` as ONE statement: each card_state row still at
 * the version it was read at gets its new due, interval and memory state
 * (version + 1), and a reschedule_card row records it. Cards whose version
 * moved (reviewed meanwhile) are left alone. Returns the ids written.
 * Instants travel as epoch milliseconds: arrays of Date have no portable encoding.
 */
export async function writeRescheduledCards(db: Db, runId: string, userId: string, cards: readonly RescheduleWrite[], now: Date): Promise<string[]> {
  if (cards.length === 0) return [];
  const col = <T>(pick: (c: RescheduleWrite) => T): T[] => cards.map(pick);
  const rows = await queryRows(
    db,
    CardIdRow,
    Prisma.sql`
    WITH input AS (
      SELECT * FROM unnest(${col((c) => c.cardId)}::uuid[], ${col((c) => c.version)}::int[],
        ${col((c) => c.before.due.getTime())}::float8[], ${col((c) => c.after.due.getTime())}::float8[],
        ${col((c) => c.before.scheduledDays)}::int[], ${col((c) => c.after.scheduledDays)}::int[],
        ${col((c) => c.before.stability)}::float8[], ${col((c) => c.after.stability)}::float8[],
        ${col((c) => c.before.difficulty)}::float8[], ${col((c) => c.after.difficulty)}::float8[])
        AS i("cardId", version, due_before, due_after, days_before, days_after, s_before, s_after, d_before, d_after)),
    written AS (
      UPDATE card_state s SET due = to_timestamp(i.due_after / 1000.0) AT TIME ZONE 'UTC', "scheduledDays" = i.days_after,
        stability = i.s_after, difficulty = i.d_after, version = s.version + 1, "updatedAt" = ${now}
      FROM input i
      WHERE s."userId" = ${userId} AND s."cardId" = i."cardId" AND s.version = i.version
      RETURNING s."cardId", s.version)
    INSERT INTO reschedule_card ("runId", "cardId", "dueBefore", "dueAfter", "scheduledDaysBefore", "scheduledDaysAfter",
      "stabilityBefore", "stabilityAfter", "difficultyBefore", "difficultyAfter", "versionWritten")
    SELECT ${runId}::uuid, i."cardId", to_timestamp(i.due_before / 1000.0) AT TIME ZONE 'UTC', to_timestamp(i.due_after / 1000.0) AT TIME ZONE 'UTC',
      i.days_before, i.days_after, i.s_before, i.s_after, i.d_before, i.d_after, w.version
    FROM written w JOIN input i ON i."cardId" = w."cardId"
    RETURNING "cardId"::text AS "cardId"`,
    "writeRescheduledCards",
  );
  return rows.map((r) => r.cardId);
}

/** Adds one batch's counts to the run. */
export async function addRescheduleRunCounts(db: Db, runId: string, counts: { changedCards: number; skippedCards: number }): Promise<void> {
  await db.rescheduleRun.update({
    where: { id: runId },
    data: { changedCards: { increment: counts.changedCards }, skippedCards: { increment: counts.skippedCards } },
  });
}

/** Marks the run finished, with the number of review cards it looked at. */
export async function finishRescheduleRun(db: Db, runId: string, reviewCards: number, now: Date): Promise<RescheduleRun> {
  return db.rescheduleRun.update({ where: { id: runId }, data: { reviewCards, finishedAt: now } });
}

/**
 * Undoes up to `limit` of the run's cards not yet restored, after `afterCardId`
 * in card-id order, as ONE statement: each card still at the version the run
 * wrote gets its before-values back (version + 1) and its reschedule_card row
 * is marked restored. Returns how many cards were looked at, and the last id,
 * so the caller pages on; cards reviewed since are left and stay unrestored.
 */
export async function restoreRescheduledCards(
  db: Db,
  runId: string,
  userId: string,
  afterCardId: string,
  limit: number,
  now: Date,
): Promise<{ looked: number; lastCardId: string | null }> {
  const rows = await queryRows(
    db,
    z.object({ looked: CountColumn, lastCardId: z.string().nullable() }),
    Prisma.sql`
    WITH page AS (
      SELECT * FROM reschedule_card WHERE "runId" = ${runId}::uuid AND NOT restored AND "cardId" > ${afterCardId}::uuid
      ORDER BY "cardId" LIMIT ${limit}),
    restored AS (
      UPDATE card_state s SET due = p."dueBefore", "scheduledDays" = p."scheduledDaysBefore", stability = p."stabilityBefore",
        difficulty = p."difficultyBefore", version = s.version + 1, "updatedAt" = ${now}
      FROM page p
      WHERE s."userId" = ${userId} AND s."cardId" = p."cardId" AND s.version = p."versionWritten"
      RETURNING s."cardId"),
    -- Runs whether or not the SELECT below reads it (Postgres runs every data-modifying WITH to completion).
    -- ANY(ARRAY(…)) keeps the lookup on the primary key: joining the CTE let the planner, which guesses
    -- one row for it, scan every card of the run once per restored card (2 s a batch for 10,000 cards).
    marked AS (
      UPDATE reschedule_card r SET restored = true
      WHERE r."runId" = ${runId}::uuid AND r."cardId" = ANY(ARRAY(SELECT "cardId" FROM restored))
      RETURNING r."cardId")
    SELECT (SELECT count(*) FROM page) AS looked, (SELECT max("cardId"::text) FROM page) AS "lastCardId"`,
    "restoreRescheduledCards",
  );
  const row = rows[0];
  return { looked: row?.looked ?? 0, lastCardId: row?.lastCardId ?? null };
}

/** Marks the run undone with its final counts: cards restored, and cards left because they were reviewed since. */
export async function finishRescheduleUndo(db: Db, runId: string, now: Date): Promise<RescheduleRun> {
  const [restored, left] = await Promise.all([
    db.rescheduleCard.count({ where: { runId, restored: true } }),
    db.rescheduleCard.count({ where: { runId, restored: false } }),
  ]);
  return db.rescheduleRun.update({ where: { id: runId }, data: { undoneAt: now, restoredCards: restored, undoSkippedCards: left } });
}
