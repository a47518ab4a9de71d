import { describe, expect, it } from "vitest";
import type { AccuracyFigure } from "@/lib/readiness/figures";
import { nextStep, type NextStepInput } from "@/lib/readiness/next-step";

const exercise = (slug: string) => (slug === "drawing" ? { title: "Drawing", href: null } : { title: slug.toUpperCase(), href: `/exercises/${slug}` });
const noReviews = { retention: null, reviews: 0, passed: 0, needed: 10 };
const acc = (exerciseSlug: string, accuracy: number | null, recent: number): AccuracyFigure => ({
  exerciseSlug,
  accuracy,
  recent,
  attempts: recent,
  lastAttemptAt: null,
});
const base: NextStepInput = {
  checklist: { ticked: 0, total: 4 },
  pendingEvidence: [],
  retention: noReviews,
  accuracy: [],
  open: [],
  exercise,
  todayKey: "2026-11-23",
};

describe("nextStep", () => {
  it.each([
    { name: "fresh learner: a first step", input: {}, level: "not-started", headline: /^Start here/, href: "/review" },
    {
      name: "an open misconception comes first",
      input: { open: [{ exerciseSlug: "mask", code: "upper-triangle", count: 2, lastSeen: new Date() }], accuracy: [acc("norm", 0.1, 5)] },
      level: "in-progress",
      headline: /^Fix a known mistake first at MASK: “Upper triangle”/,
      href: "/exercises/mask",
    },
    {
      name: "an open misconception is named by its authored message",
      input: {
        open: [{ exerciseSlug: "mask", code: "upper-triangle", count: 1, lastSeen: new Date() }],
        exercise: (slug: string) => ({ ...exercise(slug), messages: new Map([["upper-triangle", "You masked the past instead of the future. Keep j ≤ i."]]) }),
      },
      level: "not-started",
      headline: /^Fix a known mistake first at MASK: “You masked the past instead of the future”\. Your answers/,
      href: "/exercises/mask",
    },
    {
      name: "a misconception at an exercise that cannot be practised here is skipped",
      input: { open: [{ exerciseSlug: "drawing", code: "x", count: 1, lastSeen: new Date() }] },
      level: "not-started",
      headline: /^Start here/,
      href: "/review",
    },
    {
      name: "then the weakest exercise",
      input: { accuracy: [acc("norm", 0.5, 4), acc("mask", 0.2, 5)] },
      level: "in-progress",
      headline: /MASK is right 20%/,
      href: "/exercises/mask",
    },
    { name: "two tries are too few to call weak", input: { accuracy: [acc("mask", 0, 2)] }, level: "in-progress", headline: /4 items left/, href: null },
    {
      name: "then the evidence item closest to ticking, preferring one not passed today",
      input: {
        pendingEvidence: [
          { text: "Mask by hand", exerciseSlug: "mask", days: ["2026-11-22", "2026-11-23"], needed: 3 },
          { text: "Norm by hand", exerciseSlug: "norm", days: ["2026-11-20"], needed: 3 },
        ],
      },
      level: "in-progress",
      headline: /^Pass NORM today \(1 of 3 days so far\) towards “Norm by hand”/,
      href: "/exercises/norm",
    },
    {
      name: "an item passed today says to come back tomorrow",
      input: { pendingEvidence: [{ text: "Mask by hand", exerciseSlug: "mask", days: ["2026-11-23"], needed: 3 }] },
      level: "in-progress",
      headline: /Passed MASK today \(1 of 3 days so far\).*2 more days.*tomorrow/,
      href: "/exercises/mask",
    },
    {
      name: "then weak recall",
      input: { checklist: { ticked: 1, total: 4 }, retention: { retention: 0.7, reviews: 20, passed: 14, needed: 0 } },
      level: "in-progress",
      headline: /Recall is at 70%/,
      href: "/review",
    },
    {
      name: "everything ticked, good recall: ready",
      input: { checklist: { ticked: 4, total: 4 }, retention: { retention: 0.9, reviews: 20, passed: 18, needed: 0 } },
      level: "ready",
      headline: /Ready: every health-check item ticked, recall at 90%/,
      href: "/review",
    },
  ] as { name: string; input: Partial<NextStepInput>; level: string; headline: RegExp; href: string | null }[])("$name", ({ input, level, headline, href }) => {
    const step = nextStep({ ...base, ...input });
    expect(step.level).toBe(level);
    expect(step.headline).toMatch(headline);
    expect(step.action?.href ?? null).toBe(href);
  });
});
