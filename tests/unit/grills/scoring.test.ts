import { describe, expect, it } from "vitest";
import {
  answerTimeMs,
  boundedTimeMs,
  clockLeftMs,
  isOutOfTime,
  isSettled,
  itemScore,
  keyPointScore,
  needsRequeue,
  summarise,
  verdictOf,
  weakestTopics,
} from "@/lib/grills/scoring";

const T0 = new Date("2026-03-10T12:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe("keyPointScore", () => {
  it.each([
    { name: "none ticked", hit: [], total: 4, score: 0 },
    { name: "half", hit: [0, 2], total: 4, score: 0.5 },
    { name: "all", hit: [0, 1, 2], total: 3, score: 1 },
    { name: "duplicates count once", hit: [1, 1, 1], total: 4, score: 0.25 },
    { name: "indices outside the list are ignored", hit: [0, 4, -1], total: 4, score: 0.25 },
    { name: "no key points at all", hit: [0], total: 0, score: 0 },
  ])("$name", ({ hit, total, score }) => {
    expect(keyPointScore(hit, total)).toBeCloseTo(score, 12);
  });
});

describe("itemScore and verdictOf", () => {
  it.each([
    { name: "interview, 3 of 4 key points", raw: 0.75, outOfTime: false, score: 0.75, verdict: "passed" },
    { name: "interview, 2 of 4 key points", raw: 0.5, outOfTime: false, score: 0.5, verdict: "failed" },
    { name: "numeric graded right", raw: 1, outOfTime: false, score: 1, verdict: "passed" },
    { name: "numeric half right", raw: 0.5, outOfTime: false, score: 0.5, verdict: "failed" },
    { name: "right but out of time", raw: 1, outOfTime: true, score: 0, verdict: "out-of-time" },
    { name: "exactly the pass mark", raw: 0.6, outOfTime: false, score: 0.6, verdict: "passed" },
  ])("$name", ({ raw, outOfTime, score, verdict }) => {
    const s = itemScore(raw, outOfTime);
    expect(s).toBeCloseTo(score, 12);
    expect(verdictOf({ answered: true, outOfTime, score: s })).toBe(verdict);
  });

  it.each([
    { name: "unanswered is not failed", item: { answered: false, outOfTime: false, score: null }, verdict: "unanswered", requeue: false },
    { name: "failed goes back to the queue", item: { answered: true, outOfTime: false, score: 0.25 }, verdict: "failed", requeue: true },
    { name: "out of time goes back to the queue", item: { answered: true, outOfTime: true, score: 0 }, verdict: "out-of-time", requeue: true },
    { name: "passed stays where it is", item: { answered: true, outOfTime: false, score: 1 }, verdict: "passed", requeue: false },
  ])("$name", ({ item, verdict, requeue }) => {
    const v = verdictOf(item);
    expect(v).toBe(verdict);
    expect(needsRequeue(v)).toBe(requeue);
  });
});

describe("the clock", () => {
  it.each([
    { name: "in time", reported: 20_000, since: 0, now: 60, limit: 60, time: 20_000, out: false },
    { name: "reported more than the server saw", reported: 50_000, since: 0, now: 30, limit: 60, time: 30_000, out: false },
    { name: "ran out: capped at the limit", reported: 75_000, since: 0, now: 90, limit: 60, time: 60_000, out: true },
    { name: "counted from the previous answer", reported: 40_000, since: 100, now: 125, limit: 60, time: 25_000, out: false },
    { name: "a clock behind the server's never goes negative", reported: 5_000, since: 10, now: 5, limit: 60, time: 0, out: false },
  ])("$name", ({ reported, since, now, limit, time, out }) => {
    const t = boundedTimeMs(reported, at(since), at(now), limit);
    expect(t).toBe(time);
    expect(isOutOfTime(t, limit)).toBe(out);
  });

  it("an item never answered is not out of time", () => {
    expect(isOutOfTime(null, 60)).toBe(false);
  });
});

describe("the clock from when the server showed the question", () => {
  it.each([
    { name: "a tiny reported time counts the server's measure", reported: 1, since: 0, shown: 10, now: 40, limit: 60, time: 30_000, left: 30_000, out: false },
    {
      name: "a larger reported time is capped at the server's measure",
      reported: 50_000,
      since: 0,
      shown: 10,
      now: 40,
      limit: 60,
      time: 30_000,
      left: 30_000,
      out: false,
    },
    { name: "past the limit: capped, out of time, nothing left", reported: 2_000, since: 0, shown: 10, now: 100, limit: 60, time: 60_000, left: 0, out: true },
    { name: "exactly at the limit is out of time", reported: 0, since: 0, shown: 10, now: 70, limit: 60, time: 60_000, left: 0, out: true },
    { name: "just shown: the whole clock left", reported: 0, since: 0, shown: 10, now: 10, limit: 60, time: 0, left: 60_000, out: false },
    { name: "a server clock stepping back never goes negative", reported: 0, since: 0, shown: 10, now: 8, limit: 60, time: 0, left: 60_000, out: false },
  ])("$name", ({ reported, since, shown, now, limit, time, left, out }) => {
    const t = answerTimeMs({ reportedMs: reported, since: at(since), shownAt: at(shown), now: at(now), secondsPerItem: limit });
    expect(t).toBe(time);
    expect(isOutOfTime(t, limit)).toBe(out);
    expect(clockLeftMs(at(shown), at(now), limit)).toBe(left);
  });

  it("never shown: falls back to the client's time bounded since the previous answer", () => {
    expect(answerTimeMs({ reportedMs: 40_000, since: at(100), shownAt: null, now: at(125), secondsPerItem: 60 })).toBe(25_000);
  });

  it.each([
    { name: "removed", item: { kind: "removed", answered: false, score: null }, settled: true },
    { name: "answered and scored", item: { kind: "interview", answered: true, score: 0.5 }, settled: true },
    { name: "answered, waiting for key points", item: { kind: "interview", answered: true, score: null }, settled: false },
    { name: "unanswered", item: { kind: "numeric", answered: false, score: null }, settled: false },
  ])("isSettled: $name", ({ item, settled }) => {
    expect(isSettled(item)).toBe(settled);
  });
});

describe("summarise", () => {
  const items = [
    { topic: "Normalization", answered: true, score: 1, timeMs: 30_000 },
    { topic: "KV cache", answered: true, score: 0.25, timeMs: 60_000 },
    { topic: "Normalization", answered: true, score: 0.5, timeMs: 45_000 },
    { topic: "Attention", answered: true, score: 0.25, timeMs: 15_000 },
    { topic: "Attention", answered: true, score: 0.25, timeMs: 20_000 },
    { topic: "Positions", answered: false, score: null, timeMs: null },
  ];

  it("scores over every item, unanswered ones as 0", () => {
    const totals = summarise(items);
    expect(totals.score).toBeCloseTo((1 + 0.25 + 0.5 + 0.25 + 0.25) / 6, 12);
    expect(totals).toMatchObject({ answered: 5, total: 6 });
    expect(totals.meanTimeMs).toBeCloseTo(34_000, 6);
  });

  it.each([
    { name: "lowest mean first; a tie goes to the topic with more items", input: items, order: ["Attention", "KV cache", "Normalization"] },
    {
      name: "a tie on both goes by name",
      input: [
        { topic: "b", answered: true, score: 0, timeMs: 1 },
        { topic: "a", answered: true, score: 0, timeMs: 1 },
      ],
      order: ["a", "b"],
    },
    { name: "unanswered topics are not ranked", input: [{ topic: "x", answered: false, score: null, timeMs: null }], order: [] },
  ])("$name", ({ input, order }) => {
    expect(summarise(input).topics.map((t) => t.topic)).toEqual(order);
  });

  it("weakest topics leave out full marks and keep at most three", () => {
    const topics = summarise([
      ...items,
      { topic: "Costs", answered: true, score: 0.9, timeMs: 1 },
      { topic: "Easy", answered: true, score: 1, timeMs: 1 },
    ]).topics;
    expect(weakestTopics(topics).map((t) => t.topic)).toEqual(["Attention", "KV cache", "Normalization"]);
    expect(weakestTopics(topics, 10).map((t) => t.topic)).toEqual(["Attention", "KV cache", "Normalization", "Costs"]);
  });

  it("an empty grill scores 0 with no time", () => {
    expect(summarise([])).toEqual({ score: 0, answered: 0, total: 0, meanTimeMs: null, topics: [] });
  });
});
