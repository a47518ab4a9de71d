// The due counts the load balancer weighs (lib/scheduling/load-balancer.ts):
// how many of the learner's cards fall due on each study day of the few short
// ranges a review can land in. One statement: per range an index-only scan of
// card_state's (userId, due), bucketed in SQL over study-day starts computed
// here (time zone, day start, DST), so a review in a 100,000-card collection
// reads only the entries of its fuzz ranges, never the collection.
import { z } from "zod";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { queryRows } from "../db/rows";
import { timestampArraySql } from "../db/timestamp-array";
import { studyDayKey, studyDayStartsFrom, type DayRange, type DueLoad, type StudyClock } from "../scheduling";
import { weekdayOf } from "../stats/study-days";

const BucketRowSchema = z.object({ bucket: z.number().int(), count: z.number().int() });

/**
 * States of `userId` due in any of `spans` ([from, until) each), counted per
 * width_bucket over `starts` (k ≥ 1 is from `starts[k - 1]`). Suspended cards
 * and the card under review count too: checking either would read the table
 * row of every entry, and what they add is a card or two on a day. `except`,
 * a condition on `s` (card_state), leaves out the rows it holds for (it reads
 * their table rows). Exported so a test can EXPLAIN it.
 */
export function dueLoadSql(userId: string, starts: readonly Date[], spans: readonly { from: Date; until: Date }[], except?: Prisma.Sql): Prisma.Sql {
  const leave = except ? Prisma.sql` AND NOT (${except})` : Prisma.empty;
  const scans = spans.map(
    ({ from, until }) => Prisma.sql`SELECT s.due FROM card_state s WHERE s."userId" = ${userId} AND s.due >= ${from} AND s.due < ${until}${leave}`,
  );
  return Prisma.sql`
    SELECT width_bucket(d.due, ${timestampArraySql(starts)}) AS bucket, count(*)::int AS count
    FROM (${Prisma.join(scans, " UNION ALL ")}) d
    GROUP BY 1`;
}

/**
 * The cards due on each study day of `ranges` (offsets after the one holding
 * `now`, 1 is tomorrow; non-empty, as `balancedDays` gives them), with today's
 * weekday: what `applyRating` needs to balance that review. Days between the
 * ranges are left at 0: no pick reads them. `except`: see `dueLoadSql`.
 */
export async function selectDueLoad(db: Db, userId: string, clock: StudyClock, now: Date, ranges: readonly DayRange[], except?: Prisma.Sql): Promise<DueLoad> {
  const first = Math.min(...ranges.map((r) => r.min));
  const last = Math.max(...ranges.map((r) => r.max));
  const starts = studyDayStartsFrom(now, last + 2, clock.timeZone, clock.dayStartHour);
  const at = (day: number): Date => {
    const start = starts[day];
    if (!start) throw new RangeError(`selectDueLoad: no start for day ${day}`);
    return start;
  };
  const spans = ranges.map((range) => ({ from: at(range.min), until: at(range.max + 1) }));
  const rows = await queryRows(db, BucketRowSchema, dueLoadSql(userId, starts.slice(first), spans, except), "selectDueLoad");
  const counts = new Array<number>(last - first + 1).fill(0);
  for (const row of rows) if (row.bucket >= 1 && row.bucket <= counts.length) counts[row.bucket - 1] = row.count;
  return { firstOffset: first, counts, weekday: weekdayOf(studyDayKey(now, clock.timeZone, clock.dayStartHour)) };
}
