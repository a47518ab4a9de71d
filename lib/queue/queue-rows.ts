// The queries behind today's queue. Each is one indexed statement; the queue
// for a user with 100k states reads only what is due today. Rows are parsed
// with the schemas below.
import { z } from "zod";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { DateColumn, queryRows } from "../db/rows";
import { raiseNewCursor } from "../data/enrollment";
import { FSRS_STATE_NAMES } from "../scheduling";

/**
 * Cards a queue may hold: every kind except exercise cards whose slug is not
 * in the catalogue (numeric exercises, drawing prompts), e.g. one not built yet.
 */
function studiable(gradableSlugs: readonly string[]): Prisma.Sql {
  return Prisma.sql`(c.kind <> 'EXERCISE' OR c."exerciseSlug" = ANY(${[...gradableSlugs]}::text[]))`;
}

const DueRowSchema = z.object({ cardId: z.string(), siblingKey: z.string(), due: DateColumn, state: z.enum(FSRS_STATE_NAMES) });
export type DueRow = z.infer<typeof DueRowSchema>;
export type NewRow = { cardId: string; siblingKey: string };

/** Unsuspended states due before `dayEnd` in the user's enrolled, unarchived cards, oldest first. */
export async function selectDueRows(
  db: Db,
  userId: string,
  dayEnd: Date,
  limit: number,
  gradableSlugs: readonly string[],
): Promise<DueRow[]> {
  return queryRows(
    db,
    DueRowSchema,
    Prisma.sql`
    SELECT s."cardId"::text AS "cardId", c."siblingKey", s."due", s."state"::text AS "state"
    FROM card_state s
    JOIN card c ON c.id = s."cardId" AND c."archivedAt" IS NULL AND ${studiable(gradableSlugs)}
    JOIN enrollment e ON e."moduleId" = c."moduleId" AND e."userId" = s."userId"
    WHERE s."userId" = ${userId} AND s."due" < ${dayEnd} AND s."suspendedAt" IS NULL
    ORDER BY s."due"
    LIMIT ${limit}`,
    "selectDueRows",
  );
}

const NewScanRowSchema = z.object({
  moduleId: z.string(),
  cursor: z.number().int(),
  cardId: z.string().nullable(),
  siblingKey: z.string().nullable(),
  position: z.number().int().nullable(),
  lastPosition: z.number().int().nullable(),
});
type NewScanRow = z.infer<typeof NewScanRowSchema>;

/**
 * Cards the user has never reviewed, in enrolment then module order. Each
 * enrolment's scan starts at its `newCursor`, and the cursors are raised to
 * what this scan proved: the first unseen position, or past the last card
 * when none is left. Cards below a cursor are never unseen (import and undo
 * lower it), so the cursor only saves work, never hides a card.
 */
export async function selectNewRows(db: Db, userId: string, limit: number, gradableSlugs: readonly string[]): Promise<NewRow[]> {
  if (limit <= 0) return [];
  const rows = await queryRows(
    db,
    NewScanRowSchema,
    Prisma.sql`
    SELECT e."moduleId"::text AS "moduleId", e."newCursor" AS cursor, n."cardId", n."siblingKey", n.position,
           (SELECT max(position) FROM card WHERE card."moduleId" = e."moduleId") AS "lastPosition"
    FROM enrollment e
    LEFT JOIN LATERAL (
      SELECT c.id::text AS "cardId", c."siblingKey", c.position FROM card c
      WHERE c."moduleId" = e."moduleId" AND c.position >= e."newCursor" AND c."archivedAt" IS NULL AND ${studiable(gradableSlugs)}
        AND NOT EXISTS (SELECT 1 FROM card_state s WHERE s."userId" = ${userId} AND s."cardId" = c.id)
      ORDER BY c.position LIMIT ${limit}) n ON true
    WHERE e."userId" = ${userId}
    ORDER BY e."enrolledAt", e."moduleId", n.position`,
    "selectNewRows",
  );
  await raiseNewCursors(db, userId, rows);
  return rows
    .flatMap(({ cardId, siblingKey }) => (cardId !== null && siblingKey !== null ? [{ cardId, siblingKey }] : []))
    .slice(0, limit);
}

async function raiseNewCursors(db: Db, userId: string, rows: readonly NewScanRow[]): Promise<void> {
  // Rows come in position order, so a module's first row holds its first unseen position.
  const firstRow = new Map<string, NewScanRow>();
  for (const row of rows) if (!firstRow.has(row.moduleId)) firstRow.set(row.moduleId, row);
  for (const [moduleId, row] of firstRow) {
    const next = row.position ?? (row.lastPosition ?? -1) + 1;
    if (next > row.cursor) await raiseNewCursor(db, userId, moduleId, next);
  }
}

export type TodayActivity = {
  reviewed: number;
  passed: number;
  newIntroduced: number;
  reviewedCards: { cardId: string; siblingKey: string }[];
};

const ActivityRowSchema = z.object({ cardId: z.string(), rating: z.number().int(), state: z.enum(FSRS_STATE_NAMES), siblingKey: z.string() });

/** What the user has already done this study day (from `dayStart`). */
export async function selectTodayActivity(db: Db, userId: string, dayStart: Date): Promise<TodayActivity> {
  const rows = await queryRows(
    db,
    ActivityRowSchema,
    Prisma.sql`
    SELECT r."cardId"::text AS "cardId", r.rating, r.state::text AS state, c."siblingKey"
    FROM review_log r JOIN card c ON c.id = r."cardId"
    WHERE r."userId" = ${userId} AND r."reviewedAt" >= ${dayStart}`,
    "selectTodayActivity",
  );
  return {
    reviewed: rows.length,
    passed: rows.filter((r) => r.rating > 1).length,
    newIntroduced: rows.filter((r) => r.state === "NEW").length,
    reviewedCards: [...new Map(rows.map((r) => [r.cardId, { cardId: r.cardId, siblingKey: r.siblingKey }])).values()],
  };
}

/** The earliest due time at or after `from` among the user's active states, or null. */
export async function selectNextDue(db: Db, userId: string, from: Date, gradableSlugs: readonly string[]): Promise<Date | null> {
  const rows = await queryRows(
    db,
    z.object({ due: DateColumn }),
    Prisma.sql`
    SELECT s."due" FROM card_state s
    JOIN card c ON c.id = s."cardId" AND c."archivedAt" IS NULL AND ${studiable(gradableSlugs)}
    WHERE s."userId" = ${userId} AND s."due" >= ${from} AND s."suspendedAt" IS NULL
    ORDER BY s."due" LIMIT 1`,
    "selectNextDue",
  );
  return rows[0]?.due ?? null;
}
