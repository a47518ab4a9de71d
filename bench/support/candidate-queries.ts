// Part 2c: the current new-card statement again after a fresh ANALYZE (a new
// statistics sample can flip its plan) and with a user who has new cards left,
// next to the query shapes proposed in place of the two slow statements, all
// timed on the same data over one pg connection. The app does not use these.
import pg from "pg";
import type { QueueQuery } from "./queue-timing";
import { captureSql } from "./queue-timing";
import { QUEUE_CARDS } from "./queue-dataset";
import { ms, summarize, table, timeRuns } from "./stats";

const RUNS = 20;
const WARMUP = 3;
const NEW_AT_END = 1_000;

/**
 * selectNewRows with a per-enrollment cursor: the scan starts at the first
 * position the user may not have seen (a lower bound kept on enrollment; a
 * parameter here) and walks card(moduleId, position) until LIMIT is filled.
 */
export const NEW_ROWS_WITH_CURSOR = `
  SELECT n."cardId", n."siblingKey" FROM enrollment e
  CROSS JOIN LATERAL (
    SELECT c.id AS "cardId", c."siblingKey", c.position FROM card c
    WHERE c."moduleId" = e."moduleId" AND c.position >= $3 AND c."archivedAt" IS NULL AND c.kind <> 'EXERCISE'
      AND NOT EXISTS (SELECT 1 FROM card_state s WHERE s."userId" = $1 AND s."cardId" = c.id)
    ORDER BY c.position LIMIT $2) n
  WHERE e."userId" = $1
  ORDER BY e."enrolledAt", e."moduleId", n.position LIMIT $2`;

/**
 * selectReviewDayKeys as a skip scan on review_log(userId, reviewedAt): one
 * index probe per study day with reviews. Each probe looks below the start of
 * the study day of the last row found (LEAST guards DST folds, so it always
 * moves back); keys use the current expression, hence DISTINCT.
 */
export const REVIEW_DAY_KEYS_SKIP_SCAN = `
  WITH RECURSIVE d(t) AS (
    SELECT max(r."reviewedAt") FROM review_log r WHERE r."userId" = $3 AND r."reviewedAt" >= $4
    UNION ALL
    SELECT (SELECT max(r."reviewedAt") FROM review_log r
            WHERE r."userId" = $3 AND r."reviewedAt" >= $4
              AND r."reviewedAt" < LEAST(d.t, (date_trunc('day', (d.t AT TIME ZONE 'UTC' AT TIME ZONE $1) - make_interval(hours => $2))
                                               + make_interval(hours => $2)) AT TIME ZONE $1 AT TIME ZONE 'UTC'))
    FROM d WHERE d.t IS NOT NULL)
  SELECT DISTINCT to_char((t AT TIME ZONE 'UTC' AT TIME ZONE $1) - make_interval(hours => $2), 'YYYY-MM-DD') AS day FROM d WHERE t IS NOT NULL`;

/** Runs part 2c; `newRows` and `dayKeys` are the app's statements for `userId`. Leaves `otherUserId` with new cards. */
export async function runCandidates(url: string, userId: string, otherUserId: string, newRows: QueueQuery, dayKeys: QueueQuery): Promise<void> {
  const currentNew = await captureSql(url, newRows);
  const currentDays = await captureSql(url, dayKeys);
  const newLimit = currentNew.params.at(-1);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows: string[][] = [];
    const time = async (label: string, sql: string, params: unknown[]) => {
      const s = summarize(await timeRuns(RUNS, WARMUP, () => client.query(sql, params)));
      const result = await client.query(sql, params);
      rows.push([label, ms(s.p50), ms(s.p99), String(result.rowCount)]);
      return result.rows as Record<string, unknown>[];
    };
    const cursorFor = async (user: string) => {
      const r = await client.query<{ p: number | null }>(
        `SELECT min(c.position) AS p FROM card c JOIN enrollment e ON e."moduleId" = c."moduleId" AND e."userId" = $1
         WHERE NOT EXISTS (SELECT 1 FROM card_state s WHERE s."userId" = $1 AND s."cardId" = c.id)`,
        [user],
      );
      return r.rows[0]?.p ?? QUEUE_CARDS;
    };

    await time(`selectNewRows now: ${userId}, 0 new`, currentNew.sql, [userId, userId, newLimit]);
    const cursor = await cursorFor(userId);
    await time(`  candidate: ${userId}, cursor ${cursor}`, NEW_ROWS_WITH_CURSOR, [userId, newLimit, cursor]);
    await client.query(
      `DELETE FROM card_state s USING card c WHERE s."cardId" = c.id AND s."userId" = $1 AND c.position >= $2`,
      [otherUserId, QUEUE_CARDS - NEW_AT_END],
    );
    await client.query("ANALYZE card_state");
    await time(`selectNewRows now: ${otherUserId}, last ${NEW_AT_END} new (after re-ANALYZE)`, currentNew.sql, [otherUserId, otherUserId, newLimit]);
    await time(`selectNewRows now: ${userId}, 0 new (after re-ANALYZE)`, currentNew.sql, [userId, userId, newLimit]);
    const otherCursor = await cursorFor(otherUserId);
    await time(`  candidate: ${otherUserId}, cursor ${otherCursor}`, NEW_ROWS_WITH_CURSOR, [otherUserId, newLimit, otherCursor]);
    const now = await time(`selectReviewDayKeys now: ${userId}, with history`, currentDays.sql, currentDays.params);
    const skip = await time("  candidate: recursive skip scan", REVIEW_DAY_KEYS_SKIP_SCAN, currentDays.params);
    const same = sameSet(now.map((r) => String(r.day)), skip.map((r) => String(r.day)));

    console.log(`Raw pg, ${RUNS} runs after ${WARMUP} warm-up runs each. Candidates are proposals, not app code.`);
    console.log(table(["statement", "p50 ms", "p99 ms", "rows"], rows));
    console.log(`Skip-scan day keys equal the current ones: ${same ? "yes" : "NO"} (${now.length} days)`);
    const plan = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE) ${currentNew.sql}`, [userId, userId, newLimit]);
    console.log(`Plan of selectNewRows for ${userId} after the re-ANALYZE (join nodes; compare with part 2's plan):`);
    for (const { "QUERY PLAN": line } of plan.rows) if (/Limit|Join|Nested Loop|Execution Time/.test(line)) console.log(`  ${line.trim()}`);
  } finally {
    await client.end();
  }
}

function sameSet(a: string[], b: string[]): boolean {
  const left = new Set(a);
  return left.size === new Set(b).size && b.every((x) => left.has(x));
}
