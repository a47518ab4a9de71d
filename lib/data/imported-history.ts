// Writing a review history brought from elsewhere (an Anki package): one
// review_log row per replayed review and the card_state it replays to, in bulk.
// Review ids are derived from the user, the card and the review's instant, so
// importing the same package again inserts nothing twice; a card the user
// already has a state for keeps it (their reviews here came after the import).
import { createHash } from "node:crypto";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { jsonRows } from "../db/json-rows";
import { queryRows } from "../db/rows";
import { yieldToEventLoop } from "../event-loop/yield";
import { suspendCardStates } from "./card-state";
import { toStateSnapshot, type ReplayResult } from "../scheduling";
import { z } from "zod";

export type ImportedHistory = { cardId: string; replay: ReplayResult; suspended: boolean };

/** Card ids per lookup statement: keeps each statement's parameters well under Postgres's limits. */
const BATCH = 5000;
/**
 * Rows per insert statement: building a batch's JSON (a SHA-256 id and a
 * state snapshot per review) is synchronous, so batches stay small enough to
 * hold the event loop only a few ms, with a turn between them.
 */
const INSERT_BATCH = 1000;

/** A UUID (version 8, name-based) from `name`: the same review always gets the same id. */
export function derivedUuid(name: string): string {
  const hex = createHash("sha256").update(name).digest("hex").slice(0, 32).split("");
  hex[12] = "8";
  hex[16] = ((Number.parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * Writes each card's replayed history for `userId` unless they already have a
 * state for it. Suspended cards keep their state, suspended as of `now` (a
 * suspended card never reviewed gets a NEW-state row that carries it).
 * Returns how many reviewed cards and review rows were written. Run it inside the
 * import's transaction so a failure leaves nothing behind.
 */
export async function writeImportedHistory(
  db: Db,
  userId: string,
  histories: readonly ImportedHistory[],
  now: Date,
): Promise<{ cards: number; reviews: number }> {
  const ids = histories.map((h) => h.cardId);
  const existing = new Set<string>();
  for (let i = 0; i < ids.length; i += BATCH) {
    const rows = await queryRows(
      db,
      z.object({ cardId: z.string() }),
      Prisma.sql`SELECT "cardId"::text AS "cardId" FROM card_state WHERE "userId" = ${userId} AND "cardId" = ANY(${ids.slice(i, i + BATCH)}::uuid[])`,
      "selectExistingStates",
    );
    for (const row of rows) existing.add(row.cardId);
  }
  const fresh = histories.filter((h) => h.replay.state !== null && !existing.has(h.cardId));
  // A suspended card never reviewed stays suspended: a NEW-state row carries the suspension.
  const suspendedNew = histories.filter((h) => h.replay.state === null && h.suspended && !existing.has(h.cardId)).map((h) => h.cardId);
  for (let i = 0; i < suspendedNew.length; i += BATCH) await suspendCardStates(db, userId, suspendedNew.slice(i, i + BATCH), now);
  for (let i = 0; i < fresh.length; i += INSERT_BATCH) {
    await insertStates(db, userId, fresh.slice(i, i + INSERT_BATCH), now);
    await yieldToEventLoop();
  }
  // Each batch's rows are built while Postgres inserts the batch before: Node and Postgres then work at once, on two cores.
  let reviews = 0;
  let inserting: Promise<number> | null = null;
  for (const batch of reviewBatches(fresh)) {
    const rows = reviewRowsJson(userId, batch);
    if (inserting) reviews += await inserting;
    inserting = started(insertReviewRows(db, userId, rows, now));
    await yieldToEventLoop();
  }
  if (inserting) reviews += await inserting;
  return { cards: fresh.length, reviews };
}

async function insertStates(db: Db, userId: string, batch: readonly ImportedHistory[], now: Date): Promise<void> {
  const rows = batch.map((h) => {
    const s = h.replay.state;
    if (!s) throw new Error("insertStates: a new card has no state to write");
    return { ...s, cardId: h.cardId, suspendedAt: h.suspended ? now : null, version: Math.max(1, h.replay.reviews.length) };
  });
  await db.$executeRaw`
    INSERT INTO card_state (id, "userId", "cardId", due, stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps",
      reps, lapses, state, "lastReview", "isLeech", "suspendedAt", version, "createdAt", "updatedAt")
    SELECT gen_random_uuid(), ${userId}, t."cardId", t.due, t.stability, t.difficulty, t."elapsedDays", t."scheduledDays", t."learningSteps",
      t.reps, t.lapses, t.state, t."lastReview", false, t."suspendedAt", t.version, ${now}, ${now}
    FROM json_to_recordset(${jsonRows(rows)}::json) AS t("cardId" uuid, due timestamp, stability float8, difficulty float8, "elapsedDays" int,
      "scheduledDays" int, "learningSteps" int, reps int, lapses int, state "FsrsState", "lastReview" timestamp, "suspendedAt" timestamp, version int)
    ON CONFLICT ("userId", "cardId") DO NOTHING`;
}

/** Consecutive runs of histories holding about INSERT_BATCH reviews between them (a longer single history goes alone). */
function* reviewBatches(histories: readonly ImportedHistory[]): Generator<ImportedHistory[]> {
  let batch: ImportedHistory[] = [];
  let size = 0;
  for (const h of histories) {
    if (size > 0 && size + h.replay.reviews.length > INSERT_BATCH) {
      yield batch;
      batch = [];
      size = 0;
    }
    batch.push(h);
    size += h.replay.reviews.length;
  }
  if (batch.length) yield batch;
}

/** The review_log rows of `batch` as a jsonRows parameter; the state snapshot as JSON text (cast to jsonb in SQL). */
function reviewRowsJson(userId: string, batch: readonly ImportedHistory[]): string {
  const rows = batch.flatMap((h) =>
    h.replay.reviews.map(({ log, before, durationMs }, i) => ({
      id: derivedUuid(`imported-review\n${userId}\n${h.cardId}\n${log.reviewedAt.toISOString()}`),
      cardId: h.cardId,
      rating: log.rating,
      state: log.state,
      due: log.due,
      stability: log.stability,
      difficulty: log.difficulty,
      elapsedDays: log.elapsedDays,
      lastElapsedDays: log.lastElapsedDays,
      scheduledDays: log.scheduledDays,
      learningSteps: log.learningSteps,
      reviewedAt: log.reviewedAt,
      durationMs,
      stateBefore: JSON.stringify({ ...toStateSnapshot(before), isLeech: false, suspendedAt: null }),
      // Undo of the newest imported review then finds the version it left.
      version: i + 1,
    })),
  );
  return jsonRows(rows);
}

async function insertReviewRows(db: Db, userId: string, rows: string, now: Date): Promise<number> {
  return db.$executeRaw`
      INSERT INTO review_log (id, "userId", "cardId", rating, state, due, stability, difficulty, "elapsedDays", "lastElapsedDays",
        "scheduledDays", "learningSteps", "reviewedAt", "durationMs", "stateBefore", "stateVersionAfter", "createdAt")
      SELECT t.id, ${userId}, t."cardId", t.rating, t.state, t.due, t.stability, t.difficulty, t."elapsedDays", t."lastElapsedDays",
        t."scheduledDays", t."learningSteps", t."reviewedAt", t."durationMs", t."stateBefore"::jsonb, t.version, ${now}
      FROM json_to_recordset(${rows}::json) AS t(id uuid, "cardId" uuid, rating int, state "FsrsState", due timestamp, stability float8,
        difficulty float8, "elapsedDays" int, "lastElapsedDays" int, "scheduledDays" int, "learningSteps" int, "reviewedAt" timestamp,
        "durationMs" int, "stateBefore" text, version int)
      ON CONFLICT (id) DO NOTHING`;
}

/**
 * `query` started now (a Prisma query runs only once something calls `then`),
 * its failure kept from counting as unhandled until the caller awaits it.
 */
function started<T>(query: PromiseLike<T>): Promise<T> {
  const running = new Promise<T>((resolve, reject) => query.then(resolve, reject));
  running.catch(() => undefined);
  return running;
}
