// The queries behind today's queue. Each is one indexed statement; the queue
// for a user with 100k states reads only what is due today.
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";

export type DueRow = { cardId: string; siblingKey: string; due: Date; state: "NEW" | "LEARNING" | "REVIEW" | "RELEARNING" };
export type NewRow = { cardId: string; siblingKey: string };

/** Unsuspended states due before `dayEnd` in the user's enrolled, unarchived cards, oldest first. */
export async function selectDueRows(db: Db, userId: string, dayEnd: Date, limit: number): Promise<DueRow[]> {
  return db.$queryRaw<DueRow[]>(Prisma.sql`
    SELECT s."cardId", c."siblingKey", s."due", s."state"::text AS "state"
    FROM card_state s
    JOIN card c ON c.id = s."cardId" AND c."archivedAt" IS NULL AND c.kind <> 'EXERCISE'
    JOIN enrollment e ON e."moduleId" = c."moduleId" AND e."userId" = s."userId"
    WHERE s."userId" = ${userId} AND s."due" < ${dayEnd} AND s."suspendedAt" IS NULL
    ORDER BY s."due"
    LIMIT ${limit}`);
}

/** Cards the user has never reviewed, in enrolment then module order. */
export async function selectNewRows(db: Db, userId: string, limit: number): Promise<NewRow[]> {
  if (limit <= 0) return [];
  return db.$queryRaw<NewRow[]>(Prisma.sql`
    SELECT c.id AS "cardId", c."siblingKey"
    FROM enrollment e
    JOIN card c ON c."moduleId" = e."moduleId" AND c."archivedAt" IS NULL AND c.kind <> 'EXERCISE'
    WHERE e."userId" = ${userId}
      AND NOT EXISTS (SELECT 1 FROM card_state s WHERE s."userId" = ${userId} AND s."cardId" = c.id)
    ORDER BY e."enrolledAt", c."moduleId", c.position
    LIMIT ${limit}`);
}

export type TodayActivity = {
  reviewed: number;
  passed: number;
  newIntroduced: number;
  reviewedCards: { cardId: string; siblingKey: string }[];
};

/** What the user has already done this study day (from `dayStart`). */
export async function selectTodayActivity(db: Db, userId: string, dayStart: Date): Promise<TodayActivity> {
  const rows = await db.$queryRaw<{ cardId: string; rating: number; state: string; siblingKey: string }[]>(Prisma.sql`
    SELECT r."cardId", r.rating, r.state::text AS state, c."siblingKey"
    FROM review_log r JOIN card c ON c.id = r."cardId"
    WHERE r."userId" = ${userId} AND r."reviewedAt" >= ${dayStart}`);
  return {
    reviewed: rows.length,
    passed: rows.filter((r) => r.rating > 1).length,
    newIntroduced: rows.filter((r) => r.state === "NEW").length,
    reviewedCards: [...new Map(rows.map((r) => [r.cardId, { cardId: r.cardId, siblingKey: r.siblingKey }])).values()],
  };
}

/** The earliest due time at or after `from` among the user's active states, or null. */
export async function selectNextDue(db: Db, userId: string, from: Date): Promise<Date | null> {
  const rows = await db.$queryRaw<{ due: Date }[]>(Prisma.sql`
    SELECT s."due" FROM card_state s
    JOIN card c ON c.id = s."cardId" AND c."archivedAt" IS NULL AND c.kind <> 'EXERCISE'
    WHERE s."userId" = ${userId} AND s."due" >= ${from} AND s."suspendedAt" IS NULL
    ORDER BY s."due" LIMIT 1`);
  return rows[0]?.due ?? null;
}

/** Study-day keys ("YYYY-MM-DD") with at least one review in the last `days` days. */
export async function selectReviewDayKeys(
  db: Db,
  userId: string,
  timeZone: string,
  dayStartHour: number,
  since: Date,
): Promise<string[]> {
  const rows = await db.$queryRaw<{ day: string }[]>(Prisma.sql`
    SELECT DISTINCT to_char((r."reviewedAt" AT TIME ZONE 'UTC' AT TIME ZONE ${timeZone}) - make_interval(hours => ${dayStartHour}), 'YYYY-MM-DD') AS day
    FROM review_log r WHERE r."userId" = ${userId} AND r."reviewedAt" >= ${since}`);
  return rows.map((r) => r.day);
}
