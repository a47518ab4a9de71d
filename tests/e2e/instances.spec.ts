// More than one instance: two production app servers (ports E2E_PORT+4, +5)
// and two lab workers on one fresh database, as a deployment that outgrew one
// process runs them. Limits are counted across the instances; under mixed
// load (reviews, grades, lab uploads spread over both, a failed request sent
// again to the other instance with the same id) one app server and one
// worker are SIGKILLed, and every acknowledged write is stored exactly once
// and every lab submission graded. No browser: plain HTTP and SQL.
import { expect, test } from "@playwright/test";
import { killApp, startInstances, type Instances } from "../../bench/support/instances";
import { answeredDuplicate } from "../../bench/support/failover";
import { freshDatabase, signIn } from "./auth-support";
import { acknowledged, LAB_SLUG, runMixedLoad, send, type LoadClient, type Outcome } from "./instances-load";
import { createAccount, layerNormOutput, queueCardIds, rowsPerId, seedCourse, waitFor, withDatabase } from "./instances-support";
import { killWorkerHoldingJob } from "./worker-kill";

const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const SIGN_INS_PER_MINUTE = 6;
const STALE_JOB_SECONDS = 5;
const LAB_PER_MINUTE = 10;
const CLIENTS = 6;
const PLAN = { review: 24, grade: 8, lab: 4 };
/** Submissions queued while both workers are paused, so each has a job to hold when one is killed. */
const BACKLOG = 6;

const unique = (name: string) => `${name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
const idsOf = (outcomes: readonly Outcome[], kind: Outcome["kind"]) =>
  outcomes
    .filter((o) => o.kind === kind)
    .map((o) => o.id)
    .sort();

test.describe("two app instances and two lab workers on one database", () => {
  test.describe.configure({ mode: "serial", timeout: 150_000 });
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let instances: Instances | undefined;
  let bases: string[] = [];

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    database = await freshDatabase(E2E_PORT);
    await seedCourse(database.url);
    instances = await startInstances({
      databaseUrl: database.url,
      appPorts: [E2E_PORT + 4, E2E_PORT + 5],
      workers: 2,
      logDir: ".cache/e2e-instances",
      appEnv: { AUTH_SIGN_INS_PER_MINUTE: String(SIGN_INS_PER_MINUTE), AUTH_SIGN_UPS_PER_MINUTE: "100" },
      workerEnv: { LAB_STALE_JOB_SECONDS: String(STALE_JOB_SECONDS) },
    });
    bases = instances.apps.map((app) => app.baseUrl);
  });

  test.afterAll(async () => {
    await instances?.stop();
    await database?.drop();
  });

  test("sign-in attempts from one address meet the limit at the same count on one instance as spread over two", async () => {
    const attempts = SIGN_INS_PER_MINUTE + 3;
    const oneInstance: number[] = [];
    const bothInstances: number[] = [];
    for (let i = 0; i < attempts; i++) {
      oneInstance.push((await signIn(bases[0] ?? "", unique("nobody"), "not the password", { from: "127.0.0.51" })).status);
      bothInstances.push((await signIn(bases[i % 2] ?? "", unique("nobody"), "not the password", { from: "127.0.0.52" })).status);
    }
    const expected = [...Array<number>(SIGN_INS_PER_MINUTE).fill(401), 429, 429, 429];
    expect(oneInstance).toEqual(expected);
    expect(bothInstances).toEqual(expected);
  });

  test("the lab submission quota counts one user's uploads on both instances together", async () => {
    const account = await createAccount(bases[0] ?? "", bases[1] ?? "", "quota");
    const client: LoadClient = { account, cardIds: [], labSeed: 7, labOutput: await layerNormOutput(bases, account, 7) };
    const statuses: number[] = [];
    let refusal: Outcome | undefined;
    for (let i = 0; i < LAB_PER_MINUTE + 2; i++) {
      const outcome = await send([bases[i % 2] ?? ""], 0, "lab", client);
      statuses.push(outcome.status);
      if (outcome.status === 429) refusal = outcome;
    }
    expect(statuses).toEqual([...Array<number>(LAB_PER_MINUTE).fill(202), 429, 429]);
    expect(refusal?.body).toContain(`at most ${LAB_PER_MINUTE} a minute`);
  });

  test("under load, an app server and a worker SIGKILLed: every acknowledged write stored once, every submission graded", async () => {
    const running = instances;
    if (!running) throw new Error("the instances did not start");
    const [first, second] = bases;
    const [killedApp] = running.apps;
    const [victim, survivor] = running.workers;
    if (!first || !second || !killedApp || !victim || !survivor) throw new Error("expected two app servers and two workers");

    const clients = await Promise.all(
      Array.from({ length: CLIENTS + 1 }, async (_, i): Promise<LoadClient> => {
        const account = await createAccount(bases[i % 2] ?? "", bases[(i + 1) % 2] ?? "", `load-${i}`);
        const labSeed = 100 + i;
        return { account, cardIds: await queueCardIds(bases, account), labSeed, labOutput: await layerNormOutput(bases, account, labSeed) };
      }),
    );
    const backlogClient = clients.pop();
    if (!backlogClient) throw new Error("no client left for the backlog");
    const total = CLIENTS * (PLAN.review + PLAN.grade + PLAN.lab);
    const backlog: Outcome[] = [];
    let kills: Promise<string[]> | undefined;
    const outcomes = await runMixedLoad(bases, clients, PLAN, (done) => {
      if (kills || done < total / 3) return;
      killApp(killedApp);
      kills = killWorkerHoldingJob(database.url, running.workers, victim, async () => {
        const queued = await Promise.all(Array.from({ length: BACKLOG }, () => send(bases, 0, "lab", backlogClient)));
        backlog.push(...queued);
      });
    });
    const held = await (kills ?? Promise.reject(new Error("the load ended before the kill")));
    const all = [...outcomes, ...backlog];

    expect(all.filter((o) => !acknowledged(o)).map((o) => `${o.kind} ${o.status} ${o.body}`)).toEqual([]);
    const retried = all.filter((o) => o.sends.length > 1);
    expect(retried.length).toBeGreaterThan(0);
    expect(retried.every((o) => o.sends[0]?.base === first && o.sends.at(-1)?.base === second)).toBe(true);
    test.info().annotations.push({
      type: "failover",
      description: `${all.length} writes, ${retried.length} sent again to the other instance, ${all.filter((o) => answeredDuplicate(o.body)).length} answered as already stored`,
    });

    const userIds = [...clients, backlogClient].map((c) => c.account.userId);
    await withDatabase(database.url, async (client) => {
      for (const [kind, table] of [
        ["review", "review_log"],
        ["grade", "exercise_attempt"],
        ["lab", "lab_submission"],
      ] as const) {
        const stored = await rowsPerId(client, table, userIds);
        expect({ kind, ids: [...stored.keys()].sort() }).toEqual({ kind, ids: idsOf(all, kind) });
        expect([...stored.values()].every((rows) => rows === 1)).toBe(true);
      }
      // Each stored review moved its card's FSRS state once.
      const reps = await client.query<{ reps: number }>(`SELECT coalesce(sum(reps), 0)::int AS reps FROM card_state WHERE "userId" = ANY($1)`, [userIds]);
      expect(reps.rows[0]?.reps).toBe(idsOf(all, "review").length);

      const pending = async () => (await client.query(`SELECT 1 FROM lab_submission WHERE status IN ('QUEUED', 'RUNNING')`)).rowCount === 0;
      await waitFor(pending, 60_000, `lab submissions still QUEUED or RUNNING; see ${survivor.logFile}`);
      const graded = await client.query<{ id: string; status: string; passed: boolean | null; attempts: number; labSlug: string }>(
        `SELECT id::text AS id, status::text AS status, passed, attempts, "labSlug" FROM lab_submission`,
      );
      expect(graded.rows.filter((row) => row.status !== "DONE" || row.passed !== true || row.labSlug !== LAB_SLUG)).toEqual([]);
      // The killed worker's job was graded again by the survivor: a second attempt.
      expect(graded.rows.filter((row) => held.includes(row.id) && row.attempts === 2)).toHaveLength(1);
    });
    expect(survivor.log()).toContain("took back stale jobs: 1 queued again");
  });
});
