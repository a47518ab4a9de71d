// Review-log rows → per-card histories in study days, and the training items
// the FSRS binding is given.
import { describe, expect, it } from "vitest";
import { trainingItemCount, trainingSequences, validWeights } from "@/lib/optimizer/fsrs-binding";
import { toCardHistories, type OptimizerReviewRow } from "@/lib/optimizer/review-history";
import type { FsrsStateName, StudyClock } from "@/lib/scheduling";

const UTC4: StudyClock = { timeZone: "UTC", dayStartHour: 4 };
const row = (cardId: string, at: string, rating: number, state: FsrsStateName): OptimizerReviewRow => ({
  cardId,
  rating,
  state,
  reviewedAt: new Date(at),
});

type Case = {
  name: string;
  rows: OptimizerReviewRow[];
  clock?: StudyClock;
  cards: { cardId: string; reviews: [rating: number, deltaDays: number][] }[];
  skipped: number;
};

const CASES: Case[] = [
  {
    name: "a new card's steps on one day, then reviews days apart",
    rows: [
      row("a", "2026-03-02T09:00:00Z", 3, "NEW"),
      row("a", "2026-03-02T09:10:00Z", 3, "LEARNING"),
      row("a", "2026-03-05T18:00:00Z", 1, "REVIEW"),
      row("a", "2026-03-05T18:10:00Z", 3, "RELEARNING"),
      row("a", "2026-03-06T08:00:00Z", 4, "REVIEW"),
    ],
    cards: [
      {
        cardId: "a",
        reviews: [
          [3, 0],
          [3, 0],
          [1, 3],
          [3, 0],
          [4, 1],
        ],
      },
    ],
    skipped: 0,
  },
  {
    name: "twenty minutes across the 04:00 day start count as one day",
    rows: [row("a", "2026-03-02T03:50:00Z", 3, "NEW"), row("a", "2026-03-02T04:10:00Z", 3, "LEARNING")],
    cards: [
      {
        cardId: "a",
        reviews: [
          [3, 0],
          [3, 1],
        ],
      },
    ],
    skipped: 0,
  },
  {
    name: "midnight is not a boundary when the day starts at 04:00",
    rows: [row("a", "2026-03-02T23:50:00Z", 3, "NEW"), row("a", "2026-03-03T00:10:00Z", 3, "LEARNING")],
    cards: [
      {
        cardId: "a",
        reviews: [
          [3, 0],
          [3, 0],
        ],
      },
    ],
    skipped: 0,
  },
  {
    name: "days are counted in the user's zone (Berlin, 04:00 start = 03:00Z in winter)",
    clock: { timeZone: "Europe/Berlin", dayStartHour: 4 },
    rows: [row("a", "2026-01-10T02:55:00Z", 3, "NEW"), row("a", "2026-01-10T03:05:00Z", 3, "LEARNING")],
    cards: [
      {
        cardId: "a",
        reviews: [
          [3, 0],
          [3, 1],
        ],
      },
    ],
    skipped: 0,
  },
  {
    name: "a card whose first logged review is not a new-card review is skipped",
    rows: [row("old", "2026-03-02T09:00:00Z", 3, "REVIEW"), row("new", "2026-03-02T09:05:00Z", 4, "NEW"), row("old", "2026-03-09T09:00:00Z", 3, "REVIEW")],
    cards: [{ cardId: "new", reviews: [[4, 0]] }],
    skipped: 1,
  },
  {
    name: "rows out of time order are put in order per card",
    rows: [row("a", "2026-03-04T09:00:00Z", 2, "REVIEW"), row("a", "2026-03-02T09:00:00Z", 3, "NEW")],
    cards: [
      {
        cardId: "a",
        reviews: [
          [3, 0],
          [2, 2],
        ],
      },
    ],
    skipped: 0,
  },
  {
    name: "a card reset to new starts its history again",
    rows: [
      row("a", "2026-03-02T09:00:00Z", 3, "NEW"),
      row("a", "2026-03-06T09:00:00Z", 3, "REVIEW"),
      row("a", "2026-04-01T09:00:00Z", 1, "NEW"),
      row("a", "2026-04-03T09:00:00Z", 3, "LEARNING"),
    ],
    cards: [
      {
        cardId: "a",
        reviews: [
          [1, 0],
          [3, 2],
        ],
      },
    ],
    skipped: 0,
  },
  {
    name: "a rating outside 1–4 drops the card",
    rows: [row("a", "2026-03-02T09:00:00Z", 3, "NEW"), row("a", "2026-03-04T09:00:00Z", 0, "REVIEW")],
    cards: [],
    skipped: 1,
  },
];

describe("toCardHistories", () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const result = await toCardHistories(c.rows, c.clock ?? UTC4);
      expect(result.skippedCards).toBe(c.skipped);
      expect(result.cards.map((card) => ({ cardId: card.cardId, reviews: card.reviews.map(({ rating, deltaDays }) => ({ rating, deltaDays })) }))).toEqual(
        c.cards.map((card) => ({ cardId: card.cardId, reviews: card.reviews.map(([rating, deltaDays]) => ({ rating, deltaDays })) })),
      );
    });
  }
});

describe("trainingSequences", () => {
  const history = (reviews: [number, number][]) => [
    { cardId: "a", reviews: reviews.map(([rating, deltaDays], i) => ({ rating: rating as 1 | 2 | 3 | 4, deltaDays, reviewedAt: i * 86_400_000 })) },
  ];
  const CASES_T: { name: string; reviews: [number, number][]; ends: number[] }[] = [
    {
      name: "one item per later-day review, each with the history before it",
      reviews: [
        [3, 0],
        [3, 0],
        [1, 3],
        [3, 0],
        [4, 1],
      ],
      ends: [3, 5],
    },
    { name: "a card seen once gives nothing to learn from", reviews: [[3, 0]], ends: [] },
    {
      name: "same-day steps only give nothing to learn from",
      reviews: [
        [1, 0],
        [3, 0],
      ],
      ends: [],
    },
  ];
  for (const c of CASES_T) {
    it(c.name, () => {
      const sequences = trainingSequences(history(c.reviews));
      expect(sequences.map((s) => s.length)).toEqual(c.ends);
      expect(trainingItemCount(history(c.reviews))).toBe(c.ends.length);
      for (const s of sequences) expect(s).toEqual(c.reviews.slice(0, s.length).map(([rating, deltaT]) => ({ rating, deltaT })));
    });
  }
});

describe("validWeights", () => {
  const good = Array.from({ length: 21 }, (_, i) => i / 10);
  const CASES_W: { name: string; value: unknown; error: RegExp | null }[] = [
    { name: "21 finite numbers pass", value: good, error: null },
    { name: "19 weights (FSRS-5) are refused", value: good.slice(0, 19), error: /19 weights, expected 21/ },
    { name: "a NaN is refused", value: good.map((w, i) => (i === 4 ? Number.NaN : w)), error: /non-finite/ },
    { name: "Infinity is refused", value: good.map((w, i) => (i === 0 ? Infinity : w)), error: /non-finite/ },
    { name: "not an array is refused", value: { w: good }, error: /expected 21/ },
  ];
  for (const c of CASES_W) {
    it(c.name, () => {
      if (c.error) expect(() => validWeights(c.value)).toThrow(c.error);
      else expect(validWeights(c.value)).toEqual(good);
    });
  }
});
