import { describe, expect, it } from "vitest";
import {
  DEFAULT_SCHEDULER_SETTINGS,
  applyRating,
  restoreStateSnapshot,
  toStateSnapshot,
  undoRating,
  type Rating,
  type ReviewLogFields,
  type SchedulingState,
} from "@/lib/scheduling";

const START = new Date("2026-04-01T07:45:00.000Z");
const DAY_MS = 86_400_000;

type Review = { before: SchedulingState | null; after: SchedulingState; log: ReviewLogFields };

/** Reviews one card through `ratings`, each a day after it came due, keeping every step. */
function history(ratings: Rating[]): Review[] {
  const reviews: Review[] = [];
  let state: SchedulingState | null = null;
  let now = START;
  for (const rating of ratings) {
    const { next, log } = applyRating(state, rating, now, DEFAULT_SCHEDULER_SETTINGS);
    reviews.push({ before: state, after: next, log });
    state = next;
    now = new Date(next.due.getTime() + DAY_MS);
  }
  return reviews;
}

const HISTORIES: { name: string; ratings: Rating[] }[] = [
  { name: "steady learner", ratings: [3, 3, 3, 3, 3] },
  { name: "lapses and relearning", ratings: [2, 3, 3, 1, 1, 3, 4, 1, 3] },
  { name: "easy first, then hard", ratings: [4, 2, 2, 1, 2] },
];

describe("undoRating (ts-fsrs rollback)", () => {
  for (const { name, ratings } of HISTORIES) {
    it(`${name}: gives back every step's previous state, due set to the review instant`, () => {
      for (const [index, { before, after, log }] of history(ratings).entries()) {
        const undone = undoRating(after, log);
        if (before === null) {
          expect(undone, `step ${index + 1}`).toBeNull();
        } else {
          expect(undone, `step ${index + 1}`).toEqual({ ...before, due: log.reviewedAt });
        }
      }
    });
  }

  it("refuses a log that is not the card's latest review", () => {
    const [first, second] = history([3, 3]);
    if (!first || !second) throw new Error("history too short");
    expect(() => undoRating(second.after, first.log)).toThrow(/latest review/);
  });
});

describe("state snapshots (exact undo)", () => {
  for (const { name, ratings } of HISTORIES) {
    it(`${name}: the stored JSON restores every previous state exactly`, () => {
      for (const { before } of history(ratings)) {
        const stored: unknown = JSON.parse(JSON.stringify(toStateSnapshot(before)));
        expect(restoreStateSnapshot(stored)).toEqual(before);
      }
    });
  }

  it("a new card's snapshot is an object, never a bare JSON null", () => {
    expect(toStateSnapshot(null)).toEqual({ v: 1, state: null });
  });

  it("ignores extra keys that a caller stores alongside", () => {
    const [first] = history([3]);
    if (!first) throw new Error("history too short");
    const stored = { ...toStateSnapshot(first.after), isLeech: false, suspendedAt: null };
    expect(restoreStateSnapshot(JSON.parse(JSON.stringify(stored)))).toEqual(first.after);
  });

  const MALFORMED: { name: string; json: unknown }[] = [
    { name: "bare null", json: null },
    { name: "unknown version", json: { v: 2, state: null } },
    { name: "missing fields", json: { v: 1, state: { due: "2026-01-01T00:00:00.000Z" } } },
    { name: "bad date", json: { v: 1, state: { ...toStateSnapshot(history([3])[0]?.after ?? null).state, due: "yesterday" } } },
  ];
  for (const { name, json } of MALFORMED) {
    it(`throws on a malformed snapshot: ${name}`, () => {
      expect(() => restoreStateSnapshot(json)).toThrow(/malformed/);
    });
  }
});
