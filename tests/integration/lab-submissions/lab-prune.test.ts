// The retention policy on real Postgres with a fixed clock: graded outputs
// beyond the newest 5 per user and lab and older than 7 days lose their
// bytes (the row, its grade and its place in the history stay), nothing
// else does, a second run prunes nothing, and the storage quota counts what
// is left. Also: a row whose JSON result does not parse is an error, not a
// wrong answer.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { getOwnSubmission } from "@/lib/labs/submissions/list-submissions";
import { LAB_RETENTION, pruneOldOutputs } from "@/lib/labs/submissions/prune-outputs";
import { selectSubmissionUsage } from "@/lib/labs/submissions/submission-rows";
import { submitLabOutput } from "@/lib/labs/submissions/submit-output";
import { resetDb, testDb } from "../support/db";
import { createUser } from "../support/fixtures";
import { bodyOf, LAB_SEED, labOrThrow } from "../support/lab-fixtures";
import { catalogue } from "@/exercises/catalogue";

const NOW = new Date("2026-11-23T12:00:00Z");
const DAY = 24 * 3600 * 1000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
const ROOMY = { perMinute: 1000, perDay: 1000, storageBytes: 2 ** 30 };
const OTHER_LAB = "causal-attention";

/** Stores a 2-element submission (16 bytes) at `createdAt`, then sets its status as the worker would. */
async function stored(userId: string, slug: string, createdAt: Date, status: "QUEUED" | "DONE" | "FAILED" = "DONE"): Promise<string> {
  const id = randomUUID();
  labOrThrow(slug);
  await submitLabOutput(testDb(), catalogue, {
    userId,
    submissionId: id,
    slug,
    seed: LAB_SEED,
    body: bodyOf(new TextEncoder().encode("[1, 2]")),
    now: createdAt,
    quota: ROOMY,
  });
  if (status !== "QUEUED") await testDb().labSubmission.update({ where: { id }, data: { status, passed: status === "DONE" ? false : null } });
  return id;
}

describe("pruning stored lab outputs", () => {
  beforeEach(resetDb);

  it("drops the bytes of old graded outputs beyond the newest few per user and lab, and nothing else", async () => {
    expect(LAB_RETENTION).toEqual({ keepNewest: 5, keepDays: 7 });
    const db = testDb();
    const [a, b] = [await createUser(db), await createUser(db)];
    // a at layernorm: 9 graded submissions 1..9 days old, and one queued 30 days old.
    const aIds = [];
    for (let d = 1; d <= 9; d++) aIds.push(await stored(a.id, "layernorm-forward", daysAgo(d)));
    const queued = await stored(a.id, "layernorm-forward", daysAgo(30), "QUEUED");
    const failed = await stored(a.id, "layernorm-forward", daysAgo(31), "FAILED");
    // a at another lab: two old ones (within its newest 5); b: one old one.
    const aOther = [await stored(a.id, OTHER_LAB, daysAgo(40)), await stored(a.id, OTHER_LAB, daysAgo(41))];
    const bOld = await stored(b.id, "layernorm-forward", daysAgo(50));

    // Newest 5 of a at layernorm: 1..5 days old; of the rest, 8 and 9 days old and the FAILED one are past 7 days.
    // 6 and 7 days old are beyond the newest 5 but not old enough; the queued one is not graded yet.
    const result = await pruneOldOutputs(db, NOW);
    expect(result).toEqual({ rows: 3, bytes: 3 * 16 });
    const pruned = await db.labSubmission.findMany({
      where: { prunedAt: { not: null } },
      select: { id: true, outputBytes: true, prunedAt: true, _count: { select: { chunks: true } } },
    });
    expect(new Set(pruned.map((r) => r.id))).toEqual(new Set([aIds[7], aIds[8], failed]));
    for (const row of pruned) expect(row).toMatchObject({ outputBytes: 0, prunedAt: NOW, _count: { chunks: 0 } });
    expect(await db.labSubmissionChunk.count()).toBe(14 - 3);
    const kept = await db.labSubmission.findMany({
      where: { id: { in: [...aIds.slice(0, 7), queued, ...aOther, bOld] } },
      select: { outputBytes: true, prunedAt: true },
    });
    expect(kept.every((r) => r.outputBytes === 16 && r.prunedAt === null)).toBe(true);

    expect(await pruneOldOutputs(db, NOW)).toEqual({ rows: 0, bytes: 0 });
    const view = await getOwnSubmission(db, a.id, "layernorm-forward", aIds[8] ?? "");
    expect(view).toMatchObject({ status: "DONE", passed: false, prunedAt: NOW.toISOString() });
    const usage = await selectSubmissionUsage(db, a.id, NOW, NOW);
    expect(usage.storedBytes).toBe((7 + 1 + 2) * 16);
  });

  it("reads a stored grade that does not match its schema as a server error naming the field", async () => {
    const db = testDb();
    const user = await createUser(db);
    const id = await stored(user.id, "layernorm-forward", NOW);
    await db.$executeRaw`UPDATE lab_submission SET result = '{"passed": "yes"}'::jsonb WHERE id = ${id}::uuid`;
    const error = await getOwnSubmission(db, user.id, "layernorm-forward", id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "INTERNAL", message: expect.stringContaining("result.passed") });
  });
});
