// Evidence rules of checklist items, read from the stored JSON and evaluated
// against a learner's attempts. Pure: the attempts, the time zone and the day
// start hour are arguments. A rule this version does not know is carried as
// "unknown" with a note, so an item written for a newer importer never breaks
// the checklist: it simply behaves like a hand-ticked item.
import { EvidenceRuleSchema, type EvidenceRule } from "../content/schemas";
import { studyDayKey, type StudyClock } from "../scheduling/study-day";

export type { EvidenceRule };

/** A stored rule as the checklist uses it: understood, or unknown with the reason. */
export type ReadRule = { kind: "rule"; rule: EvidenceRule } | { kind: "unknown"; note: string };

/** Reads `ChecklistItem.evidenceRule` (any JSON, or null when the item has none). */
export function readEvidenceRule(stored: unknown): ReadRule | null {
  if (stored === null || stored === undefined) return null;
  const parsed = EvidenceRuleSchema.safeParse(stored);
  if (parsed.success) return { kind: "rule", rule: parsed.data };
  const kind = typeof stored === "object" && "kind" in stored ? String((stored as { kind: unknown }).kind) : "";
  return { kind: "unknown", note: kind ? `evidence of kind "${kind}" is not understood here` : "the evidence rule could not be read" };
}

/** One attempt as evidence sees it: when it was made and whether it passed. */
export type EvidenceAttempt = { createdAt: Date; correct: boolean };

export type { StudyClock };

export type EvidenceProgress = {
  exerciseSlug: string;
  /** Distinct study days needed (the rule's `distinctDays`). */
  needed: number;
  /** The earliest distinct study days with a pass ("YYYY-MM-DD"), ascending, at most `needed`. */
  days: string[];
  complete: boolean;
  /** The first pass on the last day needed: when the item earned its tick. Null while incomplete. */
  completedAt: Date | null;
};

/**
 * Evaluates an "exercise-passed" rule: the exercise must have been passed
 * (`correct`) on `distinctDays` different study days of the learner. Failed
 * attempts never count, and several passes on one study day count once.
 * `attempts` are attempts at the rule's exercise, in any order.
 */
export function evaluateExercisePassed(rule: EvidenceRule, attempts: readonly EvidenceAttempt[], clock: StudyClock): EvidenceProgress {
  const passes = attempts.filter((a) => a.correct).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const days: string[] = [];
  let completedAt: Date | null = null;
  for (const pass of passes) {
    const key = studyDayKey(pass.createdAt, clock.timeZone, clock.dayStartHour);
    if (days.includes(key)) continue;
    days.push(key);
    if (days.length === rule.distinctDays) {
      completedAt = pass.createdAt;
      break;
    }
  }
  return { exerciseSlug: rule.exerciseSlug, needed: rule.distinctDays, days, complete: completedAt !== null, completedAt };
}

/** "Nov 18" for the study day "2026-11-18" (the day's own date, whatever the viewer's zone). */
export function formatStudyDay(key: string): string {
  return new Date(`${key}T12:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}

/** "Nov 18", "Nov 18 and Nov 20", "Nov 18, Nov 20 and Nov 23". */
export function listStudyDays(keys: readonly string[]): string {
  const labels = keys.map(formatStudyDay);
  if (labels.length <= 1) return labels.join("");
  return `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}`;
}

/**
 * The sentence shown under an evidence item: "passed on Nov 18, Nov 20 and
 * Nov 23 — 3 of 3 days", "passed on Nov 18 — 1 of 3 days so far", or
 * "not passed yet — 0 of 3 days".
 */
export function describeEvidence(progress: Pick<EvidenceProgress, "days" | "needed" | "complete">): string {
  const count = `${progress.days.length} of ${progress.needed} day${progress.needed === 1 ? "" : "s"}`;
  if (progress.days.length === 0) return `not passed yet — ${count}`;
  return `passed on ${listStudyDays(progress.days)} — ${count}${progress.complete ? "" : " so far"}`;
}
