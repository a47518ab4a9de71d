// npm run bench:profile-review — where the server's CPU goes on the review
// path. Starts the production build under `--cpu-prof`, sends review posts
// and queue fetches (bearer tokens and browser session cookies), stops the
// server so the profile is written, and prints the self time per part of the
// stack (auth, Prisma, pg, Next.js, the scheduler, our own lib/ …) and the
// hottest functions. Prints figures; never passes or fails. `-- --balanced`
// profiles Good reviews in bench:review's 100,000-card collection instead, with
// load balancing on (each post reads its fuzz ranges' due counts).
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { createPrismaClient } from "../lib/db/client";
import { prepareDatabase } from "../scripts/support/prepare-database";
import { summarizeProfiles } from "./support/cpu-profile";
import { createBalanceCollection } from "./support/balance-collection";
import { createBenchModule, createLoadUsers } from "./support/load-users";
import { ensureProductionBuild, startNextServer } from "./support/next-server";
import { freePort } from "./support/ports";
import { runReviewLoad } from "./support/review-load";
import { signUpSessionUsers } from "./support/session-users";
import { heading, loadAverage, note } from "./support/stats";
import { runBench, type Cleanups } from "./support/lifecycle";

const DATA_DIR = join(process.cwd(), ".cache", "bench-profile");
const PROFILE_DIR = join(DATA_DIR, "profiles");
const CLIENTS = 10;
const POSTS_PER_CLIENT = 60;
const balanced = process.argv.includes("--balanced");

async function main(cleanups: Cleanups): Promise<void> {
  heading("Setup");
  ensureProductionBuild();
  rmSync(DATA_DIR, { recursive: true, force: true });
  delete process.env.DATABASE_URL;
  const database = await prepareDatabase({ dataDir: DATA_DIR, port: await freePort(), seed: true });
  cleanups.push(database.stop);
  const prisma = createPrismaClient(database.url, 2);
  cleanups.push(() => prisma.$disconnect());
  await createBenchModule(prisma);
  const bearer = await createLoadUsers(prisma, "profile-bearer", CLIENTS);

  const server = await startNextServer({
    port: await freePort(),
    databaseUrl: database.url,
    logFile: join(DATA_DIR, "next-start.log"),
    env: { AUTH_SIGN_UPS_PER_MINUTE: "1000" },
    nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`],
  });
  cleanups.push(server.stop);
  const cookie = await signUpSessionUsers(server.baseUrl, "profile-cookie", CLIENTS);
  note(`Server at ${server.baseUrl}; ${bearer.length} bearer and ${cookie.length} session-cookie clients; load average ${loadAverage()}`);

  if (balanced) {
    const collection = await createBalanceCollection(prisma, CLIENTS, new Date());
    const result = await runReviewLoad(server.baseUrl, collection.clients, {
      postsPerClient: POSTS_PER_CLIENT,
      deadlineMs: 120_000,
      cardIds: collection.cardIds,
    });
    note(`balanced reviews: ${result.postsCreated} posts created in ${(result.wallMs / 1000).toFixed(1)} s`);
  }
  for (const [label, users] of balanced
    ? []
    : ([
        ["bearer token", bearer],
        ["session cookie", cookie],
      ] as const)) {
    const result = await runReviewLoad(server.baseUrl, users, { postsPerClient: POSTS_PER_CLIENT, deadlineMs: 120_000 });
    note(`${label}: ${result.postsCreated} posts created in ${(result.wallMs / 1000).toFixed(1)} s, ${result.queueLatencies.length} queue fetches`);
  }
  await server.stop();

  heading("2. Where the server's CPU went (self time, all requests above)");
  const files = readdirSync(PROFILE_DIR)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => join(PROFILE_DIR, f));
  summarizeProfiles(files);
}

runBench(main);
