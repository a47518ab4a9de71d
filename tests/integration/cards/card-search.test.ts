import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { type CardListItem, searchCards } from "@/lib/cards/card-search";
import { CardSearchQuerySchema, type CardSearchQuery } from "@/lib/cards/card-schemas";
import { AppError } from "@/lib/errors/app-error";
import { recordReview } from "@/lib/reviews/record-review";
import { actOnCard } from "@/lib/cards/act-on-cards";
import { resetDb, testDb } from "../support/db";
import { addCards, hours, learnerWithModules, T0 } from "./support";

const query = (params: Record<string, string> = {}): CardSearchQuery => CardSearchQuerySchema.parse(params);

describe("searching one's cards", () => {
  beforeEach(resetDb);

  it("finds cards by words of the front or back, as prefixes, in any case, never another learner's private cards", async () => {
    const db = testDb();
    const { me, other, mine, theirs } = await learnerWithModules(db);
    const [gqa = "", rms = "", hyphen = ""] = await addCards(db, mine.id, [
      { front: "What does GQA share between heads?", back: "Keys and values" },
      { front: "Why RMSNorm?", back: "It skips the mean: cheaper than LayerNorm" },
      { front: "Where do pre-norm blocks put the norm?", back: "Before attention, d_model wide" },
    ]);
    const [secret = ""] = await addCards(db, theirs.id, [{ front: "GQA secret of another learner", back: "hidden" }]);
    const ids = async (q: string, userId = me.id) => (await searchCards(db, userId, query({ q }), T0)).cards.map((c) => c.id);

    expect(await ids("gqa")).toEqual([gqa]);
    expect(await ids("GQ")).toEqual([gqa]);
    expect(await ids("rmsnorm")).toEqual([rms]);
    expect(await ids("layernorm")).toEqual([rms]);
    expect(await ids("cheap mean")).toEqual([rms]);
    expect(await ids("pre-norm")).toEqual([hyphen]);
    expect(await ids("d_model")).toEqual([hyphen]);
    expect(await ids("keys VALUES")).toEqual([gqa]);
    expect(await ids("nothing-like-this")).toEqual([]);
    expect(await ids("secret")).toEqual([]);
    expect(await ids("GQA", other.id)).toEqual([secret]);
    // The public course the learner is enrolled in is searched too.
    expect(await ids("question 1")).toHaveLength(1);
  });

  it("keeps each card's words and their prefixes in generated columns, the prefixes indexed, and follows edits", async () => {
    const db = testDb();
    const [index] = await db.$queryRaw<{ indexdef: string }[]>`SELECT indexdef FROM pg_indexes WHERE indexname = 'card_search_idx'`;
    expect(index?.indexdef).toContain('USING gin ("moduleId", "searchPrefixes")');
    const { me, mine } = await learnerWithModules(db);
    const [card = ""] = await addCards(db, mine.id, [{ front: "Sliding-window attention", back: "Each query sees the last W keys" }]);
    const [row] = await db.$queryRaw<{ prefixes: string }[]>`SELECT "searchPrefixes"::text AS prefixes FROM card WHERE id = ${card}::uuid`;
    // Prefixes stop at 10 characters: "attention" is whole, "sliding" and "window" are words of their own.
    expect(row?.prefixes.split(" ")).toEqual(expect.arrayContaining(["'a'", "'att'", "'attention'", "'slid'", "'window'", "'w'"]));
    const ids = async (q: string) => (await searchCards(db, me.id, query({ q }), T0)).cards.map((c) => c.id);
    // A word longer than the stored prefixes is decided by the whole words.
    await db.card.update({ where: { id: card }, data: { back: "Tokenisation-independent windowing" } });
    expect(await ids("tokenisation")).toEqual([card]);
    expect(await ids("tokenisatio")).toEqual([card]);
    expect(await ids("tokenisations")).toEqual([]);
    expect(await ids("keys")).toEqual([]);
  });

  it("filters by module, tag, state, due, suspended, leech and lapses", async () => {
    const db = testDb();
    const { me, course, mine } = await learnerWithModules(db);
    const [a = "", b = "", c = ""] = await addCards(db, mine.id, [
      { front: "alpha", back: "x", tags: ["attn"] },
      { front: "beta", back: "x", tags: ["attn", "kv"] },
      { front: "gamma", back: "x" },
    ]);
    const ids = async (params: Record<string, string>) =>
      (await searchCards(db, me.id, query({ module: "mine", sort: "created", ...params }), hours(1))).cards.map((x) => x.id);
    const review = (cardId: string, rating: 1 | 2 | 3 | 4, at: Date) => recordReview(db, { userId: me.id, reviewId: randomUUID(), cardId, rating }, at);

    expect(await ids({})).toEqual([a, b, c]);
    expect((await searchCards(db, me.id, query({ module: "course" }), T0)).cards.map((x) => x.id).sort()).toEqual([...course.cardIds].sort());
    expect(await ids({ tag: "attn" })).toEqual([a, b]);
    expect(await ids({ tag: "kv" })).toEqual([b]);

    await review(a, 4, T0); // Easy: a review card due days later
    await review(b, 1, T0); // Again: learning, due within minutes
    expect(await ids({ state: "new" })).toEqual([c]);
    expect(await ids({ state: "review" })).toEqual([a]);
    expect(await ids({ state: "learning" })).toEqual([b]);
    expect(await ids({ due: "today" })).toEqual([b]);
    expect(await ids({ due: "overdue" })).toEqual([]);
    expect((await searchCards(db, me.id, query({ module: "mine", due: "overdue", sort: "created" }), hours(24 * 60))).cards.map((x) => x.id)).toEqual([a, b]);

    await actOnCard(db, me.id, c, { action: "suspend" }, T0);
    expect(await ids({ suspended: "1" })).toEqual([c]);
    // Suspending a card never reviewed keeps it new.
    expect(await ids({ state: "new" })).toEqual([c]);

    await db.cardState.updateMany({ where: { userId: me.id, cardId: b }, data: { lapses: 9, isLeech: true } });
    expect(await ids({ leech: "1" })).toEqual([b]);
    expect(await ids({ lapses: "3" })).toEqual([b]);
    expect(await ids({ lapses: "0" })).toEqual([a, b, c]);

    const unknown = await searchCards(db, me.id, query({ module: "theirs" }), T0).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(AppError);
    expect((unknown as AppError).code).toBe("NOT_FOUND");
  });

  it("pages with a cursor: every card once, in order, even when cards are added between pages", async () => {
    const db = testDb();
    const { me, mine } = await learnerWithModules(db);
    const cards = await addCards(
      db,
      mine.id,
      Array.from({ length: 23 }, (_, i) => ({ front: `card ${i}`, back: "paging" })),
    );
    for (const [order, expected] of [
      ["asc", cards],
      ["desc", [...cards].reverse()],
    ] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 10; page++) {
        const result = await searchCards(db, me.id, query({ q: "paging", sort: "created", order, limit: "5", ...(cursor ? { cursor } : {}) }), T0);
        seen.push(...result.cards.map((c) => c.id));
        if (page === 1) await addCards(db, mine.id, [{ front: "late", back: "paging" }], new Date(T0.getTime() - 86_400_000));
        if (!result.nextCursor) break;
        cursor = result.nextCursor;
      }
      const late = seen.filter((id) => !cards.includes(id));
      expect(seen.filter((id) => cards.includes(id))).toEqual(expected);
      expect(new Set(seen).size).toBe(seen.length);
      // The late card sorts before the first page in ascending order, so only a descending walk reaches it.
      expect(late).toHaveLength(order === "desc" ? 1 : 0);
      await db.card.deleteMany({ where: { front: "late" } });
    }
    // Sorting by lapses pages the same way; a cursor from another order is refused.
    const byLapses = await searchCards(db, me.id, query({ module: "mine", sort: "lapses", limit: "10" }), T0);
    expect(byLapses.nextCursor).not.toBeNull();
    const wrong = await searchCards(db, me.id, query({ module: "mine", sort: "created", cursor: byLapses.nextCursor ?? "" }), T0).catch((e: unknown) => e);
    expect((wrong as AppError).code).toBe("VALIDATION");
  });
});

describe("reading a search a stretch at a time", () => {
  beforeEach(resetDb);

  it("gives the cards of sorting every match, in the same order, however little a page may read", async () => {
    const db = testDb();
    const { me, mine, spare } = await learnerWithModules(db);
    const words = ["attention", "cache", "rope"];
    const text = (i: number) => ({ front: `card ${i} ${words[i % 3]}`, back: i % 4 === 0 ? "kv cache" : "plain", tags: i % 5 === 0 ? ["five"] : [] });
    const ours = [
      ...(await addCards(
        db,
        mine.id,
        Array.from({ length: 30 }, (_, i) => text(i)),
      )),
      ...(await addCards(
        db,
        spare.id,
        Array.from({ length: 12 }, (_, i) => text(30 + i)),
        hours(-5),
      )),
    ];
    // Two cards in three get a schedule: due dates spread over days (two share one), lapses 0–4, a few suspended new cards.
    await db.cardState.createMany({
      data: ours.flatMap((cardId, i) =>
        i % 3 === 2
          ? []
          : [
              {
                userId: me.id,
                cardId,
                due: hours(i % 7 === 0 ? 30 : ((i * 37) % 50) - 10),
                stability: 5,
                difficulty: 5,
                elapsedDays: 1,
                scheduledDays: 1,
                learningSteps: 0,
                reps: 1 + (i % 3),
                lapses: i % 5,
                state: i % 11 === 0 ? ("NEW" as const) : i % 4 === 0 ? ("RELEARNING" as const) : ("REVIEW" as const),
                suspendedAt: i % 11 === 0 ? T0 : null,
              },
            ],
      ),
    });
    const all = async (params: Record<string, string>, effort?: { walk: number; gather: number }, limit = "4") => {
      const seen: CardListItem[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 200; page++) {
        const result = await searchCards(db, me.id, query({ ...params, limit, ...(cursor ? { cursor } : {}) }), T0, effort);
        seen.push(...result.cards);
        if (!result.nextCursor) return seen;
        cursor = result.nextCursor;
      }
      throw new Error(`paging did not end: ${JSON.stringify({ params, effort, seen: seen.length })}`);
    };
    // The order asked for, written out: new cards (no due date) after every scheduled one; ties by id.
    const sortKey = {
      due: (c: CardListItem) => c.due ?? "9999",
      created: (c: CardListItem) => c.createdAt,
      updated: (c: CardListItem) => c.updatedAt,
      lapses: (c: CardListItem) => c.lapses,
    };
    const inOrder = (cards: CardListItem[], sort: keyof typeof sortKey, order: string) =>
      [...cards]
        .sort((a, b) => {
          const [x, y] = [sortKey[sort](a), sortKey[sort](b)];
          const byKey = x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : 1;
          return order === "desc" ? -byKey : byKey;
        })
        .map((c) => c.id);
    const searches: Record<string, string>[] = [
      {},
      { q: "cache" },
      { q: "kv cach" },
      { q: "rope", state: "review" },
      { tag: "five" },
      { lapses: "2" },
      { state: "new" },
      { due: "today" },
      { q: "zebra" },
    ];
    for (const sort of ["due", "created", "updated", "lapses"] as const) {
      for (const order of ["asc", "desc"]) {
        for (const filter of searches) {
          const params = { ...filter, sort, order };
          const matches = await all(params, undefined, "100");
          const expected = inOrder(matches, sort, order);
          expect({ params, ids: matches.map((c) => c.id) }).toEqual({ params, ids: expected });
          for (const effort of [
            { walk: 3, gather: 4 },
            { walk: 2, gather: 1 },
          ]) {
            expect({ params, effort, ids: (await all(params, effort)).map((c) => c.id) }).toEqual({ params, effort, ids: expected });
          }
        }
      }
    }
    expect((await all({}, undefined, "100")).length).toBe(ours.length + 3);
  });
});
