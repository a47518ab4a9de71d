import { randomUUID } from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import { beforeEach, describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/modules/[slug]/export/route";
import { convertAnkiCollection } from "@/lib/anki/convert";
import { readAnkiPackage } from "@/lib/anki/read-package";
import { importModule } from "@/lib/content/import-module";
import { parseModuleSource } from "@/lib/content/parse-module";
import { seedCourse } from "@/lib/content/seed-course";
import { ModuleManifestSchema } from "@/lib/content/schemas";
import { parseCsv } from "@/lib/export/csv";
import { recordReview } from "@/lib/reviews/record-review";
import { DEFAULT_SCHEDULER_SETTINGS } from "@/lib/scheduling/settings";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createModuleWithCards, createUser, enroll } from "../support/fixtures";

const NOW = new Date("2025-03-01T09:00:00Z");
const HOUR = 3_600_000;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

const NOTES = `# Attention

## Masks

Q: Why is the causal mask applied before the softmax? [hard] [tags: masks, softmax]
A: Adding −∞ to a score makes its weight exactly 0 after the softmax.

  Applying it after would leave the row unnormalised:
  - rows no longer sum to 1
  - renormalising costs a pass

Q: What does $QK^\\top$ compute?
A: The score of every query against every key.

RMSNorm :: Divides by the root-mean-square; no centring, no bias. [easy]

## Interview questions

Q: Why scale the scores by $1/\\sqrt{d_k}$?
A: To keep the softmax out of saturation as $d_k$ grows.
Common wrong answer to avoid: "To make training faster."
Key points:
- variance of a dot product grows with d_k
- saturated softmax has tiny gradients

# Health check

- [ ] I can write the causal mask from memory {#mask-from-memory}
`;

function source(slug: string, text = NOTES) {
  return { manifest: { slug, title: "Attention notes", description: "Mine." }, files: [{ name: "notes.md", text }] };
}

async function download(auth: string, slug: string, format: string): Promise<Response> {
  const request = new Request(`http://localhost/api/modules/${slug}/export?format=${format}`, { headers: { authorization: auth } });
  return exportRoute.GET(request, { params: Promise.resolve({ slug }) });
}

async function bytesOf(response: Response): Promise<Uint8Array> {
  expect(response.status, await response.clone().text()).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

/** The exported zip read back as a module source (module.json's files, in order) plus every member. */
function unzipFolder(zip: Uint8Array, slug: string) {
  const members = unzipSync(zip);
  const manifest = ModuleManifestSchema.parse(JSON.parse(strFromU8(members[`${slug}/module.json`] ?? new Uint8Array())));
  const files = (manifest.files ?? []).map((name) => ({ name, text: strFromU8(members[`${slug}/${name}`] ?? new Uint8Array()) }));
  return { source: { manifest, files }, members };
}

async function ownModule(userId: string, slug = "attention-notes") {
  const db = testDb();
  const report = await importModule(db, parseModuleSource(source(slug)), { scope: userId, ownerId: userId }, NOW);
  const cards = await db.card.findMany({ where: { moduleId: report.module.id }, orderBy: { position: "asc" } });
  return { moduleId: report.module.id, cards };
}

const faces = (cards: { externalId: string; front: string; back: string }[]) =>
  cards.map((c) => ({ externalId: c.externalId, front: c.front, back: c.back })).sort((a, b) => a.externalId.localeCompare(b.externalId));

describe("GET /api/modules/{slug}/export", () => {
  beforeEach(resetDb);

  it("exports the markdown folder that imports back to the same cards, and re-importing it changes nothing", async () => {
    const db = testDb();
    const user = await createUser(db);
    const auth = await bearerFor(db, user.id);
    const { moduleId, cards } = await ownModule(user.id);
    expect(cards.length).toBe(5);

    const zip = await bytesOf(await download(auth, "attention-notes", "md"));
    const { source: exported } = unzipFolder(zip, "attention-notes");
    const again = await importModule(db, parseModuleSource(exported), { scope: user.id, ownerId: user.id }, new Date(NOW.getTime() + HOUR));
    expect(again.module.id).toBe(moduleId);
    expect({ created: again.created, updated: again.updated, moved: again.moved, archived: again.archived, restored: again.restored }).toEqual({
      created: 0,
      updated: 0,
      moved: 0,
      archived: 0,
      restored: 0,
    });
    expect(again.unchanged).toBe(6);

    const copy = await importModule(
      db,
      parseModuleSource({ ...exported, manifest: { ...exported.manifest, slug: "copy" } }),
      { scope: user.id, ownerId: user.id },
      NOW,
    );
    const copied = await db.card.findMany({ where: { moduleId: copy.module.id } });
    expect(faces(copied)).toEqual(faces(cards));
  });

  it("exports the built-in course so that importing it again changes nothing, cloze notes included", async () => {
    const db = testDb();
    const user = await createUser(db);
    const auth = await bearerFor(db, user.id);
    const seeded = await seedCourse(db, undefined, NOW);
    const slug = seeded.module.slug;
    const { source: exported, members } = unzipFolder(await bytesOf(await download(auth, slug, "md")), slug);
    expect(strFromU8(members[`${slug}/README.md`] ?? new Uint8Array())).not.toContain("Not exported exactly");
    const again = await importModule(db, parseModuleSource(exported), { scope: "public" }, new Date(NOW.getTime() + HOUR));
    expect({ created: again.created, updated: again.updated, moved: again.moved, archived: again.archived }).toEqual({
      created: 0,
      updated: 0,
      moved: 0,
      archived: 0,
    });
    expect(again.cards.unchanged.filter((id) => /:c\d+$/.test(id)).length).toBeGreaterThan(10);

    const anki = await convertAnkiCollection(await readAnkiPackage(await bytesOf(await download(auth, slug, "apkg"))), {
      settings: DEFAULT_SCHEDULER_SETTINGS,
    });
    const kinds = (cards: { kind: string }[]) => cards.map((c) => c.kind).sort();
    const live = await db.card.findMany({ where: { moduleId: seeded.module.id, archivedAt: null }, select: { kind: true } });
    expect(kinds(anki.modules.flatMap((m) => m.module.cards))).toEqual(kinds(live.map((c) => ({ kind: c.kind === "EXERCISE" ? "BASIC" : c.kind }))));
  });

  it("puts the module's images under media/ and links the cards to them", async () => {
    const db = testDb();
    const user = await createUser(db);
    const auth = await bearerFor(db, user.id);
    const { moduleId, cards } = await ownModule(user.id);
    const image = await db.cardImage.create({
      data: { ownerId: user.id, moduleId, sha256: "a".repeat(64), contentType: "image/png", byteSize: PNG.length, bytes: PNG },
    });
    const card = cards[1];
    if (!card) throw new Error("fixture has cards");
    await db.card.update({ where: { id: card.id }, data: { back: `${card.back}\n\n![diagram](/api/images/${image.id})` } });

    const { members, source: exported } = unzipFolder(await bytesOf(await download(auth, "attention-notes", "md")), "attention-notes");
    expect(members[`attention-notes/media/${image.id}.png`]).toEqual(PNG);
    const text = exported.files.map((f) => f.text).join("\n");
    expect(text).toContain(`![diagram](media/${image.id}.png)`);
    expect(text).not.toContain("/api/images/");
  });

  it("exports CSV rows of front, back and tags", async () => {
    const db = testDb();
    const user = await createUser(db);
    const auth = await bearerFor(db, user.id);
    const { cards } = await ownModule(user.id);
    const response = await download(auth, "attention-notes", "csv");
    expect(response.headers.get("content-type")).toContain("text/csv");
    const rows = parseCsv(new TextDecoder().decode(await bytesOf(response)));
    expect(rows[0]).toEqual(["front", "back", "tags"]);
    expect(rows.slice(1)).toEqual(cards.map((c) => [c.front, c.back, c.tags.join(" ")]));
  });

  it("exports an Anki package that reads back with the same cards and only the learner's own reviews", async () => {
    const db = testDb();
    const user = await createUser(db);
    const auth = await bearerFor(db, user.id);
    const other = await createUser(db, "other");
    const { moduleId } = await createModuleWithCards(db, { slug: "plain", cards: 4 });
    await enroll(db, user.id, moduleId);
    await enroll(db, other.id, moduleId);
    const cards = await db.card.findMany({ where: { moduleId }, orderBy: { position: "asc" } });
    const [first, second] = cards;
    if (!first || !second) throw new Error("fixture has cards");
    await recordReview(db, { userId: user.id, reviewId: randomUUID(), cardId: first.id, rating: 3, durationMs: 4000 }, NOW);
    await recordReview(db, { userId: user.id, reviewId: randomUUID(), cardId: first.id, rating: 3 }, new Date(NOW.getTime() + 2 * 24 * HOUR));
    await recordReview(db, { userId: user.id, reviewId: randomUUID(), cardId: second.id, rating: 1 }, NOW);
    await recordReview(db, { userId: other.id, reviewId: randomUUID(), cardId: second.id, rating: 4 }, NOW);

    const apkg = await bytesOf(await download(auth, "plain", "apkg"));
    const collection = await readAnkiPackage(apkg);
    expect(collection.cards.flatMap((c) => c.history).length).toBe(3);
    const conversion = await convertAnkiCollection(collection, { settings: DEFAULT_SCHEDULER_SETTINGS });
    expect(conversion.modules.length).toBe(1);
    const module = conversion.modules[0];
    expect(module?.module.title).toBe("Test module");
    expect(module?.module.cards.map((c) => [c.front, c.back])).toEqual(cards.map((c) => [c.front, c.back]));
    const replayed = module?.schedules.map((s) => s.replay.reviews.length);
    expect(replayed).toEqual([2, 1, 0, 0]);
  });

  it("round-trips reversed pairs, markdown and images through the Anki package", async () => {
    const db = testDb();
    const user = await createUser(db);
    const auth = await bearerFor(db, user.id);
    const { moduleId, cards } = await ownModule(user.id);
    const image = await db.cardImage.create({
      data: { ownerId: user.id, moduleId, sha256: "b".repeat(64), contentType: "image/png", byteSize: PNG.length, bytes: PNG },
    });
    const first = cards[0];
    if (!first) throw new Error("fixture has cards");
    await db.card.update({ where: { id: first.id }, data: { back: `See ![mask](/api/images/${image.id})` } });

    const collection = await readAnkiPackage(await bytesOf(await download(auth, "attention-notes", "apkg")));
    expect(collection.media.map((m) => m.name)).toEqual([`${image.id}.png`]);
    const module = (await convertAnkiCollection(collection, { settings: DEFAULT_SCHEDULER_SETTINGS })).modules[0];
    const back = new Map(module?.module.cards.map((c) => [c.front, c]));
    expect(back.get(first.front)?.back).toBe(`See ![mask](<${image.id}.png>)`);
    const reversed = module?.module.cards.filter((c) => c.kind === "REVERSED").map((c) => c.front);
    expect(reversed).toEqual(["RMSNorm", "Divides by the root-mean-square; no centring, no bias."]);
    expect(module?.module.cards.length).toBe(cards.length);
  });

  it("exports the public course read-only, and nobody else's private module", async () => {
    const db = testDb();
    const owner = await createUser(db, "owner");
    const stranger = await createUser(db, "stranger");
    await ownModule(owner.id, "private-notes");
    await createModuleWithCards(db, { slug: "course", cards: 2 });
    const auth = await bearerFor(db, stranger.id);

    for (const format of ["md", "csv", "apkg"]) {
      const response = await download(auth, "private-notes", format);
      expect(response.status).toBe(404);
    }
    expect((await download(auth, "course", "csv")).status).toBe(200);
    expect((await download(auth, "course", "zip")).status).toBe(422);
  });
});
