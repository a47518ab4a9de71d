// Daily limits and display order in the pure queue: the review limit (the
// day's and a module preset's), new cards stopping at it unless they ignore
// it, and the three review orders with the three places for new cards.
import { describe, expect, it } from "vitest";
import { buildQueue, nextDueAfter, orderReviews, type QueueInput, type QueueModule, type QueueStateCard } from "@/lib/scheduling";

const NOW = new Date("2026-11-23T10:00:00.000Z");
const DAY_END = new Date("2026-11-24T04:00:00.000Z");
const DAY_MS = 86_400_000;

/** A review card due `overdueDays` before NOW, last reviewed `sinceDays` before NOW with `stability`. */
function review(cardId: string, overdueDays: number, extra: Partial<QueueStateCard> = {}): QueueStateCard {
  return { cardId, siblingKey: cardId, due: new Date(NOW.getTime() - overdueDays * DAY_MS), state: "REVIEW", ...extra };
}
const fresh = (cardId: string, moduleId?: string) => ({ cardId, siblingKey: cardId, moduleId });

function input(overrides: Partial<QueueInput>): QueueInput {
  return { dueCards: [], newCandidates: [], newIntroducedToday: 0, reviewedToday: [], settings: { newCardsPerDay: 20 }, studyDayEnd: DAY_END, ...overrides };
}

const module = (overrides: Partial<QueueModule>): QueueModule => ({
  group: "light",
  order: { reviewOrder: "DUE", newCardMix: "MIXED" },
  maximumReviewsPerDay: 9999,
  newIgnoresReviewLimit: true,
  reviewsToday: 0,
  newToday: 0,
  ...overrides,
});

const reviews = (n: number, extra: Partial<QueueStateCard> = {}) => Array.from({ length: n }, (_, i) => review(`r${i}`, n - i, extra));
const news = (n: number, moduleId?: string) => Array.from({ length: n }, (_, i) => fresh(`n${i}`, moduleId));

describe("maximum reviews per day", () => {
  const cases: { name: string; input: QueueInput; counts: { review: number; new: number }; held: object }[] = [
    {
      name: "no limit set: every due review, new cards mixed in",
      input: input({ dueCards: reviews(5), newCandidates: news(3) }),
      counts: { review: 5, new: 3 },
      held: { review: 0, reviewLimit: null, newLimit: null },
    },
    {
      name: "the day's limit less today's reviews holds the rest back, and new cards stop with it",
      input: input({ dueCards: reviews(5), newCandidates: news(3), reviewsToday: 1, settings: { newCardsPerDay: 20, maximumReviewsPerDay: 4 } }),
      counts: { review: 3, new: 0 },
      held: { review: 2, reviewLimit: "day", newLimit: "review-limit" },
    },
    {
      name: "new cards introduced today count towards the review limit",
      input: input({ dueCards: reviews(5), newIntroducedToday: 2, settings: { newCardsPerDay: 20, maximumReviewsPerDay: 4 } }),
      counts: { review: 2, new: 0 },
      held: { review: 3, reviewLimit: "day", newLimit: null },
    },
    {
      name: "room left after the reviews goes to new cards",
      input: input({ dueCards: reviews(2), newCandidates: news(5), settings: { newCardsPerDay: 20, maximumReviewsPerDay: 4 } }),
      counts: { review: 2, new: 2 },
      held: { review: 0, reviewLimit: null, newLimit: "review-limit" },
    },
    {
      name: "new cards that ignore the review limit keep their own",
      input: input({
        dueCards: reviews(5),
        newCandidates: news(3),
        newIntroducedToday: 2,
        settings: { newCardsPerDay: 4, maximumReviewsPerDay: 4, newIgnoresReviewLimit: true },
      }),
      counts: { review: 4, new: 2 },
      held: { review: 1, reviewLimit: "day", newLimit: "day" },
    },
    {
      name: "a module's preset caps its own reviews within the day's",
      input: input({
        dueCards: [...reviews(3), ...["a", "b", "c"].map((id, i) => review(id, 10 - i, { moduleId: "m1" }))],
        modules: new Map([["m1", module({ maximumReviewsPerDay: 2, reviewsToday: 1 })]]),
      }),
      counts: { review: 4, new: 0 },
      held: { review: 2, reviewLimit: "module", newLimit: null },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const queue = buildQueue(c.input, NOW);
      expect({ review: queue.counts.review, new: queue.counts.new }).toEqual(c.counts);
      expect(queue.held).toEqual(c.held);
    });
  }

  it("never holds back a card in its learning steps", () => {
    const learning: QueueStateCard = { cardId: "l", siblingKey: "l", due: new Date(NOW.getTime() - 60_000), state: "LEARNING" };
    const queue = buildQueue(input({ dueCards: [learning, ...reviews(3)], settings: { newCardsPerDay: 0, maximumReviewsPerDay: 0 } }), NOW);
    expect(queue.items.map((i) => i.cardId)).toEqual(["l"]);
    expect(queue.held.review).toBe(3);
  });

  it("with only limits holding cards back, the next card comes when the study day ends", () => {
    expect(nextDueAfter(input({ dueCards: reviews(2), settings: { newCardsPerDay: 0, maximumReviewsPerDay: 0 } }), NOW)).toEqual(DAY_END);
  });
});

describe("display order", () => {
  // Days since the last review over stability: r-risky 10, r-mid 3, r-old 2. By due: r-old (9 days overdue), r-mid (5), r-risky (1).
  const cards = [
    review("r-old", 9, { lastReview: new Date(NOW.getTime() - 20 * DAY_MS), stability: 10 }),
    review("r-risky", 1, { lastReview: new Date(NOW.getTime() - 30 * DAY_MS), stability: 3 }),
    review("r-mid", 5, { lastReview: new Date(NOW.getTime() - 12 * DAY_MS), stability: 4 }),
  ];

  it("due date: most overdue first", () => {
    expect(orderReviews(cards, "DUE", NOW, "2026-11-23").map((c) => c.cardId)).toEqual(["r-old", "r-mid", "r-risky"]);
  });

  it("retrievability ascending: most at risk (days since review over stability) first", () => {
    expect(orderReviews(cards, "RETRIEVABILITY", NOW, "2026-11-23").map((c) => c.cardId)).toEqual(["r-risky", "r-mid", "r-old"]);
  });

  it("random: a shuffle that holds all day and changes with the day", () => {
    const many = reviews(40);
    const today = orderReviews(many, "RANDOM", NOW, "2026-11-23").map((c) => c.cardId);
    expect(orderReviews([...many].reverse(), "RANDOM", NOW, "2026-11-23").map((c) => c.cardId)).toEqual(today);
    expect(orderReviews(many, "RANDOM", NOW, "2026-11-24").map((c) => c.cardId)).not.toEqual(today);
    expect([...today].sort()).toEqual(many.map((c) => c.cardId).sort());
    expect(today).not.toEqual(orderReviews(many, "DUE", NOW, "2026-11-23").map((c) => c.cardId));
  });

  const mixes = [
    { mix: "BEFORE", expected: ["n0", "n1", "r0", "r1", "r2", "r3"] },
    { mix: "AFTER", expected: ["r0", "r1", "r2", "r3", "n0", "n1"] },
    // New card i follows ⌈(i+1)·R/(N+1)⌉ reviews: 2, then 3.
    { mix: "MIXED", expected: ["r0", "r1", "n0", "r2", "n1", "r3"] },
  ] as const;
  for (const { mix, expected } of mixes) {
    it(`new cards ${mix.toLowerCase()} reviews`, () => {
      const queue = buildQueue(
        input({ dueCards: reviews(4), newCandidates: news(2), settings: { newCardsPerDay: 20, order: { reviewOrder: "DUE", newCardMix: mix } } }),
        NOW,
      );
      expect(queue.items.map((i) => i.cardId)).toEqual(expected);
    });
  }

  it("modules under another preset keep that preset's order and are spread through the day", () => {
    const own = reviews(2);
    const other = ["x0", "x1"].map((id, i) => review(id, 20 - i, { moduleId: "m1" }));
    const queue = buildQueue(
      input({
        dueCards: [...own, ...other],
        newCandidates: [fresh("nx", "m1")],
        settings: { newCardsPerDay: 20, order: { reviewOrder: "DUE", newCardMix: "AFTER" } },
        modules: new Map([["m1", module({ order: { reviewOrder: "DUE", newCardMix: "BEFORE" } })]]),
      }),
      NOW,
    );
    // Default group: r0 r1. Preset group: nx x0 x1 (new before). Merged evenly: r0 at 1/4, nx at 1/6, x0 at 1/2 …
    expect(queue.items.map((i) => i.cardId)).toEqual(["nx", "r0", "x0", "r1", "x1"]);
  });
});
