// POST /api/imports on real Postgres: a dry run writes nothing, a commit
// creates the importer's own module and enrols them, the same file again
// changes nothing, an edited file updates in place and keeps the reviews,
// nobody writes into the public course or another user's module, and
// oversized, non-UTF-8 and form uploads are refused with nothing written.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import * as importsRoute from "@/app/api/imports/route";
import { getTodayQueue } from "@/lib/queue/today-queue";
import { recordReview } from "@/lib/reviews/record-review";
import type { ImportResult } from "@/lib/imports/import-upload";
import { IMPORT_LIMIT_BYTES } from "@/lib/imports/limits";
import { catalogue } from "@/exercises/catalogue";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createModuleWithCards, createUser } from "../support/fixtures";

const NOTES = [
  "# Attention notes",
  "",
  "Is MLA worth it?",
  "",
  "**1. Why scale the scores by √d_k?**",
  "",
  "To keep the logits near unit variance.",
  "",
  "**2.** What does the causal mask do?",
  "",
  "Stops a position from seeing later ones.",
  "",
  "### What is a KV cache?",
  "The keys and values of past tokens.",
].join("\n");

type Body = string | Uint8Array | ReadableStream<Uint8Array>;

/** Text is sent as bytes: a string body would be declared text/plain, which the route refuses. */
function post(auth: string, query: string, body: Body, headers: Record<string, string> = {}) {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  const init = { method: "POST", body: bytes, headers: { authorization: auth, ...headers }, duplex: "half" } as RequestInit & { duplex: "half" };
  return importsRoute.POST(new Request(`http://localhost/api/imports?${query}`, init), undefined);
}

async function learner() {
  const db = testDb();
  const user = await createUser(db);
  return { db, user, auth: await bearerFor(db, user.id) };
}

async function ok(response: Response): Promise<ImportResult> {
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as ImportResult;
}

const counts = (r: ImportResult) => Object.fromEntries(Object.entries(r.cards).map(([k, v]) => [k, v.total]));

describe("POST /api/imports", () => {
  beforeEach(resetDb);

  it("previews without writing, then commits into the importer's own module and its queue", async () => {
    const { db, user, auth } = await learner();
    const preview = await ok(await post(auth, "module=attention&dryRun=1&filename=attention.md", NOTES));
    expect(preview).toMatchObject({ committed: false, format: "markdown", module: { slug: "attention", title: "Attention notes", id: null }, notice: null });
    expect(counts(preview)).toEqual({ created: 3, updated: 0, restored: 0, unchanged: 0, archived: 0 });
    expect(preview.cards.created.items.map((c) => [c.line, c.front])).toEqual([
      [5, "Why scale the scores by √d_k?"],
      [9, "What does the causal mask do?"],
      [13, "What is a KV cache?"],
    ]);
    expect(preview.unread.items).toMatchObject([{ line: 3, text: "Is MLA worth it?", reason: expect.stringMatching(/not read as a question/) }]);
    expect(await db.module.count()).toBe(0);

    const committed = await ok(await post(auth, "module=attention&filename=attention.md", NOTES));
    expect(committed.committed).toBe(true);
    expect(counts(committed)).toEqual(counts(preview));
    const module = await db.module.findUniqueOrThrow({ where: { scope_slug: { scope: user.id, slug: "attention" } } });
    expect(module).toMatchObject({ id: committed.module.id, ownerId: user.id, title: "Attention notes" });
    expect(await db.enrollment.count({ where: { userId: user.id, moduleId: module.id } })).toBe(1);
    const queue = await getTodayQueue(db, catalogue, user.id, new Date());
    const fronts = await db.card.findMany({ where: { id: { in: queue.cards.map((c) => c.cardId) } }, select: { front: true } });
    expect(fronts.map((c) => c.front)).toEqual(expect.arrayContaining(["Why scale the scores by √d_k?", "What is a KV cache?"]));
  });

  it("changes nothing on the same file again, and updates an edited card in place keeping its reviews", async () => {
    const { db, user, auth } = await learner();
    await ok(await post(auth, "module=attention", NOTES));
    const before = await db.card.findMany({ orderBy: { position: "asc" } });

    const again = await ok(await post(auth, "module=attention", NOTES));
    expect(counts(again)).toEqual({ created: 0, updated: 0, restored: 0, unchanged: 3, archived: 0 });
    expect(await db.card.findMany({ orderBy: { position: "asc" } })).toEqual(before);

    const reviewed = before[1];
    if (!reviewed) throw new Error("no second card");
    await recordReview(db, { userId: user.id, reviewId: randomUUID(), cardId: reviewed.id, rating: 3 }, new Date());
    const edited = NOTES.replace("Stops a position from seeing later ones.", "Adds −∞ to the scores of later positions.").replace(
      /\n### What is a KV cache\?\nThe keys and values of past tokens\.$/,
      "",
    );
    const preview = await ok(await post(auth, "module=attention&dryRun=1", edited));
    expect(counts(preview)).toEqual({ created: 0, updated: 1, restored: 0, unchanged: 1, archived: 1 });
    expect(preview.cards.archived.items).toEqual([{ externalId: before[2]?.externalId, front: "What is a KV cache?" }]);

    await ok(await post(auth, "module=attention", edited));
    const after = await db.card.findUniqueOrThrow({ where: { id: reviewed.id } });
    expect(after.back).toBe("Adds −∞ to the scores of later positions.");
    expect(await db.cardState.count({ where: { cardId: reviewed.id, userId: user.id } })).toBe(1);
    expect(await db.reviewLog.count({ where: { cardId: reviewed.id } })).toBe(1);
    expect((await db.card.findUniqueOrThrow({ where: { id: before[2]?.id } })).archivedAt).not.toBeNull();
  });

  it("never writes into the public course or another user's module with the same slug", async () => {
    const { db, auth } = await learner();
    const other = await learner();
    const course = await createModuleWithCards(db, { slug: "shared", cards: 2 });
    await ok(await post(other.auth, "module=shared", "Q: Theirs?\nA: Yes."));
    const theirs = await db.card.findMany({ where: { module: { scope: other.user.id } } });

    const mine = await ok(await post(auth, "module=shared", NOTES));
    expect(counts(mine).created).toBe(3);
    expect(await db.card.findMany({ where: { moduleId: course.moduleId }, select: { id: true } })).toHaveLength(2);
    expect(await db.card.findMany({ where: { module: { scope: other.user.id } } })).toEqual(theirs);
    expect(await db.module.count({ where: { slug: "shared" } })).toBe(3);
  });

  it("imports CSV rows, and a re-import with an edited back updates in place", async () => {
    const { db, auth } = await learner();
    const csv = 'front,back,tags\nWhat is d_head for 512/8?,64,numbers\n"Why GQA?","Smaller cache,\nsame quality",attention kv\n';
    const first = await ok(await post(auth, "module=cards&filename=cards.csv", csv, { "content-type": "text/csv" }));
    expect(first).toMatchObject({ format: "csv", module: { title: "cards" } });
    expect(counts(first).created).toBe(2);
    const ids = (await db.card.findMany({ orderBy: { position: "asc" } })).map((c) => c.id);
    const second = await ok(await post(auth, "module=cards&filename=cards.csv", csv.replace("64,", "sixty-four,")));
    expect(counts(second)).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect((await db.card.findMany({ orderBy: { position: "asc" } })).map((c) => c.id)).toEqual(ids);
  });

  it("refuses a 50 MB upload while it streams, and cancels it", async () => {
    const { db, auth } = await learner();
    const chunk = new TextEncoder().encode("q,a\n".repeat(16_384));
    const state = { pulled: 0, cancelled: false };
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (state.pulled >= 50_000_000) return controller.close();
        state.pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
      cancel() {
        state.cancelled = true;
      },
    });
    const response = await post(auth, "module=big&filename=big.csv", body);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/larger than 10 MiB/);
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThanOrEqual(IMPORT_LIMIT_BYTES + 2 * chunk.byteLength);
    expect(await db.module.count()).toBe(0);

    const declared = await post(auth, "module=big", "x", { "content-length": String(50_000_000) });
    expect(declared.status).toBe(413);
  });

  it("refuses text that is not UTF-8, a form upload and a commit with no cards, writing nothing", async () => {
    const { db, auth } = await learner();
    const latin1 = await post(auth, "module=m&filename=notes.csv", Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x2c, 0x62]));
    expect(latin1.status).toBe(422);
    expect(((await latin1.json()) as { error: { message: string } }).error.message).toMatch(/"notes\.csv" is not UTF-8 text/);

    const form = await post(auth, "module=m", "Q: a?\nA: b", { "content-type": "multipart/form-data; boundary=x" });
    expect(form.status).toBe(415);

    const empty = await post(auth, "module=m", "# Notes\n\nJust prose.");
    expect(empty.status).toBe(422);
    expect(((await empty.json()) as { error: { message: string } }).error.message).toMatch(/no questions found/);

    const badSlug = await post(auth, "module=Not%20A%20Slug", "Q: a?\nA: b");
    expect(badSlug.status).toBe(422);
    expect(await db.module.count()).toBe(0);
  });
});
