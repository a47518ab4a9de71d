// An Anki package through POST /api/imports and the import worker's step:
// each deck previewed as a module, then imported with its history once, and
// a damaged package refused with nothing written.
import { beforeEach, describe, expect, it } from "vitest";
import * as jobRoute from "@/app/api/imports/[id]/route";
import * as importsRoute from "@/app/api/imports/route";
import { writeAnkiPackage } from "@/lib/anki/write-package";
import type { AnkiImportResult } from "@/lib/imports/anki-import";
import type { ImportJobView } from "@/lib/imports/jobs/import-job-view";
import { runNextImportJob } from "@/lib/imports/jobs/run-import-job";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createUser } from "../support/fixtures";
import { sampleCollection } from "../../unit/anki/support/sample-collection";

const NOW = new Date("2025-03-01T09:00:00Z");

function post(auth: string, query: string, bytes: Uint8Array) {
  const init = { method: "POST", body: bytes, headers: { authorization: auth, "content-type": "application/zip" }, duplex: "half" } as RequestInit & {
    duplex: "half";
  };
  return importsRoute.POST(new Request(`http://localhost/api/imports?${query}`, init), undefined);
}

/** Uploads the package, runs the queued job with the worker's step, and returns its result. */
async function runImport(auth: string, query: string, bytes: Uint8Array): Promise<AnkiImportResult> {
  const response = await post(auth, query, bytes);
  expect(response.status, await response.clone().text()).toBe(202);
  const { id } = (await response.json()) as ImportJobView;
  await runNextImportJob(testDb(), { now: () => NOW, ms: () => 0 });
  const request = new Request(`http://localhost/api/imports/${id}`, { headers: { authorization: auth } });
  const job = (await (await jobRoute.GET(request, { params: Promise.resolve({ id }) })).json()) as ImportJobView;
  expect(job.error).toBeNull();
  if (!job.result) throw new Error(`import job ${id} ended ${job.status} without a result`);
  return job.result;
}

describe("POST /api/imports with an Anki package", () => {
  beforeEach(resetDb);

  it("previews each deck as a module, then imports cards with their history once", async () => {
    const db = testDb();
    const user = await createUser(db);
    const auth = await bearerFor(db, user.id);
    const apkg = await writeAnkiPackage(sampleCollection(), NOW);

    const preview = await runImport(auth, "filename=deck.apkg&dryRun=1", apkg);
    expect(preview.committed).toBe(false);
    expect(preview.modules.length).toBeGreaterThan(1);
    expect(preview.history.reviews).toBeGreaterThan(0);
    expect(await db.module.count({ where: { scope: user.id } })).toBe(0);

    const imported = await runImport(auth, "filename=deck.apkg", apkg);
    expect(imported.committed).toBe(true);
    expect(imported.written).toEqual({ ...preview.history, images: preview.images.stored });
    const slugs = imported.modules.map((m) => m.module.slug).sort();
    expect((await db.module.findMany({ where: { scope: user.id }, select: { slug: true } })).map((m) => m.slug).sort()).toEqual(slugs);
    expect(await db.enrollment.count({ where: { userId: user.id } })).toBe(slugs.length);
    const reviewed = await db.cardState.findMany({ where: { userId: user.id, state: "REVIEW" } });
    expect(reviewed.length).toBeGreaterThan(0);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(preview.history.reviews);

    const again = await runImport(auth, "filename=deck.apkg", apkg);
    expect(again.written).toEqual({ cards: 0, reviews: 0, images: 0 });
    for (const m of again.modules) expect(m.cards.created.total + m.cards.updated.total + m.cards.archived.total).toBe(0);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(preview.history.reviews);
  });

  it("refuses a damaged package with a clear message and writes nothing", async () => {
    const db = testDb();
    const user = await createUser(db);
    const auth = await bearerFor(db, user.id);
    const apkg = await writeAnkiPackage(sampleCollection(), NOW);
    const response = await post(auth, "filename=deck.apkg", apkg.slice(0, Math.floor(apkg.length / 2)));
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { message: string } }).error.message.length).toBeGreaterThan(10);
    expect(await db.module.count({ where: { scope: user.id } })).toBe(0);
  });
});
