// A large, deterministic-in-shape data set for timing the queue queries, built
// with set-based SQL: one public module of 100,000 cards, 10 enrolled users
// with a state for every card (1,000,000 rows), ~2% due by the end of today,
// plus the measured user's reviews earlier today.
import pg from "pg";

export const QUEUE_USERS = 10;
export const QUEUE_CARDS = 100_000;
export const TODAY_REVIEWS = 300;
export const TODAY_NEW_INTRODUCED = 10;
export const HISTORY_REVIEWS = 150_000;

export type QueueDataset = { measuredUserId: string; moduleId: string; dueByDayEnd: number; stateRows: number };

type Clock = { now: Date; dayStart: Date; dayEnd: Date };

/**
 * Loads the data set into an empty, migrated database at `url`, then VACUUM
 * (ANALYZE): fresh statistics, and no autovacuum of the bulk insert running
 * into the timings.
 */
export async function loadQueueDataset(url: string, clock: Clock): Promise<QueueDataset> {
  return withClient(url, async (client) => {
    await client.query("SET synchronous_commit = off");
    await client.query("SET maintenance_work_mem = '256MB'");
    await client.query("SELECT setseed(0.42)");
    const at = [clock.now.toISOString(), clock.dayStart.toISOString(), clock.dayEnd.toISOString()];

    await client.query(`
      INSERT INTO "user" (id, name, email, "updatedAt")
      SELECT 'bench-q-' || u, 'Bench queue ' || u, 'bench-q-' || u || '@bench.invalid', now() FROM generate_series(0, ${QUEUE_USERS - 1}) u`);
    // No daily review limit: the measured user has 300 reviews today and ~2,000 due, and the queue should build from all of them.
    await client.query(`
      INSERT INTO user_settings ("userId", "updatedAt", "maximumReviewsPerDay") SELECT 'bench-q-' || u, now(), 9999 FROM generate_series(0, ${QUEUE_USERS - 1}) u`);
    const module = await client.query<{ id: string }>(`
      INSERT INTO module (id, scope, slug, title, "sourceHash", "updatedAt")
      VALUES (gen_random_uuid(), 'public', 'bench-queue', 'Bench queue', 'bench', now()) RETURNING id`);
    const moduleId = module.rows[0]?.id;
    if (!moduleId) throw new Error("module insert returned no id");

    // 2% exercises and 0.5% archived cards, which the queue must skip; pairs share a sibling key.
    await client.query(
      `INSERT INTO card (id, "moduleId", "externalId", kind, front, back, topic, "siblingKey", position, "contentHash", "archivedAt", "updatedAt")
       SELECT gen_random_uuid(), $1, 'c' || i,
         (CASE WHEN i % 50 = 0 THEN 'EXERCISE' WHEN i % 10 IN (1, 2) THEN 'CLOZE' WHEN i % 10 = 3 THEN 'REVERSED' ELSE 'BASIC' END)::"CardKind",
         'Card ' || i || ': what does the residual stream carry into layer ' || (i % 48) || '?',
         'The running sum of every earlier block''s output (card ' || i || ').',
         'topic-' || (i % 40), 'n' || (i / 2), i, md5(i::text),
         CASE WHEN i % 200 = 199 THEN now() END, now()
       FROM generate_series(0, ${QUEUE_CARDS - 1}) i`,
      [moduleId],
    );
    await client.query(`INSERT INTO enrollment ("userId", "moduleId") SELECT 'bench-q-' || u, $1 FROM generate_series(0, ${QUEUE_USERS - 1}) u`, [moduleId]);

    // r picks the bucket: 0.5% overdue, 1% due later today, 0.5% in (re)learning due
    // within 20 minutes, the rest in review due after today (skewed towards soon);
    // 0.2% suspended.
    await client.query(
      `WITH t AS (SELECT ($1::timestamptz AT TIME ZONE 'UTC') AS now, ($3::timestamptz AT TIME ZONE 'UTC') AS day_end)
       INSERT INTO card_state (id, "userId", "cardId", due, stability, difficulty, "elapsedDays", "scheduledDays",
         "learningSteps", reps, lapses, state, "lastReview", "suspendedAt", version, "updatedAt")
       SELECT gen_random_uuid(), g.user_id, g.card_id,
         CASE WHEN g.r < 0.005 THEN t.now - g.r2 * interval '5 days'
              WHEN g.r < 0.015 THEN t.now + g.r2 * (t.day_end - t.now)
              WHEN g.r < 0.020 THEN t.now + g.r2 * interval '20 minutes'
              ELSE t.day_end + interval '1 minute' + (g.r2 * g.r2) * interval '365 days' END,
         CASE WHEN g.r BETWEEN 0.015 AND 0.020 THEN 0.5 ELSE 1 + g.r2 * 200 END,
         1 + 9 * g.r3, (g.r3 * 60)::int, (1 + g.r2 * 200)::int,
         CASE WHEN g.r BETWEEN 0.015 AND 0.020 THEN 1 ELSE 0 END,
         3 + (g.r3 * 20)::int, (g.r3 * 3)::int,
         (CASE WHEN g.r < 0.015 THEN 'REVIEW' WHEN g.r < 0.0185 THEN 'LEARNING' WHEN g.r < 0.020 THEN 'RELEARNING' ELSE 'REVIEW' END)::"FsrsState",
         t.now - g.r3 * interval '30 days',
         CASE WHEN g.r > 0.998 THEN t.now - interval '10 days' END,
         3 + (g.r3 * 20)::int, t.now
       FROM t, (SELECT 'bench-q-' || u AS user_id, c.id AS card_id, random() AS r, random() AS r2, random() AS r3
                FROM generate_series(0, ${QUEUE_USERS - 1}) u CROSS JOIN card c WHERE c."moduleId" = $2) g`,
      [at[0], moduleId, at[2]],
    );

    // The measured user's reviews so far today: cards now scheduled after today;
    // the first few were new cards introduced today.
    await client.query(
      `WITH t AS (SELECT ($1::timestamptz AT TIME ZONE 'UTC') AS now, ($2::timestamptz AT TIME ZONE 'UTC') AS day_start),
       s AS (SELECT s.*, row_number() OVER (ORDER BY s.due, s.id) - 1 AS n
             FROM card_state s WHERE s."userId" = 'bench-q-0' AND s.due >= ($3::timestamptz AT TIME ZONE 'UTC')
             ORDER BY s.due, s.id LIMIT ${TODAY_REVIEWS})
       INSERT INTO review_log (id, "userId", "cardId", rating, state, due, stability, difficulty, "elapsedDays",
         "lastElapsedDays", "scheduledDays", "learningSteps", "reviewedAt", "durationMs", "stateBefore", "stateVersionAfter")
       SELECT gen_random_uuid(), s."userId", s."cardId", CASE WHEN s.n % 8 = 0 THEN 1 ELSE 3 END,
         (CASE WHEN s.n < ${TODAY_NEW_INTRODUCED} THEN 'NEW' ELSE 'REVIEW' END)::"FsrsState",
         s.due, s.stability, s.difficulty, 5, 5, s."scheduledDays", 0,
         t.day_start + ((s.n + 1)::float8 / ${TODAY_REVIEWS + 1}) * (t.now - t.day_start), 4000, '{}'::jsonb, s.version
       FROM s, t`,
      at,
    );
    await client.query("VACUUM (ANALYZE)");

    const counts = await client.query<{ due: string; states: string }>(
      `SELECT count(*) FILTER (WHERE due < ($1::timestamptz AT TIME ZONE 'UTC'))::text AS due, count(*)::text AS states
       FROM card_state WHERE "userId" = 'bench-q-0'`,
      [at[2]],
    );
    const total = await client.query<{ n: string }>("SELECT count(*)::text AS n FROM card_state");
    return {
      measuredUserId: "bench-q-0",
      moduleId,
      dueByDayEnd: Number(counts.rows[0]?.due ?? 0),
      stateRows: Number(total.rows[0]?.n ?? 0),
    };
  });
}

/** Adds a year of earlier reviews (before today) for the measured user, then VACUUM (ANALYZE) review_log. */
export async function addReviewHistory(url: string, userId: string, dayStart: Date): Promise<void> {
  await withClient(url, async (client) => {
    await client.query("SET synchronous_commit = off");
    await client.query(
      `WITH s AS (SELECT "cardId", row_number() OVER (ORDER BY id) AS rn FROM card_state WHERE "userId" = $1)
       INSERT INTO review_log (id, "userId", "cardId", rating, state, due, stability, difficulty, "elapsedDays",
         "lastElapsedDays", "scheduledDays", "learningSteps", "reviewedAt", "durationMs", "stateBefore", "stateVersionAfter")
       SELECT gen_random_uuid(), $1, s."cardId", CASE WHEN g % 9 = 0 THEN 1 ELSE 3 END, 'REVIEW'::"FsrsState",
         ($2::timestamptz AT TIME ZONE 'UTC'), 10, 5, 3, 3, 10, 0,
         ($2::timestamptz AT TIME ZONE 'UTC') - (g::float8 / ${HISTORY_REVIEWS}) * interval '365 days', 4000, '{}'::jsonb, 1
       FROM generate_series(1, ${HISTORY_REVIEWS}) g JOIN s ON s.rn = 1 + (g % ${QUEUE_CARDS})`,
      [userId, dayStart.toISOString()],
    );
    await client.query("VACUUM (ANALYZE) review_log");
  });
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
