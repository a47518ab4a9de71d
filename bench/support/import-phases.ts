// `npm run bench:import -- --in-process`: the same 10,000-note package through
// the import's own steps in this process, on a fresh embedded database, with
// each step timed (wall and this process's CPU): read, convert, previews, and
// per deck importModule, enrollment, history writes, then the commit. Then
// the whole importAnkiUpload for a second user (its own wall time, a dry run
// and a re-import after it), and today's queue for that importer. `--profile` adds a V8 CPU profile of
// the committed import (both users), summarised by part of the stack.
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { join } from "node:path";
import { catalogue } from "../../exercises/catalogue";
import { convertAnkiCollection } from "../../lib/anki/convert";
import { readAnkiPackage } from "../../lib/anki/read-package";
import type { PrismaClient } from "../../lib/db/generated/client";
import { selectUserSettings } from "../../lib/data/user-settings";
import { importAnkiUpload } from "../../lib/imports/anki-import";
import { importModule } from "../../lib/content/import-module";
import { insertEnrollments } from "../../lib/data/enrollment";
import { writeImportedHistory } from "../../lib/data/imported-history";
import { previewImport } from "../../lib/imports/import-preview";
import { getTodayQueue } from "../../lib/queue/today-queue";
import { schedulerSettingsOf } from "../../lib/settings/scheduler-settings";
import { writeLatestPackage } from "../../tests/unit/anki/support/build-latest";
import { BENCH_T0, DAY_MS, benchAnkiCollection } from "./anki-bench-package";
import { summarizeProfiles } from "./cpu-profile";
import { freshBenchDatabase } from "./fresh-database";
import type { Cleanups } from "./lifecycle";
import { createLoadUsers } from "./load-users";
import { heading, loadAverage, ms, note, summarize, table, timeRuns } from "./stats";

const DATA_DIR = join(process.cwd(), ".cache", "bench-import-phases");
const PROFILE_DIR = join(DATA_DIR, "profiles");
const QUEUE_RUNS = 100;
const QUEUE_WARMUP = 5;

type Step = { name: string; wallMs: number; cpuMs: number };

/** Times each awaited step: wall clock and this process's CPU (user + system). */
function stepTimer() {
  const steps = new Map<string, Step>();
  return {
    steps,
    async time<T>(name: string, work: () => Promise<T>): Promise<T> {
      const wall = performance.now();
      const cpu = process.cpuUsage();
      try {
        return await work();
      } finally {
        const used = process.cpuUsage(cpu);
        const step = steps.get(name) ?? { name, wallMs: 0, cpuMs: 0 };
        step.wallMs += performance.now() - wall;
        step.cpuMs += (used.user + used.system) / 1000;
        steps.set(name, step);
      }
    },
  };
}

async function startProfile(): Promise<Session> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 500 });
  await session.post("Profiler.start");
  return session;
}

async function stopProfile(session: Session, name: string): Promise<string> {
  const { profile } = await session.post("Profiler.stop");
  session.disconnect();
  mkdirSync(PROFILE_DIR, { recursive: true });
  const file = join(PROFILE_DIR, `${name}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  return file;
}

/** The steps of importAnkiUpload (lib/imports/anki-import.ts) one by one, each timed, committed as one transaction. */
async function importInSteps(prisma: PrismaClient, userId: string, bytes: Uint8Array, now: Date) {
  const timer = stepTimer();
  const settings = schedulerSettingsOf(await selectUserSettings(prisma, userId));
  const read = await timer.time("read package", () => readAnkiPackage(bytes));
  const conversion = await timer.time("convert + replay", () => convertAnkiCollection(read, { settings }));
  let commitStarted = 0;
  await timer.time("transaction (all below)", () =>
    prisma.$transaction(
      async (tx) => {
        await timer.time("previews", () => Promise.all(conversion.modules.map((m) => previewImport(tx, userId, m.module, "anki", null))));
        for (const converted of conversion.modules) {
          const report = await timer.time("importModule", () => importModule(tx, converted.module, { scope: userId, ownerId: userId }, now));
          await timer.time("insertEnrollments", () => insertEnrollments(tx, userId, [report.module.id], now));
          const cards = await timer.time("card ids by external id", () =>
            tx.card.findMany({ where: { moduleId: report.module.id }, select: { id: true, externalId: true } }),
          );
          const idOf = new Map(cards.map((c) => [c.externalId, c.id]));
          const histories = converted.schedules.flatMap((s) => {
            const cardId = idOf.get(s.externalId);
            return cardId ? [{ cardId, replay: s.replay, suspended: s.suspended }] : [];
          });
          await timer.time("writeImportedHistory", () => writeImportedHistory(tx, userId, histories, now));
        }
        commitStarted = performance.now();
      },
      { maxWait: 10_000, timeout: 600_000 },
    ),
  );
  timer.steps.set("commit", { name: "commit", wallMs: performance.now() - commitStarted, cpuMs: Number.NaN });
  return { steps: [...timer.steps.values()], decks: conversion.modules.length };
}

export async function runInProcess(cleanups: Cleanups, options: { notes: number; reviewsPerCard: number; decks: number; profile: boolean }): Promise<void> {
  heading("Setup (in-process)");
  const { prisma } = await freshBenchDatabase(cleanups, { dataDir: DATA_DIR, seed: true, poolSize: 4 });
  const [stepUser, wholeUser, warmUser] = await createLoadUsers(prisma, "import", 3);
  if (!stepUser || !wholeUser || !warmUser) throw new Error("no bench users");
  const packageNow = new Date(BENCH_T0 + 400 * DAY_MS);
  const bytes = await writeLatestPackage(benchAnkiCollection(options.notes, options.reviewsPerCard, options.decks), packageNow);
  // Warm-up on a small package: sql.js loaded, statements and code paths seen once.
  const warmBytes = await writeLatestPackage(benchAnkiCollection(50, 3, 2), packageNow);
  await importAnkiUpload(prisma, { userId: warmUser.id, bytes: warmBytes, dryRun: false }, new Date());
  note(
    `Package: ${options.notes} notes, ${options.decks} decks, ${options.notes * options.reviewsPerCard} reviews, ${(bytes.length / 2 ** 20).toFixed(1)} MiB`,
  );

  heading("importAnkiUpload step by step (one transaction)");
  const profile = options.profile ? await startProfile() : null;
  const loadBefore = loadAverage();
  const stepped = await importInSteps(prisma, stepUser.id, bytes, new Date());
  console.log(
    table(
      ["step", "wall ms", "CPU ms (this process)"],
      stepped.steps.map((s) => [s.name, ms(s.wallMs), ms(s.cpuMs)]),
    ),
  );
  note(`${stepped.decks} decks; per-deck steps are summed over decks. Load average ${loadBefore} → ${loadAverage()}`);

  heading("importAnkiUpload as the route calls it (another user, same package)");
  const wholeLoad = loadAverage();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await importAnkiUpload(prisma, { userId: wholeUser.id, bytes, dryRun: false }, new Date());
  const used = process.cpuUsage(cpu);
  note(
    `commit: ${ms(performance.now() - started)} ms wall, ${ms((used.user + used.system) / 1000)} ms CPU; wrote ${result.written?.cards} card states, ` +
      `${result.written?.reviews} reviews; load average ${wholeLoad} → ${loadAverage()}`,
  );
  const dryStarted = performance.now();
  await importAnkiUpload(prisma, { userId: wholeUser.id, bytes, dryRun: true }, new Date());
  note(`dry run of the same package again (all unchanged): ${ms(performance.now() - dryStarted)} ms`);
  const againStarted = performance.now();
  const again = await importAnkiUpload(prisma, { userId: wholeUser.id, bytes, dryRun: false }, new Date());
  note(`re-import (changes nothing): ${ms(performance.now() - againStarted)} ms, wrote ${JSON.stringify(again.written)}`);
  if (profile) summarizeProfiles([await stopProfile(profile, "import")]);

  heading("Today's queue for the importer of the whole importAnkiUpload");
  const enrolled = await prisma.enrollment.count({ where: { userId: wholeUser.id } });
  const now = new Date();
  const rows: string[][] = [];
  for (const when of ["as left by the import", "after ANALYZE"]) {
    if (when.startsWith("after")) await prisma.$executeRawUnsafe("ANALYZE");
    const load = loadAverage();
    const times = summarize(await timeRuns(QUEUE_RUNS, QUEUE_WARMUP, () => getTodayQueue(prisma, catalogue, wholeUser.id, now)));
    rows.push([`getTodayQueue ${when} (${enrolled} modules), ${QUEUE_RUNS} runs`, ms(times.p50), ms(times.p99), ms(times.max), `${load} → ${loadAverage()}`]);
  }
  console.log(table(["measured", "p50 ms", "p99 ms", "max ms", "load avg before → after"], rows));
}
