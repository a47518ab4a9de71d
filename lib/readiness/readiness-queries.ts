// The queries behind readiness. Each reads through an index: review_log by
// (userId, reviewedAt), exercise_attempt by (userId, exerciseSlug, createdAt),
// card by (moduleId, position).
import { z } from "zod";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { DateColumn, queryRows } from "../db/rows";
import { FSRS_STATE_NAMES } from "../scheduling";
import type { AttemptRow, ReviewGroup } from "./figures";

/** Exercise slugs of the module's unarchived exercise cards. */
export async function selectModuleExerciseSlugs(db: Db, moduleId: string): Promise<string[]> {
  const rows = await db.card.findMany({
    where: { moduleId, kind: "EXERCISE", archivedAt: null, exerciseSlug: { not: null } },
    orderBy: { position: "asc" },
    select: { exerciseSlug: true },
  });
  return [...new Set(rows.flatMap((r) => (r.exerciseSlug ? [r.exerciseSlug] : [])))];
}

/** The statement behind {@link selectReviewGroups}; exported so a test can EXPLAIN it. */
export function reviewGroupsSql(userId: string, moduleId: string, since: Date, until: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT r.state::text AS state, r.rating, count(*)::int AS count
    FROM review_log r JOIN card c ON c.id = r."cardId"
    WHERE r."userId" = ${userId} AND r."reviewedAt" >= ${since} AND r."reviewedAt" < ${until} AND c."moduleId" = ${moduleId}::uuid
    GROUP BY 1, 2`;
}

/** The user's reviews of the module's cards in [since, until), counted by state before review and rating. */
export async function selectReviewGroups(db: Db, userId: string, moduleId: string, since: Date, until: Date): Promise<ReviewGroup[]> {
  const row = z.object({ state: z.enum(FSRS_STATE_NAMES), rating: z.number().int(), count: z.number().int() });
  return queryRows(db, row, reviewGroupsSql(userId, moduleId, since, until), "selectReviewGroups");
}

/** The statement behind {@link selectAttemptStats}; exported so a test can EXPLAIN it. */
export function attemptStatsSql(userId: string, slugs: readonly string[], limit: number, until: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT s.slug, t.total, lc."lastCorrectAt", r.correct, r."createdAt"
    FROM unnest(${[...slugs]}::text[]) AS s(slug)
    CROSS JOIN LATERAL (SELECT count(*)::int AS total FROM exercise_attempt a
      WHERE a."userId" = ${userId} AND a."exerciseSlug" = s.slug AND a."createdAt" < ${until}) t
    CROSS JOIN LATERAL (SELECT max(a."createdAt") AS "lastCorrectAt" FROM exercise_attempt a
      WHERE a."userId" = ${userId} AND a."exerciseSlug" = s.slug AND a.correct AND NOT a."afterReveal" AND a."createdAt" < ${until}) lc
    LEFT JOIN LATERAL (SELECT a.correct AND NOT a."afterReveal" AS correct, a."createdAt" FROM exercise_attempt a
      WHERE a."userId" = ${userId} AND a."exerciseSlug" = s.slug AND a."createdAt" < ${until}
      ORDER BY a."createdAt" DESC LIMIT ${limit}) r ON true`;
}

export type ExerciseAttemptStats = { latest: AttemptRow[]; attempts: number; lastCorrectAt: Date | null };

/**
 * Per exercise: the `limit` latest attempts before `until`, the number of
 * attempts in all, and the latest correct one. A pass made after its
 * variant's answers were shown counts as not correct. Three index range scans per
 * slug (the count is an index-only scan when the visibility map allows).
 */
export async function selectAttemptStats(
  db: Db,
  userId: string,
  slugs: readonly string[],
  limit: number,
  until: Date,
): Promise<Map<string, ExerciseAttemptStats>> {
  const stats = new Map<string, ExerciseAttemptStats>(slugs.map((s) => [s, { latest: [], attempts: 0, lastCorrectAt: null }]));
  if (slugs.length === 0) return stats;
  const row = z.object({
    slug: z.string(),
    total: z.number().int(),
    lastCorrectAt: DateColumn.nullable(),
    correct: z.boolean().nullable(),
    createdAt: DateColumn.nullable(),
  });
  const rows = await queryRows(db, row, attemptStatsSql(userId, slugs, limit, until), "selectAttemptStats");
  for (const row of rows) {
    const entry = stats.get(row.slug);
    if (!entry) continue;
    entry.attempts = row.total;
    entry.lastCorrectAt = row.lastCorrectAt;
    if (row.createdAt && row.correct !== null) entry.latest.push({ correct: row.correct, createdAt: row.createdAt });
  }
  return stats;
}
