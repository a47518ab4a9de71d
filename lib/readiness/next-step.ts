// The one readiness line a learner can act on: where the module stands and
// the single most useful thing to do next. Pure.
import { misconceptionName } from "../grading/misconception-name";
import type { AccuracyFigure, OpenMisconception, RetentionFigure } from "./figures";

/** Recall below this share (with enough reviews) is worth working on first. */
export const RETENTION_TARGET = 0.8;
/** Accuracy below this share over at least MIN_ACCURACY_ATTEMPTS recent attempts is weak. */
export const ACCURACY_TARGET = 0.6;
const MIN_ACCURACY_ATTEMPTS = 3;

export type ReadinessLevel = "not-started" | "in-progress" | "ready";
export type NextStep = { level: ReadinessLevel; headline: string; action: { label: string; href: string } | null };

export type PendingEvidence = { text: string; exerciseSlug: string; days: string[]; needed: number };

export type NextStepInput = {
  checklist: { ticked: number; total: number };
  /** Evidence items not ticked yet, with the days passed so far. */
  pendingEvidence: readonly PendingEvidence[];
  retention: RetentionFigure;
  accuracy: readonly AccuracyFigure[];
  open: readonly OpenMisconception[];
  /** Title, practice link (null when it cannot be practised here yet) and misconception messages by code, per exercise slug. */
  exercise: (slug: string) => { title: string; href: string | null; messages?: ReadonlyMap<string, string> };
  /** Today's study day key, "YYYY-MM-DD". */
  todayKey: string;
};

const percent = (share: number) => `${Math.round(share * 100)}%`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * Picks the next step, in this order: an open misconception, a weak
 * exercise, a first step for a learner who has not started, the evidence
 * item closest to ticking itself, weak recall, items left to tick by hand;
 * else the module is ready.
 */
export function nextStep(input: NextStepInput): NextStep {
  const { checklist, retention, todayKey } = input;
  const started =
    checklist.ticked > 0 || retention.reviews > 0 || input.accuracy.some((a) => a.attempts > 0) || input.pendingEvidence.some((p) => p.days.length > 0);
  const level: ReadinessLevel = started ? "in-progress" : "not-started";
  const practise = (slug: string) => {
    const e = input.exercise(slug);
    return e.href ? { label: `Practise: ${e.title}`, href: e.href } : null;
  };

  const mistake = input.open.find((m) => input.exercise(m.exerciseSlug).href);
  if (mistake) {
    const { title, messages } = input.exercise(mistake.exerciseSlug);
    const name = misconceptionName(mistake.code, messages?.get(mistake.code));
    return {
      level,
      headline: `Fix a known mistake first at ${title}: “${name.replace(/\.$/, "")}”. Your answers there have not been right since.`,
      action: practise(mistake.exerciseSlug),
    };
  }
  const weak = input.accuracy
    .filter((a) => a.accuracy !== null && a.recent >= MIN_ACCURACY_ATTEMPTS && a.accuracy < ACCURACY_TARGET && input.exercise(a.exerciseSlug).href)
    .sort((a, b) => (a.accuracy ?? 0) - (b.accuracy ?? 0))[0];
  if (weak) {
    const title = input.exercise(weak.exerciseSlug).title;
    return {
      level,
      headline: `${title} is right ${percent(weak.accuracy ?? 0)} of the time over your last ${weak.recent} tries: practise it until it sticks.`,
      action: practise(weak.exerciseSlug),
    };
  }
  if (!started) {
    return {
      level: "not-started",
      headline:
        "Start here: tick the items you can already do cold, and do today's reviews. Items with a dashed box tick themselves as you pass their exercises on separate days.",
      action: { label: "Start today's review", href: "/review" },
    };
  }
  const closest = input.pendingEvidence
    .filter((p) => input.exercise(p.exerciseSlug).href)
    // One pass a day counts: an item not yet passed today can move today.
    .sort((a, b) => Number(a.days.includes(todayKey)) - Number(b.days.includes(todayKey)) || a.needed - a.days.length - (b.needed - b.days.length))[0];
  if (closest) {
    const title = input.exercise(closest.exerciseSlug).title;
    const left = closest.needed - closest.days.length;
    const sofar = `${closest.days.length} of ${plural(closest.needed, "day")} so far`;
    const headline = closest.days.includes(todayKey)
      ? `Passed ${title} today (${sofar}). Pass it again on ${plural(left, "more day")} to tick “${closest.text}”: come back tomorrow.`
      : `Pass ${title} today (${sofar}) towards “${closest.text}”.`;
    return { level, headline, action: practise(closest.exerciseSlug) };
  }
  if (retention.retention !== null && retention.retention < RETENTION_TARGET) {
    return {
      level,
      headline: `Recall is at ${percent(retention.retention)} over the last 30 days: keep up the daily reviews.`,
      action: { label: "Review now", href: "/review" },
    };
  }
  const left = checklist.total - checklist.ticked;
  if (left > 0) {
    return { level, headline: `${plural(left, "item")} left on the health check: tick each one you can do cold, without notes.`, action: null };
  }
  const recall = retention.retention !== null ? `, recall at ${percent(retention.retention)}` : "";
  return {
    level: "ready",
    headline: `Ready: every health-check item ticked${recall}. Keep the daily reviews going.`,
    action: { label: "Review now", href: "/review" },
  };
}
