// From a package on disk format to our modules: kinds, faces, stable ids,
// flags, replayed histories and the report, for both package layouts.
import { describe, expect, it } from "vitest";
import { convertAnkiCollection, noteKey, type AnkiConversion } from "@/lib/anki/convert";
import { deckSlug, deckTitle } from "@/lib/anki/module-identity";
import { readAnkiPackage } from "@/lib/anki/read-package";
import { writeAnkiPackage } from "@/lib/anki/write-package";
import { ExternalIdSchema, ParsedModuleSchema } from "@/lib/content/schemas";
import { DEFAULT_SCHEDULER_SETTINGS } from "@/lib/scheduling";
import { writeLatestPackage } from "./support/build-latest";
import { sampleCollection, T0 } from "./support/sample-collection";
import { defined } from "../../support/defined";

const now = new Date(T0);
const DAY = 86_400_000;

const LAYOUTS = [
  { layout: "legacy", build: () => writeAnkiPackage(sampleCollection(), now) },
  { layout: "anki21b", build: () => writeLatestPackage(sampleCollection(), now) },
] as const;

async function convert(build: () => Promise<Uint8Array>): Promise<AnkiConversion> {
  return convertAnkiCollection(await readAnkiPackage(await build()), { settings: DEFAULT_SCHEDULER_SETTINGS });
}

const cardsOf = (out: AnkiConversion) => out.modules.flatMap((m) => m.module.cards.map((card) => ({ slug: m.module.slug, ...card })));
const scheduleOf = (out: AnkiConversion, externalId: string) => out.modules.flatMap((m) => m.schedules).find((s) => s.externalId === externalId);

describe.each(LAYOUTS)("convertAnkiCollection ($layout package)", ({ build }) => {
  it("makes one valid module per deck holding cards, slugged from the deck name", async () => {
    const out = await convert(build);
    expect(out.modules.map((m) => [m.module.slug, m.module.title])).toEqual([
      ["default", "Default"],
      ["transformers", "Transformers"],
      ["transformers-attention", "Transformers › Attention"],
    ]);
    for (const m of out.modules) expect(ParsedModuleSchema.safeParse(m.module).success).toBe(true);
  });

  const KINDS = [
    {
      note: "Ab3$x!q",
      ordinal: 0,
      slug: "transformers-attention",
      kind: "BASIC",
      front: "What does **LayerNorm** normalise?",
      back: "Each token's features  \n(over d\\_model)",
    },
    { note: "rev#Guid", ordinal: 0, slug: "transformers", kind: "REVERSED", front: "RMSNorm", back: "LayerNorm without the mean" },
    { note: "rev#Guid", ordinal: 1, slug: "transformers", kind: "REVERSED", front: "LayerNorm without the mean", back: "RMSNorm" },
    { note: "opt%Guid", ordinal: 1, slug: "transformers", kind: "REVERSED", front: "Grouped-query attention", back: "GQA" },
    {
      note: "cloze/Gd",
      ordinal: 0,
      slug: "transformers-attention",
      kind: "CLOZE",
      front: "Attention is […](QK^T / $\\sqrt{d_k}$) V",
      back: "Attention is **softmax**(QK^T / $\\sqrt{d_k}$) V\n\nSee ![](<diagram.png>)",
    },
    {
      note: "cloze/Gd",
      ordinal: 1,
      slug: "transformers-attention",
      kind: "CLOZE",
      front: "Attention is softmax(QK^T / [scale]) V",
      back: "Attention is softmax(QK^T / **$\\sqrt{d_k}$**) V\n\nSee ![](<diagram.png>)",
    },
    { note: "vocab+1", ordinal: 0, slug: "default", kind: "BASIC", front: "猫", back: "ねこ\n\ncat" },
  ] as const;

  it.each(KINDS)("$note card $ordinal → $kind", async ({ note, ordinal, slug, kind, front, back }) => {
    const card = cardsOf(await convert(build)).find((c) => c.externalId === `${noteKey(note)}:${ordinal}`);
    expect(card).toMatchObject({ slug, kind, front, back, siblingKey: noteKey(note), role: "RECALL" });
  });

  it("derives external ids from guid and ordinal: valid, unique, the same on every import", async () => {
    const first = cardsOf(await convert(build)).map((c) => c.externalId);
    const again = cardsOf(await convert(build)).map((c) => c.externalId);
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    for (const id of first) expect(ExternalIdSchema.safeParse(id).success).toBe(true);
  });

  it("carries suspended and buried cards' flags", async () => {
    const out = await convert(build);
    expect(scheduleOf(out, `${noteKey("rev#Guid")}:1`)).toMatchObject({ ankiCardId: 202, suspended: true, buried: false });
    expect(scheduleOf(out, `${noteKey("opt%Guid")}:0`)).toMatchObject({ ankiCardId: 301, suspended: false, buried: true });
  });

  it("replays a reviewed card into REVIEW, due in the future of its last review, with one row per review", async () => {
    const replay = defined(scheduleOf(await convert(build), `${noteKey("Ab3$x!q")}:0`)?.replay, "the replayed history");
    expect(replay.reviews.map((r) => r.log.rating)).toEqual([3, 3, 3, 3]);
    expect(replay.state?.state).toBe("REVIEW");
    expect(replay.state?.due.getTime()).toBeGreaterThan(T0 + 13 * DAY + 10 * DAY);
  });

  it("skips cram and manual entries but keeps learning steps", async () => {
    const replay = defined(scheduleOf(await convert(build), `${noteKey("cloze/Gd")}:0`)?.replay, "the replayed history");
    expect(replay.reviews.map((r) => [r.log.rating, r.log.reviewedAt.getTime() - T0])).toEqual([
      [1, 2 * 3_600_000],
      [3, 3 * 3_600_000],
      [4, 3 * DAY + 2 * 3_600_000],
    ]);
  });

  it("leaves cards without history new", async () => {
    expect(scheduleOf(await convert(build), `${noteKey("rev#Guid")}:0`)?.replay).toEqual({ state: null, reviews: [] });
  });

  it("lists the media each module's cards reference, and keeps only those files", async () => {
    const out = await convert(build);
    expect(out.modules.find((m) => m.module.slug === "transformers-attention")?.media).toEqual(["diagram.png"]);
    expect(out.media.map((m) => m.name)).toEqual(["diagram.png"]);
  });

  it("places each card at its note's number in its deck, with Anki's note id beside it", async () => {
    const out = await convert(build);
    const places = Object.fromEntries(
      out.modules.map((m) => [m.module.slug, m.module.cards.map((c) => [c.externalId.split(":")[1], c.source.line, c.source.file])]),
    );
    expect(places["transformers-attention"]).toEqual([
      ["0", 1, "anki note 1"],
      ["0", 2, "anki note 4"],
      ["1", 2, "anki note 4"],
    ]);
    expect(places.transformers?.map(([, line]) => line)).toEqual([1, 1, 2, 2]);
  });

  it("says what it approximated and dropped", async () => {
    const out = await convert(build);
    expect(out.noteTypes.find((t) => t.name === "Vocabulary")).toEqual({ name: "Vocabulary", treatedAs: "FIRST_FIELD_FRONT", notes: 1 });
    expect(Object.fromEntries(out.notices.map((n) => [n.code, n.count]))).toEqual({
      FIRST_FIELD_FRONT: 1,
      SOUND_DROPPED: 1,
      CRAM_REVIEWS_SKIPPED: 1,
      MANUAL_RESCHEDULES_SKIPPED: 1,
    });
  });
});

describe("convertAnkiCollection edge cases", () => {
  it("resets to new on Anki's Forget and skips cards whose cloze number is gone", async () => {
    const input = sampleCollection();
    input.cards = input.cards.map((c) =>
      c.id === 101
        ? { ...c, history: [...c.history, { id: T0 + 20 * DAY, ease: 0, interval: 0, lastInterval: 24, factor: 0, timeMs: 0, kind: "MANUAL" as const }] }
        : c,
    );
    input.cards.push({ id: 403, noteId: 4, deckId: 2001, ordinal: 4, type: 0, queue: 0, suspended: false, buried: false, due: 9, history: [] });
    const out = await convertAnkiCollection(await readAnkiPackage(await writeAnkiPackage(input, now)), { settings: DEFAULT_SCHEDULER_SETTINGS });
    const replay = defined(scheduleOf(out, `${noteKey("Ab3$x!q")}:0`)?.replay, "the replayed history");
    expect(replay.state).toBeNull();
    expect(replay.reviews).toHaveLength(4);
    const skipped = out.modules.flatMap((m) => m.module.skipped);
    expect(skipped.map((s) => s.reason)).toEqual(["the note has no {{c5::…}} gap"]);
    expect(out.notices.find((n) => n.code === "RESET_TO_NEW")?.count).toBe(1);
  });
});

describe("deckTitle", () => {
  it.each([
    ["Japanese::Vocab N5", "Japanese › Vocab N5"],
    ["A:: B ::C", "A › B › C"],
    ["Default", "Default"],
    ["::", "Default"],
  ])("%s → %s", (name, title) => expect(deckTitle(name)).toBe(title));
});

describe("deckSlug", () => {
  it.each([
    ["Japanese::Vocab N5", "japanese-vocab-n5"],
    ["  Café – déjà vu ", "cafe-deja-vu"],
    ["Default", "default"],
  ])("%s → %s", (name, slug) => expect(deckSlug(name)).toBe(slug));

  it("gives a name with no latin letters a hash slug", () => {
    expect(deckSlug("日本語")).toMatch(/^deck-[0-9a-f]{8}$/);
  });
});
