import { describe, expect, it } from "vitest";
import { buildQueue, nextDueAfter, type QueueInput, type QueueStateCard } from "@/lib/scheduling";

const NOW = new Date("2026-11-23T10:00:00.000Z");
const DAY_END = new Date("2026-11-24T04:00:00.000Z");

const at = (iso: string) => new Date(iso);
const learning = (cardId: string, due: string, siblingKey = cardId): QueueStateCard => ({ cardId, siblingKey, due: at(due), state: "LEARNING" });
const relearning = (cardId: string, due: string, siblingKey = cardId): QueueStateCard => ({ cardId, siblingKey, due: at(due), state: "RELEARNING" });
const review = (cardId: string, due: string, siblingKey = cardId): QueueStateCard => ({ cardId, siblingKey, due: at(due), state: "REVIEW" });
const fresh = (cardId: string, siblingKey = cardId) => ({ cardId, siblingKey });

function input(overrides: Partial<QueueInput>): QueueInput {
  return {
    dueCards: [],
    newCandidates: [],
    newIntroducedToday: 0,
    reviewedToday: [],
    settings: { newCardsPerDay: 20 },
    studyDayEnd: DAY_END,
    ...overrides,
  };
}

const ids = (q: QueueInput, now = NOW) => buildQueue(q, now).items.map((item) => item.cardId);

type Case = { name: string; input: QueueInput; expected: string[] };

const CASES: Case[] = [
  { name: "nothing to study", input: input({}), expected: [] },
  {
    name: "learning due now first (by due), then reviews oldest first",
    input: input({
      dueCards: [
        review("r-today", "2026-11-23T15:00:00.000Z"),
        learning("l-late", "2026-11-23T09:59:00.000Z"),
        review("r-old", "2026-11-20T08:00:00.000Z"),
        relearning("l-early", "2026-11-23T09:30:00.000Z"),
        review("r-yesterday", "2026-11-22T12:00:00.000Z"),
      ],
    }),
    expected: ["l-early", "l-late", "r-old", "r-yesterday", "r-today"],
  },
  {
    name: "reviews due after the study day ends wait; learning not yet due waits",
    input: input({
      dueCards: [
        review("r-tomorrow", "2026-11-24T04:00:00.000Z"),
        review("r-tonight", "2026-11-24T03:59:00.000Z"),
        learning("l-later", "2026-11-23T11:00:00.000Z"),
      ],
    }),
    expected: ["r-tonight"],
  },
  {
    name: "new cards fill the remaining daily limit in module order",
    input: input({ newCandidates: [fresh("n1"), fresh("n2"), fresh("n3"), fresh("n4")], newIntroducedToday: 18 }),
    expected: ["n1", "n2"],
  },
  {
    name: "no new cards once the limit is used up",
    input: input({ newCandidates: [fresh("n1")], newIntroducedToday: 20 }),
    expected: [],
  },
  {
    name: "a zero limit means reviews only",
    input: input({ dueCards: [review("r1", "2026-11-22T10:00:00.000Z")], newCandidates: [fresh("n1")], settings: { newCardsPerDay: 0 } }),
    expected: ["r1"],
  },
  {
    name: "new cards are spread evenly among reviews, never first",
    input: input({
      dueCards: ["1", "2", "3", "4", "5", "6"].map((n) => review(`r${n}`, `2026-11-2${n === "6" ? "3" : "2"}T0${n}:00:00.000Z`)),
      newCandidates: [fresh("n1"), fresh("n2")],
    }),
    expected: ["r1", "r2", "n1", "r3", "r4", "n2", "r5", "r6"],
  },
  {
    name: "more new cards than reviews",
    input: input({ dueCards: [review("r1", "2026-11-22T01:00:00.000Z")], newCandidates: [fresh("n1"), fresh("n2"), fresh("n3")] }),
    expected: ["r1", "n1", "n2", "n3"],
  },
  {
    name: "a sibling reviewed today buries review and new siblings until tomorrow",
    input: input({
      dueCards: [review("b-review", "2026-11-22T10:00:00.000Z", "note-b"), review("c-review", "2026-11-22T11:00:00.000Z", "note-c")],
      newCandidates: [fresh("a-reverse", "note-a"), fresh("d-new", "note-d")],
      reviewedToday: [
        { cardId: "a-front", siblingKey: "note-a" },
        { cardId: "b-front", siblingKey: "note-b" },
      ],
    }),
    expected: ["c-review", "d-new"],
  },
  {
    name: "a card's own review today does not bury it (back in relearning)",
    input: input({
      dueCards: [relearning("a", "2026-11-23T09:50:00.000Z", "note-a")],
      reviewedToday: [{ cardId: "a", siblingKey: "note-a" }],
    }),
    expected: ["a"],
  },
  {
    name: "a sibling reviewed today buries a learning card too",
    input: input({
      dueCards: [learning("a-reverse", "2026-11-23T09:00:00.000Z", "note-a")],
      reviewedToday: [{ cardId: "a-front", siblingKey: "note-a" }],
    }),
    expected: [],
  },
  {
    name: "only one card per sibling key, learning before review before new",
    input: input({
      dueCards: [
        review("x-review", "2026-11-20T10:00:00.000Z", "note-x"),
        learning("x-learning", "2026-11-23T09:00:00.000Z", "note-x"),
        review("y-review-1", "2026-11-21T10:00:00.000Z", "note-y"),
        review("y-review-2", "2026-11-20T10:00:00.000Z", "note-y"),
      ],
      newCandidates: [fresh("y-new", "note-y"), fresh("z-new-1", "note-z"), fresh("z-new-2", "note-z")],
    }),
    expected: ["x-learning", "y-review-2", "z-new-1"],
  },
  {
    name: "a learning card due later today already claims its sibling key",
    input: input({
      dueCards: [learning("a-front", "2026-11-23T10:05:00.000Z", "note-a"), review("a-reverse", "2026-11-22T10:00:00.000Z", "note-a")],
      newCandidates: [fresh("b-new")],
    }),
    expected: ["b-new"],
  },
  {
    name: "buried new cards do not use up the daily limit",
    input: input({
      newCandidates: [fresh("a-reverse", "note-a"), fresh("b1", "note-b"), fresh("b2", "note-b"), fresh("c1"), fresh("d1")],
      reviewedToday: [{ cardId: "a-front", siblingKey: "note-a" }],
      settings: { newCardsPerDay: 2 },
    }),
    expected: ["b1", "c1"],
  },
  {
    name: "suspended cards (leeches) are never queued",
    input: input({
      dueCards: [
        { ...review("leech", "2026-11-20T10:00:00.000Z"), suspended: true },
        { ...relearning("leech-2", "2026-11-23T09:00:00.000Z"), suspended: true },
        review("fine", "2026-11-21T10:00:00.000Z"),
      ],
    }),
    expected: ["fine"],
  },
  {
    name: "a NEW state row is ignored",
    input: input({ dueCards: [{ cardId: "odd", siblingKey: "odd", due: at("2026-11-22T10:00:00.000Z"), state: "NEW" }] }),
    expected: [],
  },
  {
    name: "with nothing else left, learning cards due within 20 minutes are shown early",
    input: input({ dueCards: [learning("soon", "2026-11-23T10:15:00.000Z"), learning("later", "2026-11-23T10:25:00.000Z")] }),
    expected: ["soon"],
  },
  {
    name: "no learn-ahead while other cards wait",
    input: input({ dueCards: [learning("soon", "2026-11-23T10:15:00.000Z")], newCandidates: [fresh("n1")] }),
    expected: ["n1"],
  },
  {
    name: "learn-ahead can be turned off",
    input: input({ dueCards: [learning("soon", "2026-11-23T10:15:00.000Z")], settings: { newCardsPerDay: 20, learnAheadMinutes: 0 } }),
    expected: [],
  },
  {
    name: "equal dues are ordered by card id",
    input: input({ dueCards: [review("b", "2026-11-22T10:00:00.000Z"), review("a", "2026-11-22T10:00:00.000Z")] }),
    expected: ["a", "b"],
  },
];

describe("buildQueue", () => {
  for (const c of CASES) {
    it(c.name, () => {
      expect(ids(c.input)).toEqual(c.expected);
    });
  }

  it("counts each kind and labels the items", () => {
    const queue = buildQueue(
      input({
        dueCards: [learning("l1", "2026-11-23T09:00:00.000Z"), review("r1", "2026-11-22T10:00:00.000Z"), review("r2", "2026-11-22T11:00:00.000Z")],
        newCandidates: [fresh("n1")],
      }),
      NOW,
    );
    expect(queue.counts).toEqual({ learning: 1, review: 2, new: 1 });
    expect(queue.items.map((item) => [item.cardId, item.kind])).toEqual([
      ["l1", "learning"],
      ["r1", "review"],
      ["n1", "new"],
      ["r2", "review"],
    ]);
    expect(queue.items.find((item) => item.kind === "new")?.due).toBeNull();
  });

  it("is pure: same input and instant, same queue; the input is left as it was", () => {
    const q = input({
      dueCards: [review("r2", "2026-11-22T11:00:00.000Z"), review("r1", "2026-11-22T10:00:00.000Z")],
      newCandidates: [fresh("n1")],
    });
    const before = structuredClone(q);
    expect(buildQueue(q, NOW)).toEqual(buildQueue(q, NOW));
    expect(q).toEqual(before);
  });
});

describe("nextDueAfter", () => {
  const CASES_NEXT: { name: string; input: QueueInput; expected: string | null }[] = [
    { name: "nothing at all", input: input({}), expected: null },
    {
      name: "the queue is not empty: now",
      input: input({ dueCards: [review("r1", "2026-11-22T10:00:00.000Z")] }),
      expected: NOW.toISOString(),
    },
    {
      name: "a learning card later today: its due less the learn-ahead window",
      input: input({ dueCards: [learning("l1", "2026-11-23T11:00:00.000Z"), learning("l2", "2026-11-23T12:00:00.000Z")] }),
      expected: "2026-11-23T10:40:00.000Z",
    },
    {
      name: "new cards held by the daily limit: the end of the study day",
      input: input({ newCandidates: [fresh("n1")], newIntroducedToday: 20 }),
      expected: DAY_END.toISOString(),
    },
    {
      name: "a buried sibling: the end of the study day",
      input: input({ dueCards: [review("a2", "2026-11-22T10:00:00.000Z", "a")], reviewedToday: [{ cardId: "a1", siblingKey: "a" }] }),
      expected: DAY_END.toISOString(),
    },
    {
      name: "only suspended cards: nothing will come up",
      input: input({ dueCards: [{ ...review("leech", "2026-11-22T10:00:00.000Z"), suspended: true }] }),
      expected: null,
    },
  ];
  for (const c of CASES_NEXT) {
    it(c.name, () => {
      expect(nextDueAfter(c.input, NOW)?.toISOString() ?? null).toBe(c.expected);
    });
  }
});
