// npm run bench:reschedule — "reschedule to match" for a learner with 10,000
// review cards (≈8 reviews each): the preview (dry run), the run (every card
// moved, batches of 250 each in one transaction) and its undo, with the
// longest stretch the event loop was held during each; once with load
// balancing off (plain fuzz) and once on (each card's day weighed against the
// due load the run keeps). Medians of 3 each.
// `-- --cards N` changes the card count; `-- --reuse` measures the data set an
// earlier run left in .cache/reschedule-bench instead of loading a new one.
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { existsSync } from "node:fs";
import { createPrismaClient } from "../lib/db/client";
import type { Prisma, PrismaClient } from "../lib/db/generated/client";
import { prepareDatabase } from "../scripts/support/prepare-database";
import { freePort } from "./support/ports";
import { insertDefaultUserSettings, selectUserSettings, updateUserSettings } from "../lib/data/user-settings";
import { previewReschedule, runReschedule } from "../lib/reschedule/reschedule";
import { undoReschedule } from "../lib/reschedule/undo-reschedule";
import { ratingApplier, toStateSnapshot, type Rating, type SchedulingState } from "../lib/scheduling";
import { seededRandom } from "../lib/reference/seeded-random";
import { schedulerSettingsOf } from "../lib/settings/scheduler-settings";
import { freshBenchDatabase } from "./support/fresh-database";
import { runBench, type Cleanups } from "./support/lifecycle";
import { watchEventLoop } from "./support/loop-watch";
import { heading, loadAverage, ms, summarize, table } from "./support/stats";

const DAY = 86_400_000;
const { values } = parseArgs({ options: { cards: { type: "string", default: "10000" }, reuse: { type: "boolean" } } });
const CARDS = Number(values.cards);

/** A learner with `CARDS` cards and their histories; the arrays are dropped on return, so they weigh on no later GC. */
async function loadLearner(prisma: PrismaClient, now: Date): Promise<string> {
  const userId = randomUUID();
  await prisma.user.create({ data: { id: userId, name: "bench", email: `bench-${userId}@example.test` } });
  await insertDefaultUserSettings(prisma, userId, now);
  const module = await prisma.module.create({ data: { scope: "public", slug: "bench", title: "Bench", sourceHash: "bench" } });
  await prisma.enrollment.create({ data: { userId, moduleId: module.id } });
  const apply = ratingApplier(schedulerSettingsOf(await selectUserSettings(prisma, userId)));

  const started = performance.now();
  const random = seededRandom(5);
  const cards: Prisma.CardCreateManyInput[] = [];
  const logs: Prisma.ReviewLogCreateManyInput[] = [];
  const states: Prisma.CardStateCreateManyInput[] = [];
  for (let i = 0; i < CARDS; i++) {
    const cardId = randomUUID();
    cards.push({
      id: cardId,
      moduleId: module.id,
      externalId: `c${i}`,
      kind: "BASIC",
      front: `Q${i}`,
      back: `A${i}`,
      siblingKey: `k${i}`,
      position: i,
      contentHash: `h${i}`,
    });
    // Introduced over the last 200 days, reviewed when due; about 1 in 8 reviews forgotten.
    let at = now.getTime() - Math.floor(random() * 200 + 10) * DAY;
    let state: SchedulingState | null = null;
    let version = 0;
    while (at < now.getTime() - DAY && version < 12) {
      const rating: Rating = random() < 0.12 ? 1 : 3;
      const { next, log } = apply(state, rating, new Date(at));
      version += 1;
      logs.push({ id: randomUUID(), userId, cardId, ...log, stateBefore: toStateSnapshot(state), stateVersionAfter: version });
      state = next;
      at = Math.max(at + 60_000, next.due.getTime());
    }
    if (state) states.push({ userId, cardId, ...state, version });
  }
  for (let i = 0; i < cards.length; i += 2000) await prisma.card.createMany({ data: cards.slice(i, i + 2000) });
  for (let i = 0; i < logs.length; i += 2000) await prisma.reviewLog.createMany({ data: logs.slice(i, i + 2000) });
  for (let i = 0; i < states.length; i += 2000) await prisma.cardState.createMany({ data: states.slice(i, i + 2000) });
  await prisma.$executeRawUnsafe("ANALYZE");
  const reviewCards = states.filter((state) => state.state === "REVIEW").length;
  console.log(`loaded in ${((performance.now() - started) / 1000).toFixed(1)} s: ${CARDS} cards, ${reviewCards} in review, ${logs.length} reviews`);

  return userId;
}

async function main(cleanups: Cleanups) {
  const dataDir = join(process.cwd(), ".cache", "reschedule-bench");
  const reuse = values.reuse === true && existsSync(join(dataDir, "postgres"));
  const prisma = reuse ? await reopen(cleanups, dataDir) : (await freshBenchDatabase(cleanups, { dataDir, seed: false, poolSize: 4 })).prisma;
  const now = new Date();
  const userId = reuse ? (await prisma.user.findFirstOrThrow({ where: { name: "bench" } })).id : await loadLearner(prisma, now);
  // A reused data set starts where the first run found it: every earlier run undone, the newest first.
  for (const run of await prisma.rescheduleRun.findMany({ where: { userId, undoneAt: null }, orderBy: { createdAt: "desc" } })) {
    await undoReschedule(prisma, userId, run.id, now);
  }
  const reviewCards = await prisma.cardState.count({ where: { userId, state: "REVIEW" } });
  await updateUserSettings(prisma, userId, { desiredRetention: 0.8 }, now);
  // One untimed preview first: the first call compiles the code paths.
  await previewReschedule(prisma, userId, new Date());
  const rows: string[][] = [];
  const moved: string[] = [];
  for (const loadBalancing of [false, true]) {
    await updateUserSettings(prisma, userId, { loadBalancing }, new Date());
    const mode = loadBalancing ? "balancing on" : "balancing off";
    const result = await measureMode(prisma, userId);
    moved.push(`${result.changed} move with ${mode}`);
    for (const [step, row] of Object.entries(result.rows)) rows.push([`${step} (${mode})`, ...row]);
  }
  heading(`Reschedule ${reviewCards} review cards at retention 0.9 → 0.8 (${moved.join(", ")}), load average ${loadAverage()}`);
  console.log(table(["step", "wall (median)", "CPU (median)", "loop held (median)", "loop held (max)"], rows));
}

/** Preview, run and undo three times under the learner's settings as they are: each step's medians, and how many cards move. */
async function measureMode(prisma: PrismaClient, userId: string): Promise<{ changed: number; rows: Record<"preview" | "run" | "undo", string[]> }> {
  const timed = { preview: [] as number[], run: [] as number[], undo: [] as number[] };
  const cpu = { preview: [] as number[], run: [] as number[], undo: [] as number[] };
  const held = { preview: [] as number[], run: [] as number[], undo: [] as number[] };
  const measure = async <T>(step: keyof typeof timed, work: () => Promise<T>): Promise<T> => {
    const watch = watchEventLoop(5);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const result = await work();
    timed[step].push(performance.now() - started);
    const used = process.cpuUsage(cpuBefore);
    cpu[step].push((used.user + used.system) / 1000);
    held[step].push(watch.stop());
    return result;
  };
  let changed = 0;
  // Each run is undone, so the next one moves every card again.
  for (let i = 0; i < 3; i++) {
    changed = (await measure("preview", () => previewReschedule(prisma, userId, new Date()))).counts.changed;
    const id = randomUUID();
    const { run } = await measure("run", () => runReschedule(prisma, userId, { id, reason: "RETENTION" }, new Date()));
    if (run.changedCards !== changed) throw new Error(`the run moved ${run.changedCards} cards, its preview said ${changed}`);
    const undone = await measure("undo", () => undoReschedule(prisma, userId, id, new Date()));
    if (undone.run.restoredCards !== changed) throw new Error(`the undo put back ${undone.run.restoredCards} cards of ${changed}`);
  }
  const row = (step: keyof typeof timed) => [
    ms(summarize(timed[step]).p50),
    ms(summarize(cpu[step]).p50),
    ms(summarize(held[step]).p50),
    ms(Math.max(...held[step])),
  ];
  return { changed, rows: { preview: row("preview"), run: row("run"), undo: row("undo") } };
}

/** The data set of an earlier run (`-- --reuse`): loading 10,000 cards' histories takes minutes on a busy machine. */
async function reopen(cleanups: Cleanups, dataDir: string): Promise<PrismaClient> {
  const database = await prepareDatabase({ dataDir, port: await freePort(), seed: false });
  cleanups.push(database.stop);
  const prisma = createPrismaClient(database.url, 4);
  cleanups.push(() => prisma.$disconnect());
  return prisma;
}

runBench(main);
