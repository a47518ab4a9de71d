// The queries behind today's queue. Each is one indexed statement; the queue
// for a user with 100k states reads only what is due today. Due and new rows
// carry the card's columns (and a due row its state), so the queue renders
// from them without reading the cards again. Rows are parsed with the
// schemas below.
import { z } from "zod";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { DateColumn, queryRows } from "../db/rows";
import { raiseNewCursor } from "../data/enrollment";
import { FSRS_STATE_NAMES, type ReviewOrder, type SchedulingState } from "../scheduling";
import type { QueueCardSource } from "./queue-card";
import { retentionCounts, type RetentionCounts } from "../stats/retention";

/**
 * Cards a queue may hold: every kind except exercise cards whose slug is not
 * in the catalogue (numeric exercises, drawing prompts), e.g. one not built
 * yet; and only in unarchived modules the user may see (public or their own).
 */
function studiable(userId: string, gradableSlugs: readonly string[]): Prisma.Sql {
  return Prisma.sql`(c.kind <> 'EXERCISE' OR c."exerciseSlug" = ANY(${[...gradableSlugs]}::text[]))
    AND EXISTS (SELECT 1 FROM module m WHERE m.id = c."moduleId" AND m."archivedAt" IS NULL AND (m.scope = 'public' OR m.scope = ${userId}))`;
}

/** The card columns a queue row carries, as `c.`-prefixed select items. */
const CARD_COLUMNS = Prisma.sql`c.id::text AS "cardId", c."moduleId"::text AS "moduleId", c."siblingKey", c.kind::text AS kind, c.role::text AS role,
  c.topic, c.difficulty::text AS "cardDifficulty", c.front, c.back, c."commonWrongAnswer", c."contentHash", c."exerciseSlug"`;

const CardColumnsSchema = z.object({
  cardId: z.string(),
  moduleId: z.string(),
  siblingKey: z.string(),
  kind: z.enum(["BASIC", "REVERSED", "CLOZE", "EXERCISE"]),
  role: z.enum(["RECALL", "INTERVIEW"]),
  topic: z.string(),
  cardDifficulty: z.enum(["EASY", "MEDIUM", "HARD"]),
  front: z.string(),
  back: z.string(),
  commonWrongAnswer: z.string().nullable(),
  contentHash: z.string(),
  exerciseSlug: z.string().nullable(),
});

function toSource(c: z.infer<typeof CardColumnsSchema>): QueueCardSource {
  return {
    id: c.cardId,
    kind: c.kind,
    role: c.role,
    topic: c.topic,
    difficulty: c.cardDifficulty,
    front: c.front,
    back: c.back,
    commonWrongAnswer: c.commonWrongAnswer,
    contentHash: c.contentHash,
    exerciseSlug: c.exerciseSlug,
  };
}

const DueRowSchema = CardColumnsSchema.extend({
  due: DateColumn,
  state: z.enum(FSRS_STATE_NAMES),
  stability: z.number(),
  memoryDifficulty: z.number(),
  elapsedDays: z.number().int(),
  scheduledDays: z.number().int(),
  learningSteps: z.number().int(),
  reps: z.number().int(),
  lapses: z.number().int(),
  lastReview: DateColumn.nullable(),
}).transform((r) => ({
  cardId: r.cardId,
  moduleId: r.moduleId,
  siblingKey: r.siblingKey,
  due: r.due,
  state: r.state,
  stability: r.stability,
  lastReview: r.lastReview,
  card: toSource(r),
  scheduling: {
    due: r.due,
    stability: r.stability,
    difficulty: r.memoryDifficulty,
    elapsedDays: r.elapsedDays,
    scheduledDays: r.scheduledDays,
    learningSteps: r.learningSteps,
    reps: r.reps,
    lapses: r.lapses,
    state: r.state,
    lastReview: r.lastReview,
  } satisfies SchedulingState,
}));

/** A due state with its card: what the queue orders by, and what it renders. */
export type DueRow = z.output<typeof DueRowSchema>;
/** A never-reviewed card: what the queue orders by, and what it renders. */
export type NewRow = { cardId: string; moduleId: string; siblingKey: string; card: QueueCardSource };

/** Which `limit` due rows to read first: the learner's review order, at `now`, shuffled by the study day's key. */
export type DueRowOrder = { order: ReviewOrder; now: Date; dayKey: string };

/**
 * The first rows in `order`: (re)learning cards first (never held back by a
 * limit), then reviews most overdue, most at risk (days since the last review
 * over stability, highest first: retrievability ascending) or shuffled for the
 * day. The queue orders them again exactly; this only picks which to read.
 */
function dueRowsOrder({ order, now, dayKey }: DueRowOrder): Prisma.Sql {
  if (order === "DUE") return Prisma.sql`s."due"`;
  const learningFirst = Prisma.sql`s.state = 'REVIEW'`;
  if (order === "RANDOM") return Prisma.sql`${learningFirst}, md5(${dayKey} || s."cardId"::text)`;
  return Prisma.sql`${learningFirst}, extract(epoch FROM (${now}::timestamp - s."lastReview")) / greatest(s.stability, 0.0001) DESC NULLS FIRST, s."due"`;
}

/** Unsuspended, unburied reviewed states due before `dayEnd` in the modules the user studies (unarchived, visible cards), in `order` (default: oldest first), with their cards. */
export async function selectDueRows(
  db: Db,
  userId: string,
  dayEnd: Date,
  limit: number,
  gradableSlugs: readonly string[],
  order?: DueRowOrder,
): Promise<DueRow[]> {
  return queryRows(
    db,
    DueRowSchema,
    Prisma.sql`
    SELECT ${CARD_COLUMNS}, s."due", s."state"::text AS "state", s.stability, s.difficulty AS "memoryDifficulty",
      s."elapsedDays", s."scheduledDays", s."learningSteps", s.reps, s.lapses, s."lastReview"
    FROM card_state s
    JOIN card c ON c.id = s."cardId" AND c."archivedAt" IS NULL AND ${studiable(userId, gradableSlugs)}
    JOIN enrollment e ON e."moduleId" = c."moduleId" AND e."userId" = s."userId" AND e.studying
    WHERE s."userId" = ${userId} AND s."due" < ${dayEnd} AND s."suspendedAt" IS NULL AND s.state <> 'NEW'
      AND (s."buriedUntil" IS NULL OR s."buriedUntil" < ${dayEnd})
    ORDER BY ${order ? dueRowsOrder(order) : Prisma.sql`s."due"`}
    LIMIT ${limit}`,
    order === undefined || order.order === "DUE" ? "selectDueRows" : `selectDueRows-${order.order}`,
  );
}

/**
 * How many review cards (state REVIEW) are due before `dayEnd` in the modules
 * the user studies, the same cards `selectDueRows` reads. Only asked when that
 * read stopped at its limit, so a daily review limit can say how many wait.
 */
export async function countDueReviews(db: Db, userId: string, dayEnd: Date, gradableSlugs: readonly string[]): Promise<number> {
  const rows = await queryRows(
    db,
    z.object({ n: z.number().int() }),
    Prisma.sql`
    SELECT count(*)::int AS n
    FROM card_state s
    JOIN card c ON c.id = s."cardId" AND c."archivedAt" IS NULL AND ${studiable(userId, gradableSlugs)}
    JOIN enrollment e ON e."moduleId" = c."moduleId" AND e."userId" = s."userId" AND e.studying
    WHERE s."userId" = ${userId} AND s."due" < ${dayEnd} AND s."suspendedAt" IS NULL AND s.state = 'REVIEW'
      AND (s."buriedUntil" IS NULL OR s."buriedUntil" < ${dayEnd})`,
    "countDueReviews",
  );
  return rows[0]?.n ?? 0;
}

const NewScanRowSchema = z.object({
  moduleId: z.string(),
  cursor: z.number().int(),
  position: z.number().int().nullable(),
  lastPosition: z.number().int().nullable(),
  heldPosition: z.number().int().nullable(),
  card: CardColumnsSchema.nullable(),
});
type NewScanRow = z.infer<typeof NewScanRowSchema>;

/**
 * Cards the user has never reviewed, in enrolment then module order, from the
 * modules they study. A module with its own new-cards-per-day (set on the
 * module, or by its preset) gives at most
 * that many less those it introduced since `dayStart`. Each enrolment's scan
 * starts at its `newCursor`, and the cursors are raised to what this scan
 * proved: the first unseen position, or past the last card when none is
 * left. Cards below a cursor are never unseen (import, undo and reset lower
 * it; a never-reviewed card that is suspended or buried holds it), so the
 * cursor only saves work, never hides a card. A card whose state row is still
 * NEW (it was suspended or buried before its first review) counts as unseen
 * once released.
 */
export async function selectNewRows(db: Db, userId: string, limit: number, gradableSlugs: readonly string[], dayStart: Date): Promise<NewRow[]> {
  if (limit <= 0) return [];
  const rows = await queryRows(
    db,
    NewScanRowSchema,
    Prisma.sql`
    SELECT e."moduleId"::text AS "moduleId", e."newCursor" AS cursor, n.position,
           (SELECT max(position) FROM card WHERE card."moduleId" = e."moduleId") AS "lastPosition",
           (SELECT min(h.position) FROM card_state hs JOIN card h ON h.id = hs."cardId"
             WHERE hs."userId" = ${userId} AND hs.state = 'NEW' AND h."moduleId" = e."moduleId" AND h.position >= e."newCursor") AS "heldPosition",
           CASE WHEN n.position IS NULL THEN NULL ELSE to_jsonb(n) - 'position' END AS card
    FROM enrollment e
    LEFT JOIN scheduling_preset p ON p.id = e."presetId"
    LEFT JOIN LATERAL (
      SELECT ${CARD_COLUMNS}, c.position FROM card c
      WHERE c."moduleId" = e."moduleId" AND c.position >= e."newCursor" AND c."archivedAt" IS NULL AND ${studiable(userId, gradableSlugs)}
        AND NOT EXISTS (SELECT 1 FROM card_state s WHERE s."userId" = ${userId} AND s."cardId" = c.id
          AND (s.state <> 'NEW' OR s."suspendedAt" IS NOT NULL OR s."buriedUntil" > ${dayStart}))
      ORDER BY c.position
      LIMIT CASE WHEN COALESCE(e."newCardsPerDay", p."newCardsPerDay") IS NULL THEN ${limit} ELSE LEAST(${limit}, GREATEST(0, COALESCE(e."newCardsPerDay", p."newCardsPerDay") - (
        SELECT count(DISTINCT r."cardId")::int FROM review_log r JOIN card i ON i.id = r."cardId"
        WHERE r."userId" = ${userId} AND r."reviewedAt" >= ${dayStart} AND r.state = 'NEW' AND i."moduleId" = e."moduleId"))) END) n ON true
    WHERE e."userId" = ${userId} AND e.studying
      -- Skip archived modules here, not card by card: a scan that found nothing would raise the cursor past cards never seen.
      AND EXISTS (SELECT 1 FROM module m WHERE m.id = e."moduleId" AND m."archivedAt" IS NULL)
    ORDER BY e."enrolledAt", e."moduleId", n.position`,
    "selectNewRows",
  );
  await raiseNewCursors(db, userId, rows);
  return rows
    .flatMap(({ card }) => (card === null ? [] : [{ cardId: card.cardId, moduleId: card.moduleId, siblingKey: card.siblingKey, card: toSource(card) }]))
    .slice(0, limit);
}

async function raiseNewCursors(db: Db, userId: string, rows: readonly NewScanRow[]): Promise<void> {
  // Rows come in position order, so a module's first row holds its first unseen position.
  const firstRow = new Map<string, NewScanRow>();
  for (const row of rows) if (!firstRow.has(row.moduleId)) firstRow.set(row.moduleId, row);
  for (const [moduleId, row] of firstRow) {
    // A suspended or buried card never reviewed (a state row in state NEW) holds the cursor: it is new again once released.
    const next = Math.min(row.position ?? (row.lastPosition ?? -1) + 1, row.heldPosition ?? Infinity);
    if (next > row.cursor) await raiseNewCursor(db, userId, moduleId, next);
  }
}

export type TodayActivity = {
  reviewed: number;
  /** Today's reviews that count toward true retention (lib/stats/retention.ts), and how many of them passed. */
  retention: RetentionCounts;
  newIntroduced: number;
  /** Reviews of cards that were in review (not new, not in a step): what the review limit counts. */
  reviewsOfReviewCards: number;
  /** The same two counts per module. */
  byModule: Map<string, { reviews: number; news: number }>;
  reviewedCards: { cardId: string; siblingKey: string }[];
};

const ActivityRowSchema = z.object({
  cardId: z.string(),
  moduleId: z.string(),
  rating: z.number().int(),
  state: z.enum(FSRS_STATE_NAMES),
  siblingKey: z.string(),
});

/** What the user has already done this study day (from `dayStart`). */
export async function selectTodayActivity(db: Db, userId: string, dayStart: Date): Promise<TodayActivity> {
  const rows = await queryRows(
    db,
    ActivityRowSchema,
    Prisma.sql`
    SELECT r."cardId"::text AS "cardId", c."moduleId"::text AS "moduleId", r.rating, r.state::text AS state, c."siblingKey"
    FROM review_log r JOIN card c ON c.id = r."cardId"
    WHERE r."userId" = ${userId} AND r."reviewedAt" >= ${dayStart}`,
    "selectTodayActivity",
  );
  const byModule = new Map<string, { reviews: number; news: number }>();
  for (const row of rows) {
    if (row.state !== "NEW" && row.state !== "REVIEW") continue;
    const counts = byModule.get(row.moduleId) ?? { reviews: 0, news: 0 };
    if (row.state === "NEW") counts.news += 1;
    else counts.reviews += 1;
    byModule.set(row.moduleId, counts);
  }
  return {
    reviewed: rows.length,
    retention: retentionCounts(rows.map((r) => ({ stateBefore: r.state, rating: r.rating }))),
    newIntroduced: rows.filter((r) => r.state === "NEW").length,
    reviewsOfReviewCards: rows.filter((r) => r.state === "REVIEW").length,
    byModule,
    reviewedCards: [...new Map(rows.map((r) => [r.cardId, { cardId: r.cardId, siblingKey: r.siblingKey }])).values()],
  };
}

/** The earliest due time at or after `from` among the user's active states in the modules they study, or null. */
export async function selectNextDue(db: Db, userId: string, from: Date, gradableSlugs: readonly string[]): Promise<Date | null> {
  const rows = await queryRows(
    db,
    z.object({ due: DateColumn }),
    Prisma.sql`
    SELECT s."due" FROM card_state s
    JOIN card c ON c.id = s."cardId" AND c."archivedAt" IS NULL AND ${studiable(userId, gradableSlugs)}
    JOIN enrollment e ON e."moduleId" = c."moduleId" AND e."userId" = s."userId" AND e.studying
    WHERE s."userId" = ${userId} AND s."due" >= ${from} AND s."suspendedAt" IS NULL AND s.state <> 'NEW'
      AND (s."buriedUntil" IS NULL OR s."buriedUntil" <= ${from})
    ORDER BY s."due" LIMIT 1`,
    "selectNextDue",
  );
  return rows[0]?.due ?? null;
}
