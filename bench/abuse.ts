// npm run bench:abuse — whether maximum-size lab uploads can stall the
// production server. Starts `next start` on a fresh embedded Postgres with the
// event-loop probe on (RESIDUAL_EVENT_LOOP_FILE), takes a baseline of
// /api/health latency and the server's RSS, then for each kind of upload
// (JSON past the element cap, JSON at the cap, .npy at the cap) sends eight
// at once from eight users while polling /api/health every ~20 ms, and
// reports health latency, the server's longest event-loop delay, and its RSS
// before, at the peak, after settling, and after a full garbage collection
// (which tells memory still held from garbage the idle server has not yet
// collected). Prints figures; never passes or fails. Uses the existing
// production build: run `npm run build` after changing the code.
import { join } from "node:path";
import { LAB_UPLOAD_LIMIT_BYTES } from "../lib/labs/submissions/submit-output";
import { freshBenchDatabase } from "./support/fresh-database";
import { abuseBodies, type AbuseBody, warmUpBodies } from "./support/abuse-bodies";
import { runBench, type Cleanups } from "./support/lifecycle";
import { createLoadUsers, type LoadUser } from "./support/load-users";
import { ensureProductionBuild, startNextServer, type NextServer } from "./support/next-server";
import { freePort } from "./support/ports";
import { nextSample, pollHealth, postStreamed, probeSamples, sampleAfterGc, type HealthSample } from "./support/server-probe";
import { heading, loadAverage, ms, note, percentile, summarize, table } from "./support/stats";

const DATA_DIR = join(process.cwd(), ".cache", "bench-abuse");
const PROBE_FILE = join(DATA_DIR, "event-loop.jsonl");
const LAB = "layernorm-forward";
const UPLOADS = 8;
const BASELINE_MS = 3_000;
const SETTLE_MS = 20_000;
const MiB = 2 ** 20;

type Round = {
  label: string;
  statuses: Map<number, number>;
  expected: number;
  uploadMs: number[];
  health: HealthSample[];
  loopMaxMs: number;
  rssBefore: number;
  rssPeak: number;
  rssAfter: number;
  rssAfterGc: number;
  load: string;
};

/** Median RSS over the probe's samples in the last `spanMs` before now. */
function recentRss(spanMs: number): number {
  const now = Date.now();
  return percentile(
    probeSamples(PROBE_FILE, now - spanMs, now).map((s) => s.rssBytes),
    50,
  );
}

function upload(baseUrl: string, user: LoadUser, body: Uint8Array<ArrayBuffer>): Promise<{ status: number; ms: number }> {
  const url = new URL(`/api/labs/${LAB}/submissions?seed=1`, baseUrl);
  return postStreamed(url, body, { authorization: `Bearer ${user.secret}`, "content-type": "application/octet-stream" });
}

async function round(server: NextServer, body: AbuseBody, users: LoadUser[]): Promise<Round> {
  const rssBefore = recentRss(1_000);
  const load = loadAverage();
  const start = Date.now();
  const poll = pollHealth(server.baseUrl);
  const results = await Promise.all(users.map((user) => upload(server.baseUrl, user, body.bytes)));
  const end = Date.now();
  const health = await poll.stop();
  await nextSample(PROBE_FILE, end);
  const during = probeSamples(PROBE_FILE, start, end + 150);
  await new Promise((done) => setTimeout(done, SETTLE_MS));
  const rssAfter = recentRss(2_000);
  await sampleAfterGc(PROBE_FILE);
  // V8 gives freed pages back to the system a moment after the collection.
  await new Promise((done) => setTimeout(done, 3_000));
  const rssAfterGc = recentRss(1_000);
  const statuses = new Map<number, number>();
  for (const r of results) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
  return {
    label: body.label,
    statuses,
    expected: body.expect,
    uploadMs: results.map((r) => r.ms),
    health,
    loopMaxMs: Math.max(0, ...during.map((s) => s.maxDelayMs)),
    rssBefore,
    rssPeak: Math.max(rssBefore, ...during.map((s) => s.rssBytes)),
    rssAfter,
    rssAfterGc,
    load,
  };
}

async function main(cleanups: Cleanups): Promise<void> {
  heading("Setup");
  ensureProductionBuild();
  const database = await freshBenchDatabase(cleanups, { dataDir: DATA_DIR, seed: true, poolSize: 2 });
  const { prisma } = database;

  const bodies = abuseBodies();
  for (const b of bodies) note(`${b.label}: ${(b.bytes.length / MiB).toFixed(1)} MiB (cap ${(LAB_UPLOAD_LIMIT_BYTES / MiB).toFixed(1)} MiB)`);
  const users = await createLoadUsers(prisma, "abuse", bodies.length * UPLOADS + 1);
  const warm = users.pop();
  if (!warm) throw new Error("no warm-up user");

  process.env.RESIDUAL_EVENT_LOOP_FILE = PROBE_FILE;
  const server = await startNextServer({ port: await freePort(), databaseUrl: database.url, logFile: join(DATA_DIR, "next-start.log") });
  cleanups.push(server.stop);
  note(`next start healthy at ${server.baseUrl} (log: ${server.logFile}); event-loop probe: ${PROBE_FILE}`);
  await nextSample(PROBE_FILE, 0);

  // Warm-up: the upload route compiled and its modules loaded, as in a server that has run a while.
  for (const bytes of warmUpBodies()) await upload(server.baseUrl, warm, bytes);
  await new Promise((done) => setTimeout(done, 3_000));

  heading("Baseline (no uploads)");
  const baseStart = Date.now();
  const basePoll = pollHealth(server.baseUrl);
  await new Promise((done) => setTimeout(done, BASELINE_MS));
  const baseHealth = summarize((await basePoll.stop()).map((h) => h.ms));
  const baseSamples = probeSamples(PROBE_FILE, baseStart, Date.now());
  const baseRss = percentile(
    baseSamples.map((s) => s.rssBytes),
    50,
  );
  const baseAfterGc = await sampleAfterGc(PROBE_FILE);
  note(
    `/api/health p50 ${ms(baseHealth.p50)} ms, p99 ${ms(baseHealth.p99)} ms over ${baseHealth.count} requests; ` +
      `event loop max delay ${ms(Math.max(0, ...baseSamples.map((s) => s.maxDelayMs)))} ms; RSS ${(baseRss / MiB).toFixed(0)} MiB ` +
      `(${(baseAfterGc.rssBytes / MiB).toFixed(0)} MiB after a full GC); load avg ${loadAverage()}`,
  );

  const rounds: Round[] = [];
  for (const [i, body] of bodies.entries()) {
    heading(`${UPLOADS} × ${body.label}, at once`);
    const r = await round(server, body, users.slice(i * UPLOADS, (i + 1) * UPLOADS));
    note(
      `answers: ${[...r.statuses].map(([s, n]) => `${n}× ${s || "no answer"}`).join(", ")} (expected ${UPLOADS}× ${r.expected}); upload p50 ${ms(percentile(r.uploadMs, 50))} ms`,
    );
    rounds.push(r);
  }

  heading("Results");
  console.log(
    table(
      [
        "uploads (8 at once)",
        "answers",
        "health n",
        "p50 ms",
        "p99 ms",
        "max ms",
        "loop max ms",
        "RSS before",
        "peak",
        "after",
        "after GC",
        "after / baseline",
        "after GC / baseline",
        "load avg",
      ],
      rounds.map((r) => {
        const h = summarize(r.health.map((x) => x.ms));
        return [
          r.label,
          [...r.statuses].map(([s, n]) => `${n}×${s}`).join(" "),
          String(h.count),
          ms(h.p50),
          ms(h.p99),
          ms(h.max),
          ms(r.loopMaxMs),
          `${(r.rssBefore / MiB).toFixed(0)} MiB`,
          `${(r.rssPeak / MiB).toFixed(0)} MiB`,
          `${(r.rssAfter / MiB).toFixed(0)} MiB`,
          `${(r.rssAfterGc / MiB).toFixed(0)} MiB`,
          (r.rssAfter / baseRss).toFixed(2),
          (r.rssAfterGc / baseRss).toFixed(2),
          r.load,
        ];
      }),
    ),
  );
  const worstP99 = Math.max(...rounds.map((r) => summarize(r.health.map((x) => x.ms)).p99));
  const worstLoop = Math.max(...rounds.map((r) => r.loopMaxMs));
  const worstRss = Math.max(...rounds.map((r) => r.rssAfter / baseRss));
  const worstRssGc = Math.max(...rounds.map((r) => r.rssAfterGc / baseRss));
  console.log(
    `\nTargets: health p99 < 100 ms (worst ${ms(worstP99)} ms, ${(worstP99 / 100).toFixed(2)}× target); ` +
      `event-loop max delay < 50 ms (worst ${ms(worstLoop)} ms, ${(worstLoop / 50).toFixed(2)}× target); ` +
      `RSS after settling within 20% of the baseline ${(baseRss / MiB).toFixed(0)} MiB (worst ${worstRss.toFixed(2)}×; ${worstRssGc.toFixed(2)}× after a full GC). ` +
      `Settling: ${SETTLE_MS / 1000} s idle after each round. Load average now ${loadAverage()} on this machine.`,
  );
}

runBench(main);
