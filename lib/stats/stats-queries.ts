// The queries behind /stats. Each is one range scan of an index, bucketed in
// SQL by width_bucket over study-day starts computed in lib/stats/study-days:
// card_state by (userId, due), review_log by (userId, reviewedAt). A user
// with 100k states or reviews sends back at most one row per day.
import { z } from "zod";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { queryRows } from "../db/rows";
import { timestampArraySql } from "../db/timestamp-array";
import { currentStreak } from "./streak";

/** How far back the streak looks; a longer streak shows as this many days. */
const STREAK_LOOKBACK_DAYS = 400;

const BucketRowSchema = z.object({ bucket: z.number().int(), count: z.number().int() });

const toMap = (rows: z.infer<typeof BucketRowSchema>[]) => new Map(rows.map((r) => [r.bucket, r.count]));

/**
 * Unsuspended states of the user's enrolled, unarchived cards due before
 * `until`, counted per width_bucket over `starts` (ascending): 0 is before
 * `starts[0]`, k is from `starts[k - 1]`. Exported so a test can EXPLAIN it.
 */
export function dueBucketsSql(userId: string, starts: readonly Date[], until: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT width_bucket(s.due, ${timestampArraySql(starts)}) AS bucket, count(*)::int AS count
    FROM card_state s
    JOIN card c ON c.id = s."cardId" AND c."archivedAt" IS NULL
    JOIN enrollment e ON e."moduleId" = c."moduleId" AND e."userId" = s."userId"
    WHERE s."userId" = ${userId} AND s.due < ${until} AND s."suspendedAt" IS NULL
    GROUP BY 1`;
}

/** Runs {@link dueBucketsSql}: bucket index → cards due. */
export async function selectDueBuckets(db: Db, userId: string, starts: readonly Date[], until: Date): Promise<Map<number, number>> {
  return toMap(await queryRows(db, BucketRowSchema, dueBucketsSql(userId, starts, until), "selectDueBuckets"));
}

/**
 * The user's reviews in [starts[0], until), counted per width_bucket over
 * `starts` (k is from `starts[k - 1]`). Reads only the (userId, reviewedAt)
 * index, so it can be an index-only scan. Exported so a test can EXPLAIN it.
 */
export function reviewBucketsSql(userId: string, starts: readonly Date[], until: Date): Prisma.Sql {
  const from = starts[0] ?? until;
  return Prisma.sql`
    SELECT width_bucket(r."reviewedAt", ${timestampArraySql(starts)}) AS bucket, count(*)::int AS count
    FROM review_log r
    WHERE r."userId" = ${userId} AND r."reviewedAt" >= ${from} AND r."reviewedAt" < ${until}
    GROUP BY 1`;
}

/** Runs {@link reviewBucketsSql}: bucket index → reviews. */
export async function selectReviewBuckets(db: Db, userId: string, starts: readonly Date[], until: Date): Promise<Map<number, number>> {
  return toMap(await queryRows(db, BucketRowSchema, reviewBucketsSql(userId, starts, until), "selectReviewBuckets"));
}

/**
 * Reviews of cards in the review state (the log's `state` is the state before
 * the review) in [since[i], until) for each window start, and how many of them
 * were not rated Again: one scan of the widest window, one FILTER pair per
 * window. Exported so a test can EXPLAIN it.
 */
export function retentionCountsSql(userId: string, since: readonly Date[], until: Date): Prisma.Sql {
  const widest = new Date(Math.min(...since.map((d) => d.getTime())));
  const columns = since.map(
    (start, i) => Prisma.sql`count(*) FILTER (WHERE r."reviewedAt" >= ${start})::int AS ${Prisma.raw(`"reviews${i}"`)},
      count(*) FILTER (WHERE r."reviewedAt" >= ${start} AND r.rating > 1)::int AS ${Prisma.raw(`"passed${i}"`)}`,
  );
  return Prisma.sql`
    SELECT ${Prisma.join(columns, ", ")}
    FROM review_log r
    WHERE r."userId" = ${userId} AND r."reviewedAt" >= ${widest} AND r."reviewedAt" < ${until} AND r.state = 'REVIEW'`;
}

/** Runs {@link retentionCountsSql}: per window start, in order, the reviews and the passes. */
export async function selectRetentionCounts(db: Db, userId: string, since: readonly Date[], until: Date): Promise<{ reviews: number; passed: number }[]> {
  if (since.length === 0) return [];
  const rows = await queryRows(db, z.record(z.string(), z.number().int()), retentionCountsSql(userId, since, until), "selectRetentionCounts");
  const row = rows[0] ?? {};
  return since.map((_, i) => ({ reviews: row[`reviews${i}`] ?? 0, passed: row[`passed${i}`] ?? 0 }));
}

/**
 * The user's streak at `now` (see {@link currentStreak}): study days counted
 * in `clock`'s zone and day-start hour, `todayKey` the study day holding `now`.
 * Shared by the review page and /stats so both show the same number.
 */
export async function selectStreak(db: Db, userId: string, clock: { timeZone: string; dayStartHour: number }, now: Date, todayKey: string): Promise<number> {
  const since = new Date(now.getTime() - STREAK_LOOKBACK_DAYS * 86_400_000);
  return currentStreak(await selectReviewDayKeys(db, userId, clock.timeZone, clock.dayStartHour, since), todayKey);
}

/**
 * Study-day keys ("YYYY-MM-DD") with at least one review since `since`. A skip
 * scan on review_log(userId, reviewedAt): one index probe per study day with
 * reviews, however many reviews each day holds. LEAST guards DST folds so each
 * step moves strictly back.
 */
export async function selectReviewDayKeys(db: Db, userId: string, timeZone: string, dayStartHour: number, since: Date): Promise<string[]> {
  const rows = await queryRows(
    db,
    z.object({ day: z.string() }),
    Prisma.sql`
    WITH RECURSIVE d(t) AS (
      SELECT max(r."reviewedAt") FROM review_log r WHERE r."userId" = ${userId} AND r."reviewedAt" >= ${since}
      UNION ALL
      SELECT (SELECT max(r."reviewedAt") FROM review_log r
              WHERE r."userId" = ${userId} AND r."reviewedAt" >= ${since}
                AND r."reviewedAt" < LEAST(d.t,
                  (date_trunc('day', (d.t AT TIME ZONE 'UTC' AT TIME ZONE ${timeZone}) - make_interval(hours => ${dayStartHour}))
                    + make_interval(hours => ${dayStartHour})) AT TIME ZONE ${timeZone} AT TIME ZONE 'UTC'))
      FROM d WHERE d.t IS NOT NULL)
    SELECT DISTINCT to_char((t AT TIME ZONE 'UTC' AT TIME ZONE ${timeZone}) - make_interval(hours => ${dayStartHour}), 'YYYY-MM-DD') AS day
    FROM d WHERE t IS NOT NULL`,
    "selectReviewDayKeys",
  );
  return rows.map((r) => r.day);
}
