import { beforeEach, describe, expect, it } from "vitest";
import type { AnkiPackageInput } from "@/lib/anki/write-package";
import { writeAnkiPackage } from "@/lib/anki/write-package";
import type { PrismaClient } from "@/lib/db/generated/client";
import { importAnkiUpload } from "@/lib/imports/anki-import";
import { resetDb, testDb } from "../support/db";
import { createUser } from "../support/fixtures";
import { GOOD_THRICE, NOTE_TYPES } from "../../unit/anki/support/sample-collection";

const NOW = new Date("2025-03-01T09:00:00Z");
const TABLES = ["module", "card", "card_state", "review_log", "enrollment"];

/** `notes` basic notes in one deck, each card with the four reviews of GOOD_THRICE. */
function collection(notes: number): AnkiPackageInput {
  const ids = Array.from({ length: notes }, (_, i) => i + 1);
  return {
    decks: [{ id: 7, name: "Big", path: ["Big"], filtered: false }],
    noteTypes: NOTE_TYPES,
    notes: ids.map((id) => ({ id, guid: `note-${id}`, noteTypeId: 1001, fields: [`Question ${id}`, `Answer ${id}`], tags: [] })),
    cards: ids.map((id) => ({
      id: 1000 + id,
      noteId: id,
      deckId: 7,
      ordinal: 0,
      type: 2,
      queue: 2,
      suspended: false,
      buried: false,
      due: 30,
      history: GOOD_THRICE,
    })),
    media: [],
  };
}

/** Manual ANALYZE runs per table (autovacuum's own are counted apart, in autoanalyze_count). */
async function analyzeCounts(db: PrismaClient): Promise<Record<string, number>> {
  const rows = await db.$queryRaw<{ relname: string; n: number }[]>`
    SELECT relname, analyze_count::int AS n FROM pg_stat_user_tables WHERE relname = ANY(${TABLES})`;
  return Object.fromEntries(rows.map((r) => [r.relname, r.n]));
}

describe("planner statistics after an Anki import", () => {
  beforeEach(resetDb);

  it("analyzes the tables a large import grew once it has committed, and not after a small one", async () => {
    const db = testDb();
    const user = await createUser(db);
    const before = await analyzeCounts(db);

    // 20 cards, 20 states, 80 reviews: below the threshold.
    const small = await importAnkiUpload(db, { userId: user.id, bytes: await writeAnkiPackage(collection(20), NOW), dryRun: false }, NOW);
    expect(small.written).toEqual({ cards: 20, reviews: 80, images: 0 });
    expect(await analyzeCounts(db)).toEqual(before);

    // 300 cards, 300 states, 1,200 reviews.
    const other = await createUser(db, "other");
    const large = await importAnkiUpload(db, { userId: other.id, bytes: await writeAnkiPackage(collection(300), NOW), dryRun: false }, NOW);
    expect(large.written).toEqual({ cards: 300, reviews: 1200, images: 0 });
    const after = await analyzeCounts(db);
    for (const table of TABLES) expect(after[table], table).toBe((before[table] ?? 0) + 1);
  });
});
