// Part 2: today's queue at scale. Loads the 1,000,000-state data set, times
// getTodayQueue and each statement behind it in-process, explains the slowest,
// then repeats the history-sensitive parts after adding a year of reviews.
import type { Cleanups } from "./lifecycle";
import { createPrismaClient } from "../../lib/db/client";
import { catalogue } from "../../exercises/catalogue";
import { getTodayQueue } from "../../lib/queue/today-queue";
import { studyDayEnd, studyDayStart } from "../../lib/scheduling";
import { HISTORY_REVIEWS, QUEUE_CARDS, QUEUE_USERS, TODAY_REVIEWS, addReviewHistory, loadQueueDataset } from "./queue-dataset";
import { captureSql, explainAnalyze, queueQueries, type QueueQuery } from "./queue-timing";
import { heading, loadAverage, ms, note, ratio, summarize, table, timeRuns } from "./stats";

const QUERY_TARGET_MS = 10;
/** Enough runs that p99 is not simply the slowest one (with 30, it was the maximum). */
const RUNS = 100;
const WARMUP = 5;
const TIME_ZONE = "UTC";
const DAY_START_HOUR = 4;

type Timed = { name: string; times: number[] };

/** Runs part 2 against the empty migrated database at `url`; registers its client in `cleanups`. */
export async function runQueueBench(url: string, cleanups: Cleanups): Promise<void> {
  heading(`2. Today's queue at scale (${QUEUE_CARDS.toLocaleString("en")} cards × ${QUEUE_USERS} users)`);
  const now = new Date();
  const clock = { now, dayStart: studyDayStart(now, TIME_ZONE, DAY_START_HOUR), dayEnd: studyDayEnd(now, TIME_ZONE, DAY_START_HOUR) };
  const loadStarted = performance.now();
  const dataset = await loadQueueDataset(url, clock);
  note(
    `Loaded in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s: ${dataset.stateRows.toLocaleString("en")} card_state rows; ` +
      `measured user ${dataset.measuredUserId} has ${dataset.dueByDayEnd} states due before the study day ends ` +
      `and ${TODAY_REVIEWS} reviews today; VACUUM (ANALYZE) done; load average ${loadAverage()}`,
  );

  const prisma = createPrismaClient(url, 10);
  cleanups.push(() => prisma.$disconnect());
  const userId = dataset.measuredUserId;
  const sample = await getTodayQueue(prisma, catalogue, userId, now);
  note(`getTodayQueue returns ${sample.cards.length} cards, counts ${JSON.stringify(sample.counts)}`);

  const queries = await queueQueries(prisma, userId, now);
  const timed: Timed[] = [{ name: "getTodayQueue (whole)", times: await timeRuns(RUNS, WARMUP, () => getTodayQueue(prisma, catalogue, userId, now)) }];
  for (const query of queries) timed.push({ name: query.name, times: await timeRuns(RUNS, WARMUP, () => query.run(prisma)) });
  printTimings(timed);

  const slowest = slowestQuery(queries, timed);
  if (slowest) await printExplain(url, slowest);

  heading(`2b. Same user after a year of history (+${HISTORY_REVIEWS.toLocaleString("en")} review_log rows before today)`);
  await addReviewHistory(url, userId, clock.dayStart);
  const historyQueries = queries.filter((q) => /ReviewDayKeys|TodayActivity/.test(q.name));
  const timedHistory: Timed[] = [{ name: "getTodayQueue (whole)", times: await timeRuns(RUNS, WARMUP, () => getTodayQueue(prisma, catalogue, userId, now)) }];
  for (const query of historyQueries) timedHistory.push({ name: query.name, times: await timeRuns(RUNS, WARMUP, () => query.run(prisma)) });
  printTimings(timedHistory);
  const dayKeys = historyQueries.find((q) => q.name.startsWith("selectReviewDayKeys"));
  if (dayKeys) await printExplain(url, dayKeys);
}

function printTimings(timed: Timed[]): void {
  const rows = timed.map(({ name, times }) => {
    const s = summarize(times);
    return [name, ms(s.p50), ms(s.p90), ms(s.p99), ms(s.max), ratio(s.p50, QUERY_TARGET_MS)];
  });
  console.log(`In-process, ${RUNS} runs after ${WARMUP} warm-up runs; target < ${QUERY_TARGET_MS} ms per queue query.`);
  console.log(table(["measured", "p50 ms", "p90 ms", "p99 ms", "max ms", "p50 vs target"], rows));
}

function slowestQuery(queries: QueueQuery[], timed: Timed[]): QueueQuery | undefined {
  let best: { query: QueueQuery; p50: number } | undefined;
  for (const query of queries) {
    const times = timed.find((t) => t.name === query.name)?.times ?? [];
    const p50 = summarize(times).p50;
    if (!best || p50 > best.p50) best = { query, p50 };
  }
  return best?.query;
}

async function printExplain(url: string, query: QueueQuery): Promise<void> {
  const { sql, params } = await captureSql(url, query);
  console.log(`\nEXPLAIN (ANALYZE, BUFFERS) — ${query.name}, params ${JSON.stringify(params)}`);
  console.log(sql.replace(/\s+/g, " ").trim());
  for (const line of await explainAnalyze(url, sql, params)) console.log(`  ${line}`);
}
