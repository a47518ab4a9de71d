// The due counts the load balancer weighs (lib/scheduling/load-balancer.ts):
// how many of the learner's cards fall due on each study day of a short range
// ahead. One range scan of card_state's (userId, due) index, bucketed in SQL
// over study-day starts computed here (time zone, day start, DST), so a review
// of a card in a 100,000-card collection reads only the cards due in its fuzz
// range, never the whole collection.
import { z } from "zod";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { queryRows } from "../db/rows";
import type { StudyClock } from "../scheduling";
import type { DueLoad } from "../scheduling/load-balancer";
import { studyDaysFrom, weekdayOf } from "../stats/study-days";

const BucketRowSchema = z.object({ bucket: z.number().int(), count: z.number().int() });

/**
 * Unsuspended states of `userId` due in [starts[0], starts.at(-1)), other than
 * `exceptCardId`'s, counted per width_bucket over `starts` (k ≥ 1 is from
 * `starts[k - 1]`). Exported so a test can EXPLAIN it.
 */
export function dueLoadSql(userId: string, starts: readonly Date[], exceptCardId: string | null): Prisma.Sql {
  const from = starts[0];
  const until = starts.at(-1);
  if (!from || !until) throw new RangeError("dueLoadSql needs at least one day start");
  const instants = Prisma.sql`${starts.map((d) => d.toISOString())}::timestamp(3)[]`;
  const except = exceptCardId === null ? Prisma.empty : Prisma.sql`AND s."cardId" <> ${exceptCardId}::uuid`;
  return Prisma.sql`
    SELECT width_bucket(s.due, ${instants}) AS bucket, count(*)::int AS count
    FROM card_state s
    WHERE s."userId" = ${userId} AND s.due >= ${from} AND s.due < ${until} AND s."suspendedAt" IS NULL ${except}
    GROUP BY 1`;
}

/**
 * The cards due on each study day `days.min`…`days.max` after the one holding
 * `now` (1 is tomorrow), other than `exceptCardId` (the card being reviewed,
 * which is leaving its day), with today's weekday: what `applyRating` needs
 * to balance that review.
 */
export async function selectDueLoad(
  db: Db,
  userId: string,
  clock: StudyClock,
  now: Date,
  days: { min: number; max: number },
  exceptCardId: string | null = null,
): Promise<DueLoad> {
  const study = studyDaysFrom(now, days.max + 2, clock);
  const today = study[0];
  if (!today) throw new RangeError("selectDueLoad: no study days");
  const starts = study.slice(days.min, days.max + 2).map((day) => day.start);
  const rows = await queryRows(db, BucketRowSchema, dueLoadSql(userId, starts, exceptCardId), "selectDueLoad");
  const counts = new Array<number>(days.max - days.min + 1).fill(0);
  for (const row of rows) if (row.bucket >= 1 && row.bucket <= counts.length) counts[row.bucket - 1] = row.count;
  return { firstOffset: days.min, counts, weekday: weekdayOf(today.key) };
}
