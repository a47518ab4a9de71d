// npm run bench:stats — the stats page's queries and export streaming for a
// user with 100,000 card states and ~150,000 reviews among 1,000,000 state rows
// (the queue bench's data set). `-- --plans` also prints EXPLAIN ANALYZE.
import { join } from "node:path";
import { rmSync } from "node:fs";
import { createPrismaClient } from "../lib/db/client";
import { Prisma } from "../lib/db/generated/client";
import { applyMigrations, createDatabase } from "../lib/db/migrations";
import { prepareDatabase } from "../scripts/support/prepare-database";
import { studyDayEnd, studyDayStart } from "../lib/scheduling";
import { addReviewHistory, loadQueueDataset } from "./support/queue-dataset";
import { freePort } from "./support/ports";
import { ms, summarize, timeRuns } from "./support/stats";
import { getStats } from "../lib/stats/get-stats";
import { dueBucketsSql, retentionCountsSql, reviewBucketsSql } from "../lib/stats/stats-queries";
import { studyDaysFrom, studyDaysUntil, endOfDays } from "../lib/stats/study-days";
import { heatmapDayCount } from "../lib/stats/heatmap";
import { runBench, type Cleanups } from "./support/lifecycle";
import { openExport } from "../lib/export/export-stream";
import { reviewPageSql } from "../lib/export/review-export";
import { cardPageSql } from "../lib/export/card-export";

const DATA_DIR = join(process.cwd(), ".cache", "stats-bench");
const TZ = process.env.STATS_TZ ?? "Europe/Berlin";

const SHOW_PLANS = process.argv.includes("--plans");

async function main(cleanups: Cleanups) {
  rmSync(DATA_DIR, { recursive: true, force: true });
  delete process.env.DATABASE_URL;
  const database = await prepareDatabase({ dataDir: DATA_DIR, port: await freePort(), seed: false });
  cleanups.push(() => database.stop());
  {
    const url = await createDatabase(database.url, "bench_stats");
    await applyMigrations(url);
    const now = new Date();
    const clock = { now, dayStart: studyDayStart(now, "UTC", 4), dayEnd: studyDayEnd(now, "UTC", 4) };
    let t = performance.now();
    const data = await loadQueueDataset(url, clock);
    await addReviewHistory(url, data.measuredUserId, clock.dayStart);
    console.log(`loaded in ${((performance.now() - t) / 1000).toFixed(1)} s: ${data.stateRows} card_state rows`);
    const prisma = createPrismaClient(url, 10);
    cleanups.push(() => prisma.$disconnect());
    const userId = data.measuredUserId;
    await prisma.userSettings.update({ where: { userId }, data: { timeZone: TZ, dayStartHour: 4 } });
    const counts = await prisma.$queryRaw<{ states: number; reviews: number }[]>`
      SELECT (SELECT count(*)::int FROM card_state WHERE "userId" = ${userId}) AS states,
             (SELECT count(*)::int FROM review_log WHERE "userId" = ${userId}) AS reviews`;
    console.log(`measured user ${userId}: ${JSON.stringify(counts[0])}, time zone ${TZ}`);

    const dc = { timeZone: TZ, dayStartHour: 4 };
    const ahead = studyDaysFrom(now, 30, dc);
    const behind = studyDaysUntil(now, 365, dc);
    const heat = behind.slice(-heatmapDayCount(ahead[0]?.key ?? ""));
    const studyDay = (days: typeof behind, i: number) => {
      const day = days.at(i);
      if (!day) throw new Error(`bench: no study day ${i} of ${days.length}`);
      return day;
    };
    const todayEnd = endOfDays([ahead[0] ?? studyDay(behind, 0)], dc);
    const queries: [string, Prisma.Sql][] = [
      [
        "dueBuckets (30 days)",
        dueBucketsSql(
          userId,
          ahead.map((d) => d.start),
          endOfDays(ahead, dc),
        ),
      ],
      [
        "reviewBuckets (26 weeks)",
        reviewBucketsSql(
          userId,
          heat.map((d) => d.start),
          todayEnd,
        ),
      ],
      [
        "retentionCounts (7/30/365)",
        retentionCountsSql(userId, [studyDay(behind, 358).start, studyDay(behind, 335).start, studyDay(behind, 0).start], todayEnd),
      ],
      ["export reviews page (first 1000)", reviewPageSql(userId, { at: new Date(0), id: "00000000-0000-0000-0000-000000000000" }, 1000)],
      [
        "export cards page (mid-module)",
        cardPageSql(userId, { id: data.moduleId, slug: "bench-queue" }, { position: 50_000, id: "00000000-0000-0000-0000-000000000000" }, 1000),
      ],
    ];
    const sample = await getStats(prisma, userId, now);
    console.log(
      `getStats: forecast total ${sample.forecast.total} (overdue ${sample.forecast.overdue}), heatmap total ${sample.heatmap.total}, retention ${JSON.stringify(sample.retention)}, streak ${sample.streak}`,
    );
    const whole = summarize(await timeRuns(20, 3, () => getStats(prisma, userId, now)));
    console.log(`getStats whole: p50 ${ms(whole.p50)} ms, p90 ${ms(whole.p90)} ms, max ${ms(whole.max)} ms`);
    for (const [name, sql] of queries) {
      const s = summarize(await timeRuns(20, 3, () => prisma.$queryRaw(sql)));
      console.log(`${name}: p50 ${ms(s.p50)} ms, p90 ${ms(s.p90)} ms`);
    }
    for (const [name, sql] of SHOW_PLANS ? queries : []) {
      const plan = await prisma.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${sql}`);
      console.log(`\nEXPLAIN (ANALYZE, BUFFERS) ${name}`);
      for (const row of plan) console.log(`  ${row["QUERY PLAN"]}`);
    }
    for (const [what, format] of [
      ["reviews", "csv"],
      ["reviews", "json"],
      ["cards", "csv"],
    ] as const) {
      const rssBefore = process.memoryUsage().rss;
      let peak = rssBefore;
      t = performance.now();
      const file = await openExport(prisma, userId, { what, format }, now);
      let bytes = 0;
      const reader = file.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        peak = Math.max(peak, process.memoryUsage().rss);
      }
      console.log(
        `export ${what} ${format}: ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - t) / 1000).toFixed(2)} s, RSS growth ≤ ${((peak - rssBefore) / 1e6).toFixed(0)} MB`,
      );
    }
  }
}

runBench(main);
