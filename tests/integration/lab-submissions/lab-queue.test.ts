// The grading queue on real Postgres with the real grader: claims are
// exclusive under concurrency, results are stored, a job whose worker died
// is taken back (and fails after the retry cap), and the worker process
// itself wakes on NOTIFY, grades, and stops cleanly on SIGTERM.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import * as submissionsRoute from "@/app/api/labs/[slug]/submissions/route";
import * as submissionRoute from "@/app/api/labs/[slug]/submissions/[id]/route";
import type { LabGradeResult } from "@/lib/labs/lab-types";
import { claimNextSubmission, completeSubmission, LAB_QUEUE_CHANNEL } from "@/lib/labs/submissions/submission-rows";
import { submitLabOutput } from "@/lib/labs/submissions/submit-output";
import { gradeNextSubmission, MAX_GRADING_ATTEMPTS, reclaimStale } from "@/lib/labs/submissions/work-queue";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createUser } from "../support/fixtures";
import { bodyOf, buggyFile, correctFile, LAB_SEED, LAB_SLUG, labRequest, params } from "../support/lab-fixtures";
import { catalogue } from "@/exercises/catalogue";

const T0 = new Date("2026-11-23T12:00:00Z");
/** LAB_STALE_JOB_SECONDS's default, as the worker passes it. */
const STALE_JOB_MS = 120_000;

async function queued(userId: string, file: Uint8Array, at = T0): Promise<string> {
  const id = randomUUID();
  await submitLabOutput(testDb(), catalogue, { userId, submissionId: id, slug: LAB_SLUG, seed: LAB_SEED, body: bodyOf(file), now: at });
  return id;
}

describe("lab grading queue", () => {
  beforeEach(resetDb);

  it("grades a correct and a buggy submission with the real grader and stores both verdicts", async () => {
    const db = testDb();
    const user = await createUser(db);
    const auth = await bearerFor(db, user.id);
    const good = await queued(user.id, await correctFile("json"), T0);
    const bug = await buggyFile();
    const bad = await queued(user.id, bug.file, new Date(T0.getTime() + 1000));

    const first = await gradeNextSubmission(db, catalogue, () => new Date());
    const second = await gradeNextSubmission(db, catalogue, () => new Date());
    expect(first).toMatchObject({ kind: "done", id: good, passed: true });
    expect(second).toMatchObject({ kind: "done", id: bad, passed: false });
    expect(await gradeNextSubmission(db, catalogue, () => new Date())).toEqual({ kind: "idle" });

    const read = async (id: string) =>
      (await (await submissionRoute.GET(labRequest(auth, `/api/labs/${LAB_SLUG}/submissions/${id}`), params({ slug: LAB_SLUG, id }))).json()) as {
        status: string;
        passed: boolean;
        attempts: number;
        backend: string;
        startedAt: string;
        finishedAt: string;
        result: LabGradeResult;
      };
    const passed = await read(good);
    expect(passed).toMatchObject({ status: "DONE", passed: true, attempts: 1, result: { passed: true, mismatched: 0, diagnosis: null } });
    expect(passed.backend).toBe(passed.result.backend);
    expect(Date.parse(passed.finishedAt)).toBeGreaterThanOrEqual(Date.parse(passed.startedAt));
    const failed = await read(bad);
    expect(failed).toMatchObject({ status: "DONE", passed: false, result: { passed: false, diagnosis: { code: bug.code } } });
  });

  it("grades an .npz upload (one deflated .npy member) as it grades the .npy", async () => {
    const db = testDb();
    const user = await createUser(db);
    const id = await queued(user.id, await correctFile("npz"), T0);
    expect(await gradeNextSubmission(db, catalogue, () => new Date())).toMatchObject({ kind: "done", id, passed: true });
    expect(await db.labSubmission.findUniqueOrThrow({ where: { id } })).toMatchObject({ format: "npz", shape: [64, 128] });
  });

  it("never hands one job to two concurrent claimers", async () => {
    const db = testDb();
    const user = await createUser(db);
    const file = await correctFile("npy");
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push(await queued(user.id, file, new Date(T0.getTime() + i)));
    const claims = await Promise.all(Array.from({ length: 8 }, () => claimNextSubmission(db, T0)));
    const claimed = claims.flatMap((c) => (c ? [c.id] : []));
    expect(claimed).toHaveLength(6);
    expect(new Set(claimed)).toEqual(new Set(ids));
    expect(await db.labSubmission.count({ where: { status: "RUNNING", attempts: 1 } })).toBe(6);
  });

  it("takes back a RUNNING job whose worker died, and fails it after the retry cap", async () => {
    const db = testDb();
    const user = await createUser(db);
    const id = await queued(user.id, await correctFile("npy"));
    const dead = await claimNextSubmission(db, T0);
    expect(dead).toEqual({ id, attempts: 1 });

    expect(await reclaimStale(db, new Date(T0.getTime() + STALE_JOB_MS - 1), STALE_JOB_MS)).toEqual({ requeued: 0, failed: 0 });
    expect(await reclaimStale(db, new Date(T0.getTime() + STALE_JOB_MS + 1), STALE_JOB_MS)).toEqual({ requeued: 1, failed: 0 });
    expect(await db.labSubmission.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "QUEUED", error: expect.stringContaining("stopped") });

    // The dead worker coming back late cannot overwrite the newer attempt.
    const retry = await gradeNextSubmission(db, catalogue, () => new Date());
    expect(retry).toMatchObject({ kind: "done", id, passed: true });
    const lateResult = { passed: false, backend: "late" } as LabGradeResult;
    expect(await completeSubmission(db, dead ?? { id, attempts: 1 }, lateResult, T0)).toBe(false);
    expect(await db.labSubmission.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DONE", passed: true, attempts: 2, error: null });

    const doomed = await queued(user.id, await correctFile("npy"));
    let clock = T0.getTime();
    for (let attempt = 1; attempt <= MAX_GRADING_ATTEMPTS; attempt++) {
      expect(await claimNextSubmission(db, new Date(clock))).toEqual({ id: doomed, attempts: attempt });
      clock += STALE_JOB_MS + 1;
      await reclaimStale(db, new Date(clock), STALE_JOB_MS);
    }
    expect(await db.labSubmission.findUniqueOrThrow({ where: { id: doomed } })).toMatchObject({
      status: "FAILED",
      attempts: MAX_GRADING_ATTEMPTS,
      finishedAt: new Date(clock),
      error: expect.stringContaining(`stopped ${MAX_GRADING_ATTEMPTS} times`),
    });
    expect(await claimNextSubmission(db, new Date(clock))).toBeNull();
  });

  it("fails a submission for a lab that left the catalogue without retrying", async () => {
    const db = testDb();
    const user = await createUser(db);
    const id = await queued(user.id, await correctFile("npy"));
    await db.labSubmission.update({ where: { id }, data: { labSlug: "retired-lab" } });
    expect(await gradeNextSubmission(db, catalogue, () => new Date())).toMatchObject({ kind: "failed", id, status: "FAILED" });
    expect(await db.labSubmission.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "FAILED",
      attempts: 1,
      error: 'The lab "retired-lab" no longer exists.',
    });
  });

  it("runs as a worker process: wakes on NOTIFY, grades, and stops on SIGTERM", { timeout: 90_000 }, async () => {
    const db = testDb();
    const user = await createUser(db);
    const auth = await bearerFor(db, user.id);
    const worker = startWorker();
    try {
      await waitFor(() => worker.log().includes("waiting for lab submissions"), 60_000);
      const id = randomUUID();
      const posted = await submissionsRoute.POST(
        labRequest(auth, `/api/labs/${LAB_SLUG}/submissions?seed=${LAB_SEED}&id=${id}`, { method: "POST", body: await correctFile("npy") }),
        params({ slug: LAB_SLUG }),
      );
      expect(posted.status).toBe(202);
      await waitFor(async () => (await db.labSubmission.findUniqueOrThrow({ where: { id } })).status === "DONE", 60_000);
      expect(await db.labSubmission.findUniqueOrThrow({ where: { id } })).toMatchObject({ passed: true, attempts: 1 });
      // The row turns DONE a moment before the worker writes its line.
      await waitFor(() => worker.log().includes(`graded ${id}: passed`), 10_000);
    } finally {
      worker.process.kill("SIGTERM");
    }
    expect(await worker.exited).toBe(0);
    expect(worker.log()).toContain("stopped");
  });

  it("runs as a worker process that takes back a job left RUNNING longer than LAB_STALE_JOB_SECONDS", { timeout: 90_000 }, async () => {
    const db = testDb();
    const user = await createUser(db);
    const id = await queued(user.id, await correctFile("npy"), new Date());
    // A worker that claimed the job and died: the row stays RUNNING with nobody grading it.
    expect(await claimNextSubmission(db, new Date())).toEqual({ id, attempts: 1 });
    const worker = startWorker({ LAB_STALE_JOB_SECONDS: "1" });
    try {
      await waitFor(async () => (await db.labSubmission.findUniqueOrThrow({ where: { id } })).status === "DONE", 60_000);
      expect(await db.labSubmission.findUniqueOrThrow({ where: { id } })).toMatchObject({ passed: true, attempts: 2, error: null });
      await waitFor(() => worker.log().includes(`graded ${id}: passed`), 10_000);
      expect(worker.log()).toContain("a job RUNNING for 1 s is taken back");
      expect(worker.log()).toContain("took back stale jobs: 1 queued again, 0 failed");
    } finally {
      worker.process.kill("SIGTERM");
    }
    expect(await worker.exited).toBe(0);
  });

  it("listens again after the database drops its LISTEN connection, even when it refuses the first reconnects", { timeout: 90_000 }, async () => {
    const db = testDb();
    // From the maintenance database: Postgres refuses ALLOW_CONNECTIONS false on the current one.
    const url = new URL(process.env.DATABASE_URL ?? "");
    const database = `"${decodeURIComponent(url.pathname.slice(1)).replaceAll('"', '""')}"`;
    url.pathname = "/postgres";
    const admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    const listeners = () =>
      db.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = ${`LISTEN ${LAB_QUEUE_CHANNEL}`}`;
    const worker = startWorker();
    try {
      await waitFor(() => worker.log().includes("waiting for lab submissions"), 60_000);
      const before = await listeners();
      expect(before).toHaveLength(1);
      await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS false`);
      await admin.query("SELECT pg_terminate_backend($1::int)", [before[0]?.pid ?? 0]);
      await waitFor(() => worker.log().includes("LISTEN reconnect failed"), 30_000);
      await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
      await waitFor(() => worker.log().includes("LISTEN connection back"), 30_000);
      const after = await listeners();
      expect(after).toHaveLength(1);
      expect(after[0]?.pid).not.toBe(before[0]?.pid);
    } finally {
      await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
      await admin.end();
      worker.process.kill("SIGTERM");
    }
    expect(await worker.exited).toBe(0);
  });
});

/** scripts/lab-worker.ts as a child process on this test's database (plus `env`), with its stderr collected. */
function startWorker(env: Record<string, string> = {}): { process: ChildProcess; log: () => string; exited: Promise<number | null> } {
  const child = spawn(join(process.cwd(), "node_modules", ".bin", "tsx"), [join(process.cwd(), "scripts", "lab-worker.ts")], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  // "close", not "exit": the exit code can arrive before the last of stderr.
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  return { process: child, log: () => log, exited };
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
