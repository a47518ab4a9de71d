// Lab submission quotas on real Postgres: per-minute and per-day windows and
// the storage limit answer 429 with a message and Retry-After, are checked
// before the body is read, and hold under concurrent uploads (the per-user
// advisory lock); a retried id is answered as before, whatever the quota.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import * as submissionsRoute from "@/app/api/labs/[slug]/submissions/route";
import { AppError } from "@/lib/errors/app-error";
import { LAB_QUOTA, type LabQuota } from "@/lib/labs/submissions/quota";
import { submitLabOutput } from "@/lib/labs/submissions/submit-output";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createUser } from "../support/fixtures";
import { bodyOf, correctFile, LAB_SEED, LAB_SLUG, labRequest, params } from "../support/lab-fixtures";
import { catalogue } from "@/exercises/catalogue";

const T0 = new Date("2026-11-23T12:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const ROOMY: LabQuota = { perMinute: 1000, perDay: 1000, storageBytes: 2 ** 30 };

/** Submits `file` (default: a 2-element JSON tensor, 16 stored bytes) for `userId` at `now`. */
function submit(userId: string, now: Date, quota: LabQuota, file: Uint8Array = new TextEncoder().encode("[1, 2]"), id = randomUUID()) {
  return submitLabOutput(testDb(), catalogue, { userId, submissionId: id, slug: LAB_SLUG, seed: LAB_SEED, body: bodyOf(file), now, quota });
}

/** The AppError a refused submission throws. */
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

/** A body that fails the request if anything reads it. */
function unreadBody(): ReadableStream<Uint8Array> {
  return new ReadableStream({
    pull() {
      throw new Error("the body was read");
    },
  });
}

describe("lab submission quotas", () => {
  beforeEach(resetDb);

  it("allows perMinute submissions in any 60 s, and says when the next one fits", async () => {
    const user = await createUser(testDb());
    const quota = { ...ROOMY, perMinute: 3 };
    for (const s of [0, 10, 20]) await submit(user.id, at(s), quota);
    const refused = await refusal(submit(user.id, at(30), quota));
    expect(refused).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 30, message: "Too many lab submissions: at most 3 a minute. Try again in 30 s." });
    // The first has left the window 60 s after it was made.
    expect(await refusal(submit(user.id, at(59.5), quota))).toMatchObject({ retryAfterSeconds: 1 });
    await expect(submit(user.id, at(60.5), quota)).resolves.toMatchObject({ duplicate: false });
    expect(await testDb().labSubmission.count()).toBe(4);
  });

  it("allows perDay submissions in any 24 hours", async () => {
    const user = await createUser(testDb());
    const quota = { ...ROOMY, perDay: 3 };
    for (const h of [0, 5, 10]) await submit(user.id, at(h * 3600), quota);
    const refused = await refusal(submit(user.id, at(20 * 3600), quota));
    expect(refused).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 4 * 3600 });
    expect(refused.message).toBe("Too many lab submissions: at most 3 in 24 hours. Try again in 4 h 0 min.");
    await expect(submit(user.id, at(24 * 3600 + 1), quota)).resolves.toMatchObject({ duplicate: false });
  });

  it("counts each user separately", async () => {
    const [a, b] = [await createUser(testDb()), await createUser(testDb())];
    const quota = { ...ROOMY, perMinute: 1 };
    await submit(a.id, T0, quota);
    await expect(submit(b.id, T0, quota)).resolves.toMatchObject({ duplicate: false });
    await refusal(submit(a.id, T0, quota));
  });

  it("refuses an upload that would pass the storage limit, and a full store before reading the body", async () => {
    const user = await createUser(testDb());
    const file = await correctFile("npy");
    const bytes = 64 * 128 * 8;
    const quota = { ...ROOMY, storageBytes: 2 * bytes + bytes / 2 };
    await submit(user.id, at(0), quota, file);
    await submit(user.id, at(1), quota, file);
    const over = await refusal(submit(user.id, at(2), quota, file));
    expect(over.code).toBe("RATE_LIMITED");
    expect(over.message).toContain("Your stored lab outputs take 0.1 MiB and this one needs 0.1 MiB; the limit is 0.2 MiB.");
    expect(over.message).toContain("are cleared automatically");

    const full = { ...quota, storageBytes: 2 * bytes };
    const unread = submitLabOutput(testDb(), catalogue, {
      userId: user.id,
      submissionId: randomUUID(),
      slug: LAB_SLUG,
      seed: LAB_SEED,
      body: unreadBody(),
      now: at(3),
      quota: full,
    });
    expect(await refusal(unread)).toMatchObject({ code: "RATE_LIMITED" });
    expect(await testDb().labSubmission.count()).toBe(2);
  });

  it("never lets concurrent uploads overshoot a limit", async () => {
    const user = await createUser(testDb());
    const quota = { ...ROOMY, perMinute: 3 };
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () =>
        submit(user.id, T0, quota).then(
          () => "stored",
          (e: unknown) => (e instanceof AppError ? e.code : String(e)),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === "stored")).toHaveLength(3);
    expect(outcomes.filter((o) => o === "RATE_LIMITED")).toHaveLength(5);
    expect(await testDb().labSubmission.count({ where: { userId: user.id } })).toBe(3);
  });

  it("answers a retried id as before even when the user is over the limit", async () => {
    const user = await createUser(testDb());
    const quota = { ...ROOMY, perMinute: 1 };
    const id = randomUUID();
    await submit(user.id, T0, quota, undefined, id);
    await expect(submit(user.id, at(1), quota, undefined, id)).resolves.toMatchObject({ duplicate: true, submission: { id } });
  });

  it("answers 429 with Retry-After through the route, before reading the body", async () => {
    const db = testDb();
    const user = await createUser(db);
    const auth = await bearerFor(db, user.id);
    const file = await correctFile("npy");
    for (let i = 0; i < LAB_QUOTA.perMinute; i++) {
      const ok = await submissionsRoute.POST(
        labRequest(auth, `/api/labs/${LAB_SLUG}/submissions?seed=${LAB_SEED}`, { method: "POST", body: file }),
        params({ slug: LAB_SLUG }),
      );
      expect(ok.status).toBe(202);
    }
    const response = await submissionsRoute.POST(
      new Request(`http://localhost/api/labs/${LAB_SLUG}/submissions?seed=${LAB_SEED}`, {
        method: "POST",
        body: unreadBody(),
        headers: { authorization: auth },
        duplex: "half",
      } as RequestInit & { duplex: "half" }),
      params({ slug: LAB_SLUG }),
    );
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(response.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(await response.json()).toMatchObject({
      error: { code: "RATE_LIMITED", message: expect.stringContaining(`at most ${LAB_QUOTA.perMinute} a minute`) },
    });
    expect(await db.labSubmission.count()).toBe(LAB_QUOTA.perMinute);
  });
});
