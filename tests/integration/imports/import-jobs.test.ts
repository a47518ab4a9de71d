// Anki imports as background jobs on real Postgres, with the real importer:
// the upload streams into chunks and is queued (202), the worker step
// previews it (PREVIEWED, with progress), the commit runs the same stored
// upload (DONE, upload deleted), a retried upload with the same id is the
// same job, nobody else sees a job, a package the importer refuses fails
// with its reason and writes nothing, a body over the cap is refused while
// it streams with nothing stored, and a user has at most two imports under way.
import { randomUUID } from "node:crypto";
import { zipSync } from "fflate";
import { beforeEach, describe, expect, it } from "vitest";
import * as commitRoute from "@/app/api/imports/[id]/commit/route";
import * as jobRoute from "@/app/api/imports/[id]/route";
import * as importsRoute from "@/app/api/imports/route";
import { writeAnkiPackage } from "@/lib/anki/write-package";
import { claimNextImportJob } from "@/lib/imports/jobs/import-job-rows";
import type { ImportJobView } from "@/lib/imports/jobs/import-job-view";
import { pruneOldUploads } from "@/lib/imports/jobs/prune-uploads";
import { IMPORT_JOB_LIMITS, queueAnkiUpload } from "@/lib/imports/jobs/queue-anki-upload";
import { MAX_IMPORT_ATTEMPTS, reclaimStaleImports, runNextImportJob } from "@/lib/imports/jobs/run-import-job";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createUser } from "../support/fixtures";
import { sampleCollection } from "../../unit/anki/support/sample-collection";

const NOW = new Date("2025-03-01T09:00:00Z");
const HOUR_MS = 60 * 60 * 1000;

type Body = Uint8Array | ReadableStream<Uint8Array>;

function post(auth: string, query: string, body: Body, headers: Record<string, string> = {}) {
  const init = { method: "POST", body, headers: { authorization: auth, "content-type": "application/octet-stream", ...headers }, duplex: "half" };
  return importsRoute.POST(new Request(`http://localhost/api/imports?${query}`, init as RequestInit), undefined);
}

function get(auth: string, id: string) {
  return jobRoute.GET(new Request(`http://localhost/api/imports/${id}`, { headers: { authorization: auth } }), { params: Promise.resolve({ id }) });
}

function commit(auth: string, id: string) {
  const request = new Request(`http://localhost/api/imports/${id}/commit`, { method: "POST", headers: { authorization: auth } });
  return commitRoute.POST(request, { params: Promise.resolve({ id }) });
}

async function job(response: Response, status: number): Promise<ImportJobView> {
  expect(response.status, await response.clone().text()).toBe(status);
  return (await response.json()) as ImportJobView;
}

/** The worker's step with a clock that moves 100 ms per reading, so progress is written as it would be. */
function work(at = NOW) {
  let ms = 0;
  return runNextImportJob(testDb(), { now: () => at, ms: () => (ms += 100) });
}

async function learner(name = "learner") {
  const db = testDb();
  const user = await createUser(db, name);
  return { db, user, auth: await bearerFor(db, user.id) };
}

const chunks = (jobId: string) => testDb().importUploadChunk.count({ where: { jobId } });

describe("Anki import jobs", () => {
  beforeEach(resetDb);

  it("queues the upload, previews it with progress, then commits the same stored upload once", async () => {
    const { db, user, auth } = await learner();
    const apkg = await writeAnkiPackage(sampleCollection(), NOW);
    const id = randomUUID();

    const queued = await job(await post(auth, `filename=deck.apkg&dryRun=1&id=${id}`, apkg), 202);
    expect(queued).toMatchObject({ id, status: "QUEUED", dryRun: true, progress: null, result: null, location: `/api/imports/${id}`, uploadStored: true });
    expect(await chunks(id)).toBe(Math.ceil(apkg.length / 65_536));

    expect(await work()).toMatchObject({ kind: "done", id, status: "PREVIEWED" });
    const previewed = await job(await get(auth, id), 200);
    expect(previewed.status).toBe("PREVIEWED");
    expect(previewed.progress).toEqual({ phase: "previewing", done: previewed.result?.modules.length, total: previewed.result?.modules.length });
    expect(previewed.result).toMatchObject({ committed: false, written: null });
    expect(previewed.result?.history.reviews).toBeGreaterThan(0);
    expect(await db.module.count({ where: { scope: user.id } })).toBe(0);
    expect(await chunks(id)).toBeGreaterThan(0);

    const committing = await job(await commit(auth, id), 202);
    expect(committing).toMatchObject({ id, status: "QUEUED", dryRun: false, result: null });
    expect(await job(await commit(auth, id), 200)).toMatchObject({ id, status: "QUEUED", dryRun: false });
    expect(await work()).toMatchObject({ kind: "done", status: "DONE" });
    expect(await work()).toEqual({ kind: "idle" });

    const done = await job(await get(auth, id), 200);
    const history = previewed.result?.history;
    expect(done).toMatchObject({ status: "DONE", attempts: 2, uploadStored: false, result: { committed: true, written: history } });
    expect(done.progress?.phase).toBe("writing");
    expect(done.progress?.done).toBe(done.progress?.total);
    expect(await chunks(id)).toBe(0);
    const slugs = done.result?.modules.map((m) => m.module.slug).sort();
    expect((await db.module.findMany({ where: { scope: user.id }, select: { slug: true } })).map((m) => m.slug).sort()).toEqual(slugs);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(history?.reviews);
    // Committing a committed job changes nothing.
    expect(await job(await commit(auth, id), 200)).toMatchObject({ status: "DONE" });
    expect(await work()).toEqual({ kind: "idle" });
  });

  it("answers a retried upload with the same job and stores nothing new", async () => {
    const { db, auth } = await learner();
    const apkg = await writeAnkiPackage(sampleCollection(), NOW);
    const id = randomUUID();
    await job(await post(auth, `filename=deck.apkg&id=${id}`, apkg), 202);
    const stored = await chunks(id);
    expect(await job(await post(auth, `filename=deck.apkg&id=${id}`, apkg), 200)).toMatchObject({ id, status: "QUEUED", dryRun: false });
    expect(await db.importJob.count()).toBe(1);
    expect(await chunks(id)).toBe(stored);

    const other = await learner("other");
    expect((await post(other.auth, `filename=deck.apkg&id=${id}`, apkg)).status).toBe(409);
    expect(await db.importJob.count()).toBe(1);
  });

  it("shows a job only to its owner: 404 for anyone else, on reading and on committing", async () => {
    const { auth } = await learner();
    const other = await learner("other");
    const queued = await job(await post(auth, "filename=deck.apkg&dryRun=1", await writeAnkiPackage(sampleCollection(), NOW)), 202);
    await work();
    expect((await get(other.auth, queued.id)).status).toBe(404);
    expect((await commit(other.auth, queued.id)).status).toBe(404);
    expect((await get(auth, randomUUID())).status).toBe(404);
    expect((await get(auth, "not-a-uuid")).status).toBe(422);
    expect((await job(await get(auth, queued.id), 200)).status).toBe("PREVIEWED");
  });

  it("fails a package the importer refuses with its reason, writes nothing and deletes the upload", async () => {
    const { db, user, auth } = await learner();
    const notAnki = zipSync({ "notes.txt": new TextEncoder().encode("not a collection") });
    const queued = await job(await post(auth, "filename=deck.apkg&dryRun=1", notAnki), 202);
    expect(await work()).toMatchObject({ kind: "failed", status: "FAILED" });
    const failed = await job(await get(auth, queued.id), 200);
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1, uploadStored: false, result: null });
    expect(failed.error).toMatch(/Not an Anki package: it holds no collection/);
    expect(await chunks(queued.id)).toBe(0);
    expect(await db.module.count({ where: { scope: user.id } })).toBe(0);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(0);
    expect((await commit(auth, queued.id)).status).toBe(409);

    // A file cut short does not end like a zip: refused at the upload, nothing queued.
    const apkg = await writeAnkiPackage(sampleCollection(), NOW);
    const truncated = await post(auth, "filename=deck.apkg", apkg.slice(0, apkg.length - 100));
    expect(truncated.status).toBe(422);
    expect(await db.importJob.count()).toBe(1);
    expect(await db.importUploadChunk.count()).toBe(0);
  });

  it("refuses a body over the cap while it streams, cancels it and keeps nothing", async () => {
    const { db, user, auth } = await learner();
    const piece = new Uint8Array(16_384);
    piece.set([0x50, 0x4b, 0x03, 0x04]);
    const state = { pulled: 0, cancelled: false };
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (state.pulled >= 4_000_000) return controller.close();
        state.pulled += piece.byteLength;
        controller.enqueue(piece.slice());
      },
      cancel() {
        state.cancelled = true;
      },
    });
    const limits = { ...IMPORT_JOB_LIMITS, maxBytes: 1_000_000 };
    const upload = queueAnkiUpload(testDb(), { userId: user.id, jobId: randomUUID(), dryRun: true, body, now: NOW, limits });
    await expect(upload).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThanOrEqual(limits.maxBytes + 2 * piece.byteLength);
    expect(await db.importJob.count()).toBe(0);
    expect(await db.importUploadChunk.count()).toBe(0);

    const declared = await post(auth, "filename=deck.apkg", piece, { "content-length": String(IMPORT_JOB_LIMITS.maxBytes + 1) });
    expect(declared.status).toBe(413);
    expect(await db.importJob.count()).toBe(0);
  });

  it("takes at most two imports under way per user; a finished one makes room", async () => {
    const { db, auth } = await learner();
    const apkg = await writeAnkiPackage(sampleCollection(), NOW);
    await job(await post(auth, "filename=a.apkg&dryRun=1", apkg), 202);
    await job(await post(auth, "filename=b.apkg&dryRun=1", apkg), 202);
    const third = await post(auth, "filename=c.apkg&dryRun=1", apkg);
    expect(third.status).toBe(429);
    expect(((await third.json()) as { error: { message: string } }).error.message).toMatch(/at most 2 at once/);
    expect(await db.importJob.count()).toBe(2);
    expect(await db.importUploadChunk.count()).toBe(2 * Math.ceil(apkg.length / 65_536));

    await work();
    await job(await post(auth, "filename=c.apkg&dryRun=1", apkg), 202);
    // Another learner's imports are theirs alone.
    const other = await learner("other");
    await job(await post(other.auth, "filename=d.apkg&dryRun=1", apkg), 202);
  });

  it("takes back a job whose worker died, and gives up after the attempts", async () => {
    const { auth } = await learner();
    const queued = await job(await post(auth, "filename=deck.apkg&dryRun=1", await writeAnkiPackage(sampleCollection(), NOW)), 202);
    for (let attempt = 1; attempt <= MAX_IMPORT_ATTEMPTS; attempt++) {
      expect(await claimNextImportJob(testDb(), NOW)).toEqual({ id: queued.id, attempts: attempt });
      expect(await reclaimStaleImports(testDb(), new Date(NOW.getTime() + 30_000), 60_000)).toEqual({ requeued: 0, failed: 0 });
      const expected = attempt < MAX_IMPORT_ATTEMPTS ? { requeued: 1, failed: 0 } : { requeued: 0, failed: 1 };
      expect(await reclaimStaleImports(testDb(), new Date(NOW.getTime() + 61_000), 60_000)).toEqual(expected);
    }
    const failed = await job(await get(auth, queued.id), 200);
    expect(failed).toMatchObject({ status: "FAILED", uploadStored: false });
    expect(failed.error).toMatch(/stopped 2 times/);
    expect(await chunks(queued.id)).toBe(0);
  });

  it("drops a preview's upload after 24 hours; its commit is then refused with the reason", async () => {
    const { auth } = await learner();
    const queued = await job(await post(auth, "filename=deck.apkg&dryRun=1", await writeAnkiPackage(sampleCollection(), NOW)), 202);
    await work();
    const created = new Date(queued.createdAt).getTime();
    expect(await pruneOldUploads(testDb(), new Date(created + 23 * HOUR_MS))).toEqual({ jobs: 0, bytes: 0 });
    const pruned = await pruneOldUploads(testDb(), new Date(created + 25 * HOUR_MS));
    expect(pruned.jobs).toBe(1);
    expect(await chunks(queued.id)).toBe(0);
    const refused = await commit(auth, queued.id);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/kept 24 hours/);
  });
});
