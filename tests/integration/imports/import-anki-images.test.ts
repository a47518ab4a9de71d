// Images inside Anki packages on the real Postgres: stored with the module in
// the import's transaction under ids derived from the user, module and bytes;
// SVG, oversized and missing files reported, not stored; the user's quota
// refusing the whole import; and a package exported and imported again
// giving the same cards and images and writing nothing.
import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { AnkiPackageInput } from "@/lib/anki/write-package";
import { writeAnkiPackage } from "@/lib/anki/write-package";
import { MAX_IMAGE_BYTES, MAX_USER_IMAGE_BYTES } from "@/lib/images/store-image";
import type { AnkiImportResult } from "@/lib/imports/anki-import";
import { importedImageId } from "@/lib/imports/import-images";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createUser } from "../support/fixtures";
import { pngBytes } from "../../unit/anki/support/png";
import { GOOD_THRICE, NOTE_TYPES } from "../../unit/anki/support/sample-collection";
import { exportModuleFile, getImage, runAnkiImport, runAnkiJob } from "./support";

const NOW = new Date("2025-03-01T09:00:00Z");
const MASK = pngBytes(8, 8, [10, 200, 10]);
const ROTATION = pngBytes(6, 3, [10, 10, 200]);
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="4" height="4"/></svg>');
const HUGE = pngBytes(4, 4, [0, 0, 0], MAX_IMAGE_BYTES);
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/**
 * One deck "Diagrams::Attention": a basic note and a reversed pair showing
 * images, and (unless left out) a note whose images cannot be stored.
 */
function diagrams(unstorable = true): AnkiPackageInput {
  const card = (id: number, noteId: number, ordinal: number, history = GOOD_THRICE.slice(0, 0)) => ({
    id,
    noteId,
    deckId: 3001,
    ordinal,
    type: history.length ? 2 : 0,
    queue: history.length ? 2 : 0,
    suspended: false,
    buried: false,
    due: id,
    history,
  });
  const full = {
    decks: [{ id: 3001, name: "Diagrams::Attention", path: ["Diagrams", "Attention"], filtered: false }],
    noteTypes: NOTE_TYPES,
    notes: [
      {
        id: 1,
        guid: "mask-note",
        noteTypeId: 1001,
        fields: ["Which cells does the causal mask hide?", 'Above the diagonal: <img src="mask.png">'],
        tags: ["masks"],
      },
      { id: 2, guid: "rope-note", noteTypeId: 1002, fields: ['RoPE <img src="rotation.png">', "Rotates each pair by an angle"], tags: [] },
      { id: 3, guid: "bad-note", noteTypeId: 1001, fields: ['Hostile <img src="vector.svg"> <img src="huge.png">', 'Missing <img src="gone.png">'], tags: [] },
    ],
    cards: [card(11, 1, 0, GOOD_THRICE), card(21, 2, 0), card(22, 2, 1), card(31, 3, 0)],
    media: [
      { name: "mask.png", bytes: MASK, type: "image/png" },
      { name: "rotation.png", bytes: ROTATION, type: "image/png" },
      { name: "vector.svg", bytes: SVG, type: "image/svg+xml" },
      { name: "huge.png", bytes: HUGE, type: "image/png" },
    ],
  };
  if (unstorable) return full;
  return { ...full, notes: full.notes.filter((n) => n.id !== 3), cards: full.cards.filter((c) => c.noteId !== 3), media: full.media.slice(0, 2) };
}

async function learner() {
  const db = testDb();
  const user = await createUser(db);
  return { db, user, auth: await bearerFor(db, user.id) };
}

const importApkg = (auth: string, apkg: Uint8Array, query = "filename=diagrams.apkg"): Promise<AnkiImportResult> => runAnkiImport(auth, query, apkg, NOW);

describe("images in Anki packages", () => {
  beforeEach(resetDb);

  it("stores the images the cards show under derived ids, reports the ones it cannot store, and a re-import writes nothing", async () => {
    const { db, user, auth } = await learner();
    const apkg = await writeAnkiPackage(diagrams(), NOW);

    const preview = await importApkg(auth, apkg, "filename=diagrams.apkg&dryRun=1");
    expect(preview.images).toEqual({ stored: 2, unchanged: 0, refused: 3, bytes: MASK.length + ROTATION.length });
    expect(Object.fromEntries(preview.notices.filter((n) => /IMAGE|SVG|MEDIA/.test(n.code)).map((n) => [n.code, n.examples]))).toEqual({
      MEDIA_NOT_IN_PACKAGE: ["gone.png"],
      SVG_MEDIA: ["vector.svg"],
      IMAGE_TOO_LARGE: [expect.stringMatching(/^huge\.png \(5\.0 MiB\)$/)],
    });
    expect(await db.cardImage.count()).toBe(0);

    const imported = await importApkg(auth, apkg);
    expect(imported.modules.map((m) => [m.module.slug, m.module.title])).toEqual([["diagrams-attention", "Diagrams › Attention"]]);
    expect(imported.written).toMatchObject({ images: 2 });
    const maskId = importedImageId(user.id, "diagrams-attention", sha(MASK));
    const rotationId = importedImageId(user.id, "diagrams-attention", sha(ROTATION));
    const images = await db.cardImage.findMany({
      select: { id: true, ownerId: true, contentType: true, width: true, height: true },
      orderBy: { width: "asc" },
    });
    expect(images).toEqual([
      { id: rotationId, ownerId: user.id, contentType: "image/png", width: 6, height: 3 },
      { id: maskId, ownerId: user.id, contentType: "image/png", width: 8, height: 8 },
    ]);
    const cards = await db.card.findMany({ select: { front: true, back: true }, orderBy: { position: "asc" } });
    expect(cards.map((c) => c.back)).toContain(`Above the diagonal: ![](/api/images/${maskId})`);
    expect(cards.map((c) => c.front)).toContain(`RoPE ![](/api/images/${rotationId})`);
    // What was not stored keeps its link, shown as text by the renderer.
    expect(cards.map((c) => c.front)).toContain("Hostile ![](<vector.svg>) ![](<huge.png>)");

    const served = await getImage(auth, maskId);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(MASK);
    const stranger = await createUser(db, "stranger");
    expect((await getImage(await bearerFor(db, stranger.id), maskId)).status).toBe(404);

    const again = await importApkg(auth, apkg);
    expect(again.written).toEqual({ cards: 0, reviews: 0, images: 0 });
    expect(again.images).toMatchObject({ stored: 0, unchanged: 2 });
    for (const m of again.modules) expect(m.cards.created.total + m.cards.updated.total + m.cards.archived.total).toBe(0);
    expect(await db.cardImage.count()).toBe(2);
  });

  it("refuses the whole import when the new images do not fit in the user's quota, dry run included", async () => {
    const { db, user, auth } = await learner();
    const other = await db.module.create({ data: { scope: user.id, ownerId: user.id, slug: "full", title: "Full", sourceHash: "0".repeat(64) } });
    await db.cardImage.create({
      data: { ownerId: user.id, moduleId: other.id, sha256: "f".repeat(64), contentType: "image/png", byteSize: MAX_USER_IMAGE_BYTES - 100, bytes: MASK },
    });
    const apkg = await writeAnkiPackage(diagrams(), NOW);
    for (const query of ["filename=diagrams.apkg&dryRun=1", "filename=diagrams.apkg"]) {
      const job = await runAnkiJob(auth, query, apkg, NOW);
      expect(job.status).toBe("FAILED");
      expect(job.error).toMatch(/2 new image\(s\).*200\.0 MiB.*Nothing was imported/);
    }
    expect(await db.module.count({ where: { slug: "diagrams-attention" } })).toBe(0);
    expect(await db.cardImage.count()).toBe(1);
    expect(await db.reviewLog.count()).toBe(0);
  });

  // An image that was never stored has no file to export: its card would come back without the link, so it is left out here.
  it("round-trips apkg → import → export apkg → import: the same cards and images, nothing new", async () => {
    const { db, auth } = await learner();
    await importApkg(auth, await writeAnkiPackage(diagrams(false), NOW));
    const cardsBefore = await db.card.findMany({
      select: { id: true, externalId: true, kind: true, front: true, back: true, contentHash: true },
      orderBy: { id: "asc" },
    });
    const imagesBefore = await db.cardImage.findMany({ select: { id: true, sha256: true }, orderBy: { id: "asc" } });
    const reviewsBefore = await db.reviewLog.count();

    const exported = await exportModuleFile(auth, "diagrams-attention", "apkg");
    const back = await importApkg(auth, exported, "filename=diagrams-attention.apkg");
    expect(back.modules.map((m) => m.module.slug)).toEqual(["diagrams-attention"]);
    const [module] = back.modules;
    expect(module && Object.fromEntries(Object.entries(module.cards).map(([k, v]) => [k, v.total]))).toEqual({
      created: 0,
      updated: 0,
      restored: 0,
      unchanged: cardsBefore.length,
      archived: 0,
    });
    expect(back.written).toEqual({ cards: 0, reviews: 0, images: 0 });
    expect(back.images).toEqual({ stored: 0, unchanged: 2, refused: 0, bytes: 0 });
    expect(
      await db.card.findMany({ select: { id: true, externalId: true, kind: true, front: true, back: true, contentHash: true }, orderBy: { id: "asc" } }),
    ).toEqual(cardsBefore);
    expect(await db.cardImage.findMany({ select: { id: true, sha256: true }, orderBy: { id: "asc" } })).toEqual(imagesBefore);
    expect(await db.reviewLog.count()).toBe(reviewsBefore);
  });
});
