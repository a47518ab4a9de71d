import { describe, expect, it } from "vitest";
import type { QueueKind, RatingPreview } from "@/lib/queue/queue-card";
import { comesBackToday, countsBeyond, sessionCounts } from "@/lib/queue/session-counts";

const card = (cardId: string, queueKind: QueueKind) => ({ cardId, queueKind });
const none = new Set<string>();

describe("sessionCounts", () => {
  const cases: { name: string; queue: ReturnType<typeof card>[]; expectedBack: Set<string>; want: Record<QueueKind, number> }[] = [
    { name: "an empty session counts nothing", queue: [], expectedBack: none, want: { new: 0, learning: 0, review: 0 } },
    {
      name: "each card counts in its own kind",
      queue: [card("a", "review"), card("b", "new"), card("c", "learning"), card("d", "review")],
      expectedBack: none,
      want: { new: 1, learning: 1, review: 2 },
    },
    {
      name: "a review card rated Again leaves review and counts as learning before the server answers",
      queue: [card("b", "new")],
      expectedBack: new Set(["a"]),
      want: { new: 1, learning: 1, review: 0 },
    },
    {
      name: "a requeued card already back in the queue is not counted twice",
      queue: [card("b", "new"), card("a", "learning")],
      expectedBack: new Set(["a"]),
      want: { new: 1, learning: 1, review: 0 },
    },
  ];
  for (const c of cases) it(c.name, () => expect(sessionCounts(c.queue, c.expectedBack)).toEqual(c.want));

  it("adds the cards of today's queue that were never handed to the screen", () => {
    expect(sessionCounts([card("a", "new")], none, { new: 5, learning: 0, review: 40 })).toEqual({ new: 6, learning: 0, review: 40 });
  });
});

describe("countsBeyond", () => {
  it("subtracts the handed cards per kind, never below zero", () => {
    const handed = [card("a", "new"), card("b", "review"), card("c", "review"), card("d", "learning")];
    expect(countsBeyond({ new: 20, learning: 0, review: 130 }, handed)).toEqual({ new: 19, learning: 0, review: 128 });
  });
});

describe("comesBackToday", () => {
  const dayEnd = "2026-03-02T04:00:00.000Z";
  const previews: RatingPreview[] = [
    { rating: 1, label: "10m", due: "2026-03-01T12:10:00.000Z" },
    { rating: 2, label: "1d", due: "2026-03-02T12:00:00.000Z" },
    { rating: 3, label: "3d", due: "2026-03-04T12:00:00.000Z" },
  ];
  const cases: { name: string; rating: 1 | 2 | 3 | 4; want: boolean }[] = [
    { name: "Again due in ten minutes comes back", rating: 1, want: true },
    { name: "a rating due after the study day ends graduates", rating: 2, want: false },
    { name: "a later interval leaves", rating: 3, want: false },
    { name: "a rating without a preview does not come back", rating: 4, want: false },
  ];
  for (const c of cases) it(c.name, () => expect(comesBackToday(previews, c.rating, dayEnd)).toBe(c.want));
});
