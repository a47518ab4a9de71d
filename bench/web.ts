// npm run bench:web — how light and quick the app is on a phone, measured on
// the production build: Lighthouse 12.2.3's mobile audit (performance and
// accessibility scores, compressed JavaScript, time to interactive, total
// blocking time) on the overview, the review screen and an exercise page,
// medians of a few runs; then, in chromium with the CPU slowed 4×, the time
// until the first card answers a tap and the time from a rating to the next
// card's front on screen, for a first visit and for a returning learner (the
// scripts from the service worker's cache). Before all that, each page's
// first-load JavaScript as the build lists it. Prints figures beside targets; never passes or fails.
// `-- --runs=N` sets the Lighthouse runs per page (default 3); `-- --only=lighthouse`
// or `-- --only=taps` runs one part.
import { join } from "node:path";
import { freshBenchDatabase } from "./support/fresh-database";
import { runLighthouse, type LighthouseFigures } from "./support/lighthouse-run";
import { runBench, type Cleanups } from "./support/lifecycle";
import { routeChunks } from "./support/route-chunks";
import { ensureProductionBuild, startNextServer } from "./support/next-server";
import { freePort } from "./support/ports";
import { signUpSessionUsers } from "./support/session-users";
import { heading, loadAverage, ms, note, percentile, table } from "./support/stats";
import { CPU_SLOWDOWN, timeReviewTaps } from "./support/tap-timing";

const DATA_DIR = join(process.cwd(), ".cache", "bench-web");
const PAGES = [
  { label: "/ (overview)", slug: "overview", path: "/", maxScriptKb: 100 },
  { label: "/review", slug: "review", path: "/review", maxScriptKb: 120 },
  { label: "/exercises/layernorm-by-hand", slug: "exercise", path: "/exercises/layernorm-by-hand?seed=7", maxScriptKb: 100 },
];
const MIN_SCORE = 95;
const TAP_RUNS = 3;
const RATINGS_PER_RUN = 6;
const FIRST_TAP_TARGET_MS = 1_500;
const RATING_TARGET_MS = 50;

const runsArg = process.argv.find((a) => a.startsWith("--runs="))?.slice("--runs=".length);
const LIGHTHOUSE_RUNS = runsArg === undefined ? 3 : Number(runsArg);
if (!Number.isInteger(LIGHTHOUSE_RUNS) || LIGHTHOUSE_RUNS < 1) throw new Error(`--runs takes a whole number ≥ 1, not "${runsArg}"`);
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
if (only !== undefined && only !== "lighthouse" && only !== "taps") throw new Error(`--only takes lighthouse or taps, not "${only}"`);

async function main(cleanups: Cleanups): Promise<void> {
  heading("Setup");
  ensureProductionBuild();
  reportBuildChunks();
  const database = await freshBenchDatabase(cleanups, { dataDir: DATA_DIR, seed: true, poolSize: 2 });
  const server = await startNextServer({
    port: await freePort(),
    databaseUrl: database.url,
    logFile: join(DATA_DIR, "next-start.log"),
    env: { AUTH_SIGN_UPS_PER_MINUTE: "1000" },
  });
  cleanups.push(server.stop);
  // One learner for the audits (they only look), one per tap run (each rates its own new cards).
  const [auditor, ...tappers] = (await signUpSessionUsers(server.baseUrl, "bench-web", 1 + 2 * TAP_RUNS)).map((user) => user.cookie ?? "");
  if (!auditor) throw new Error("no user signed up");
  for (const page of PAGES) await fetch(`${server.baseUrl}${page.path}`, { headers: { cookie: auditor } });
  note(`Server at ${server.baseUrl}; load average ${loadAverage()}`);

  if (only !== "taps") await runAudits(server.baseUrl, auditor);
  if (only !== "lighthouse") {
    await runTaps(server.baseUrl, tappers.slice(0, TAP_RUNS), "2. The review screen by touch, first visit");
    await runTaps(server.baseUrl, tappers.slice(TAP_RUNS), "3. The same for a returning learner (scripts from the service worker's cache)", {
      returning: true,
    });
  }
  await server.stop();
}

function reportBuildChunks(): void {
  heading("0. First-load JavaScript per page, from the build (KB compressed)");
  const rows = routeChunks(join(process.cwd(), process.env.NEXT_DIST_DIR || ".next"))
    .filter((r) => !r.route.startsWith("/_"))
    .sort((a, b) => a.route.localeCompare(b.route))
    .map((r) => [r.route, (r.gzipBytes / 1024).toFixed(1), (r.brotliBytes / 1024).toFixed(1), String(r.files.length)]);
  console.log(table(["page", "gzip", "brotli", "chunks"], rows));
}

async function runAudits(baseUrl: string, cookie: string): Promise<void> {
  heading(`1. Lighthouse ${LIGHTHOUSE_RUNS}× per page, mobile preset (medians)`);
  const rows: string[][] = [];
  for (const page of PAGES) {
    const runs: LighthouseFigures[] = [];
    // The last run's full report stays beside the bench's database, to see what blocked.
    const report = join(DATA_DIR, `lighthouse-${page.slug}.json`);
    for (let i = 0; i < LIGHTHOUSE_RUNS; i++) runs.push(await runLighthouse(`${baseUrl}${page.path}`, cookie, report));
    const median = (pick: (f: LighthouseFigures) => number) => percentile(runs.map(pick), 50);
    rows.push([
      page.label,
      String(median((f) => f.performance)),
      String(median((f) => f.accessibility)),
      `${(median((f) => f.scriptBytes) / 1024).toFixed(1)} (< ${page.maxScriptKb})`,
      (median((f) => f.documentBytes) / 1024).toFixed(1),
      ms(median((f) => f.largestPaintMs)),
      ms(median((f) => f.interactiveMs)),
      ms(median((f) => f.blockingMs)),
    ]);
  }
  console.log(
    table(["page", `performance (≥ ${MIN_SCORE})`, `accessibility (≥ ${MIN_SCORE})`, "JS KB compressed", "HTML KB", "LCP ms", "TTI ms", "TBT ms"], rows),
  );
}

async function runTaps(baseUrl: string, cookies: string[], title: string, options: { returning?: boolean } = {}): Promise<void> {
  heading(`${title}, CPU ${CPU_SLOWDOWN}× slower (${cookies.length} runs, ${RATINGS_PER_RUN} ratings each)`);
  const htmlReceived: number[] = [];
  const firstPaints: number[] = [];
  const firstTaps: number[] = [];
  const ratings: number[] = [];
  const lifts: number[] = [];
  // A run's first rating runs code no rating has run before; it is also in `ratings`.
  const firstRatings: number[] = [];
  for (const cookie of cookies) {
    const timing = await timeReviewTaps(baseUrl, cookie, RATINGS_PER_RUN, options);
    htmlReceived.push(timing.htmlReceivedMs);
    firstPaints.push(timing.firstPaintMs);
    firstTaps.push(timing.firstTapAnsweredMs);
    ratings.push(...timing.ratingToNextMs);
    lifts.push(...timing.liftToNextMs);
    firstRatings.push(timing.ratingToNextMs[0] ?? Number.NaN);
  }
  console.log(
    table(
      ["measure", "p50 ms", "max ms", "target ms"],
      [
        ["HTML received (from navigation)", ms(percentile(htmlReceived, 50)), ms(Math.max(...htmlReceived)), ""],
        ["first card drawn (first contentful paint)", ms(percentile(firstPaints, 50)), ms(Math.max(...firstPaints)), ""],
        ["first card answers a tap (from navigation)", ms(percentile(firstTaps, 50)), ms(Math.max(...firstTaps)), `< ${FIRST_TAP_TARGET_MS}`],
        ["rating → next card painted (from touchstart)", ms(percentile(ratings, 50)), ms(Math.max(...ratings)), `< ${RATING_TARGET_MS}`],
        ["rating → next card painted (from the lift)", ms(percentile(lifts, 50)), ms(Math.max(...lifts)), `< ${RATING_TARGET_MS}`],
        ["a run's first rating (from touchstart)", ms(percentile(firstRatings, 50)), ms(Math.max(...firstRatings)), ""],
      ],
    ),
  );
  note(`first taps: ${firstTaps.map(ms).join(", ")} ms; ratings: ${ratings.map(ms).join(", ")} ms; from the lift: ${lifts.map(ms).join(", ")} ms`);
}

runBench(main);
