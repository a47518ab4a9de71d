// The card search bench's data: two learners, each with a module of their own
// holding 100,000 cards whose text is drawn from a technical vocabulary (so
// words range from rare to very common), tags on a tenth of them, and a
// review state for 40% of the measured learner's cards. Set-based SQL.
import pg from "pg";

export const SEARCH_CARDS = 100_000;
export const MEASURED_USER = "bench-s-0";

const WORDS = [
  "attention",
  "residual",
  "stream",
  "layernorm",
  "rmsnorm",
  "softmax",
  "causal",
  "mask",
  "query",
  "key",
  "value",
  "head",
  "gqa",
  "mqa",
  "mha",
  "kv",
  "cache",
  "decode",
  "prefill",
  "rope",
  "alibi",
  "sinusoidal",
  "position",
  "embedding",
  "swiglu",
  "gelu",
  "ffn",
  "projection",
  "logits",
  "temperature",
  "sampling",
  "tokens",
  "vocabulary",
  "batch",
  "gradient",
  "variance",
  "epsilon",
  "gamma",
  "beta",
  "dropout",
  "window",
  "sliding",
  "flops",
  "parameters",
  "memory",
  "bandwidth",
  "latency",
  "throughput",
  "quantization",
  "int8",
  "fp16",
  "bf16",
  "mixture",
  "experts",
  "router",
  "scaling",
  "law",
];

export async function loadSearchDataset(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off");
    await client.query("SET maintenance_work_mem = '256MB'");
    await client.query("SELECT setseed(0.17)");
    for (const u of [0, 1]) {
      const userId = `bench-s-${u}`;
      await client.query(`INSERT INTO "user" (id, name, email, "updatedAt") VALUES ($1, $1, $1 || '@bench.invalid', now())`, [userId]);
      await client.query(`INSERT INTO user_settings ("userId", "updatedAt") VALUES ($1, now())`, [userId]);
      const module = await client.query<{ id: string }>(
        `INSERT INTO module (id, scope, "ownerId", slug, title, "sourceHash", "updatedAt") VALUES (gen_random_uuid(), $1, $1, 'notes', 'Notes', '', now()) RETURNING id`,
        [userId],
      );
      const moduleId = module.rows[0]?.id;
      await client.query(`INSERT INTO enrollment ("userId", "moduleId") VALUES ($1, $2)`, [userId, moduleId]);
      // Word i of the vocabulary is picked with probability falling off with i (a power law), so early words are common.
      await client.query(
        `WITH words AS (SELECT $2::text[] AS w)
         INSERT INTO card (id, "moduleId", "externalId", kind, front, back, tags, "siblingKey", position, "contentHash", "createdAt", "updatedAt")
         SELECT gen_random_uuid(), $1, 'c' || i, 'BASIC',
           'Why does ' || w[1 + floor(power(random(), 2.5) * array_length(w, 1))::int] || ' ' || w[1 + floor(power(random(), 2) * array_length(w, 1))::int]
             || ' matter for the ' || w[1 + floor(random() * array_length(w, 1))::int] || ' in block ' || (i % 96) || '?',
           'Because the ' || w[1 + floor(power(random(), 1.5) * array_length(w, 1))::int] || ' keeps ' || w[1 + floor(random() * array_length(w, 1))::int]
             || ' and ' || w[1 + floor(random() * array_length(w, 1))::int] || ' (note ' || i || ').',
           CASE WHEN i % 10 = 0 THEN ARRAY['tag-' || (i % 7)] ELSE '{}' END,
           'n' || i, i, md5(i::text), now() - (i || ' seconds')::interval, now()
         FROM generate_series(0, ${SEARCH_CARDS - 1}) i, words`,
        [moduleId, WORDS],
      );
      if (u === 0) {
        await client.query(
          `INSERT INTO card_state (id, "userId", "cardId", due, stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps", reps, lapses, state, "lastReview", "updatedAt")
           SELECT gen_random_uuid(), $1, c.id, now() + ((random() * 60 - 5) || ' days')::interval, 1 + random() * 50, 1 + random() * 9, 3, 10, 0,
             1 + floor(random() * 10)::int, floor(power(random(), 4) * 12)::int, (CASE WHEN random() < 0.9 THEN 'REVIEW' ELSE 'RELEARNING' END)::"FsrsState",
             now() - interval '3 days', now()
           FROM card c WHERE c."moduleId" = $2 AND c.position % 5 < 2`,
          [userId, moduleId],
        );
      }
    }
    await client.query("VACUUM (ANALYZE)");
  } finally {
    await client.end();
  }
}
