// npm run bench:search — card search (lib/cards/card-search.ts) for a learner
// with 100,000 cards of their own, beside another learner's 100,000, on an
// embedded Postgres: p50/p95 per kind of query and over the whole mix, with
// the load average beside the figures (target: p95 under 50 ms). `-- --plans`
// also prints EXPLAIN (ANALYZE, BUFFERS) of every statement of the three
// slowest kinds.
import { rmSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { CardSearchQuerySchema, type CardSearchQuery } from "../lib/cards/card-schemas";
import { searchCards } from "../lib/cards/card-search";
import { createPrismaClient, type Db } from "../lib/db/client";
import { Prisma } from "../lib/db/generated/client";
import { applyMigrations, createDatabase } from "../lib/db/migrations";
import { prepareDatabase } from "../scripts/support/prepare-database";
import { runBench, type Cleanups } from "./support/lifecycle";
import { freePort } from "./support/ports";
import { loadSearchDataset, MEASURED_USER, SEARCH_CARDS } from "./support/search-dataset";
import { ms, summarize, table, timeRuns } from "./support/stats";

const DATA_DIR = join(process.cwd(), ".cache", "search-bench");
const RUNS = 40;
const SHOW_PLANS = process.argv.includes("--plans");

/** What people type and pick: rare and common words, prefixes as typed, several words, filters, deep pages. */
const QUERIES: [string, Record<string, string>][] = [
  ["rare word (scaling)", { q: "scaling" }],
  ["common word (attention)", { q: "attention" }],
  ["prefix as typed (la)", { q: "la" }],
  ["two words (kv cache)", { q: "kv cache" }],
  ["no match", { q: "zebra" }],
  ["word + state review, by lapses", { q: "residual", state: "review", sort: "lapses", order: "desc" }],
  ["due today, by due", { due: "today" }],
  ["tag, newest first", { tag: "tag-3", sort: "created", order: "desc" }],
  ["browse all, by due", {}],
  ["leeches-ish: lapses ≥ 8", { lapses: "8" }],
];

async function main(cleanups: Cleanups) {
  rmSync(DATA_DIR, { recursive: true, force: true });
  delete process.env.DATABASE_URL;
  const database = await prepareDatabase({ dataDir: DATA_DIR, port: await freePort(), seed: false });
  cleanups.push(() => database.stop());
  const url = await createDatabase(database.url, "bench_search");
  await applyMigrations(url);
  const t = performance.now();
  await loadSearchDataset(url);
  console.log(`loaded 2 × ${SEARCH_CARDS} cards in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const prisma = createPrismaClient(url, 10);
  cleanups.push(() => prisma.$disconnect());
  const now = new Date();

  const rows: string[][] = [];
  const all: number[] = [];
  const p95s: [string, CardSearchQuery, number][] = [];
  const load = loadavg()[0] ?? 0;
  for (const [name, params] of QUERIES) {
    const query = CardSearchQuerySchema.parse(params);
    const first = await searchCards(prisma, MEASURED_USER, query, now);
    const times = await timeRuns(RUNS, 3, () => searchCards(prisma, MEASURED_USER, query, now));
    // The fifth page, from its cursor: keyset paging should cost what the first page does.
    let cursor = first.nextCursor;
    for (let page = 0; page < 3 && cursor; page++) cursor = (await searchCards(prisma, MEASURED_USER, { ...query, cursor }, now)).nextCursor;
    const deep = cursor ? summarize(await timeRuns(10, 1, () => searchCards(prisma, MEASURED_USER, { ...query, cursor: cursor ?? undefined }, now))) : null;
    all.push(...times);
    const s = summarize(times);
    const p95 = [...times].sort((a, b) => a - b)[Math.ceil(0.95 * times.length) - 1] ?? Number.NaN;
    rows.push([name, String(first.cards.length), ms(s.p50), ms(p95), ms(s.max), deep ? ms(deep.p50) : "—"]);
    p95s.push([name, query, p95]);
  }
  const whole = [...all].sort((a, b) => a - b);
  console.log(
    `\nsearchCards, ${RUNS} runs each after 3 warm-up runs, 50 per page (load average at start ${load.toFixed(2)}, at end ${(loadavg()[0] ?? 0).toFixed(2)})`,
  );
  console.log(table(["query", "rows", "p50 ms", "p95 ms", "max ms", "page 5 p50"], rows));
  console.log(
    `\nall queries: p50 ${ms(whole[Math.ceil(0.5 * whole.length) - 1] ?? NaN)} ms, p95 ${ms(whole[Math.ceil(0.95 * whole.length) - 1] ?? NaN)} ms (target p95 < 50 ms)`,
  );
  const slowest = [...p95s].sort((a, b) => b[2] - a[2]).slice(0, 3);
  for (const [name, query] of SHOW_PLANS ? slowest : []) {
    for (const sql of await statementsOf((db) => searchCards(db, MEASURED_USER, query, now), prisma)) {
      const plan = await prisma.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) ${sql}`);
      console.log(`\nEXPLAIN (ANALYZE, BUFFERS) ${name}: ${sql.text.replace(/\s+/g, " ").slice(0, 160)}…`);
      for (const row of plan) console.log(`  ${row["QUERY PLAN"]}`);
    }
  }
}

/** The raw statements `run` sends, recorded through a client whose raw queries go through Prisma (not the pool). */
async function statementsOf(run: (db: Db) => Promise<unknown>, prisma: Db): Promise<Prisma.Sql[]> {
  const seen: Prisma.Sql[] = [];
  const recording = new Proxy(prisma, {
    get(target, property, receiver) {
      if (property !== "$queryRaw") return Reflect.get(target, property, receiver);
      return (sql: Prisma.Sql) => {
        seen.push(sql);
        return target.$queryRaw(sql);
      };
    },
  });
  await run(recording);
  return seen;
}

runBench(main);
