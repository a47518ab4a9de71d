// In-process timing of today's queue and of each statement behind it, with the
// arguments getTodayQueue would pass, and EXPLAIN (ANALYZE, BUFFERS) of one of
// them using the exact SQL Prisma sent (captured from its query events).
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../../lib/db/generated/client";
import type { Db } from "../../lib/db/client";
import { QUEUE_LIMIT } from "../../lib/queue/today-queue";
import { selectDueRows, selectNewRows, selectNextDue, selectTodayActivity } from "../../lib/queue/queue-rows";
import { studyDayEnd, studyDayStart } from "../../lib/scheduling";
import { selectUserSettings } from "../../lib/data/user-settings";
import { selectReviewDayKeys } from "../../lib/stats/stats-queries";
import { catalogue } from "../../exercises/catalogue";

const STREAK_LOOKBACK_DAYS = 400;

export type QueueQuery = { name: string; run: (db: Db) => Promise<unknown> };

/** The five queue-rows statements with the arguments getTodayQueue derives for `userId` at `now`. */
export async function queueQueries(db: Db, userId: string, now: Date): Promise<QueueQuery[]> {
  const settings = await selectUserSettings(db, userId);
  const GRADABLE = catalogue.gradableSlugs;
  const dayStart = studyDayStart(now, settings.timeZone, settings.dayStartHour);
  const dayEnd = studyDayEnd(now, settings.timeZone, settings.dayStartHour);
  const activity = await selectTodayActivity(db, userId, dayStart);
  const newLimit = Math.max(0, settings.newCardsPerDay - activity.newIntroduced) * 3;
  const since = new Date(now.getTime() - STREAK_LOOKBACK_DAYS * 86_400_000);
  return [
    { name: `selectDueRows (limit ${QUEUE_LIMIT * 2})`, run: (d) => selectDueRows(d, userId, dayEnd, QUEUE_LIMIT * 2, GRADABLE) },
    { name: `selectNewRows (limit ${newLimit})`, run: (d) => selectNewRows(d, userId, newLimit, GRADABLE, dayStart) },
    { name: "selectTodayActivity", run: (d) => selectTodayActivity(d, userId, dayStart) },
    {
      name: "selectReviewDayKeys (400 days)",
      run: (d) => selectReviewDayKeys(d, userId, settings.timeZone, settings.dayStartHour, since),
    },
    { name: "selectNextDue (only when queue empty)", run: (d) => selectNextDue(d, userId, now, GRADABLE) },
  ];
}

/** The SQL text and parameters of the last statement `query` sends. */
export async function captureSql(url: string, query: QueueQuery): Promise<{ sql: string; params: unknown[] }> {
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 1 }),
    log: [{ level: "query", emit: "event" }],
  });
  const seen: { sql: string; params: unknown[] }[] = [];
  prisma.$on("query", (event) => seen.push({ sql: event.query, params: JSON.parse(event.params) as unknown[] }));
  try {
    await query.run(prisma);
  } finally {
    await prisma.$disconnect();
  }
  const last = seen.at(-1);
  if (!last) throw new Error(`no query captured for ${query.name}`);
  return last;
}

/** EXPLAIN (ANALYZE, BUFFERS) of `sql` with `params`, as plan lines. */
export async function explainAnalyze(url: string, sql: string, params: unknown[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    return result.rows.map((row) => row["QUERY PLAN"]);
  } finally {
    await client.end();
  }
}
