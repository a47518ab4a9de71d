// A module's readiness for one learner: the checklist (evidence settled), true
// recall retention over the last 30 days, accuracy per exercise the module
// uses, the misconceptions still open, and the next step. The queries run
// here; every figure is defined in figures.ts and next-step.ts.
import { countMisconceptions, type MisconceptionCount } from "../attempts/attempt-history";
import type { Catalogue } from "../catalogue/catalogue";
import type { ChecklistView } from "../checklists/checklist-view";
import type { StudyClock } from "../checklists/evidence-rule";
import { loadChecklist, selectStudyClock } from "../checklists/load-checklist";
import { selectEnrolledModules, selectVisibleModule, type ModuleRef } from "../checklists/module-access";
import type { Db } from "../db/client";
import { studyDayKey } from "../scheduling/study-day";
import { exerciseEntry } from "./exercise-directory";
import { RECENT_ATTEMPTS, RETENTION_WINDOW_DAYS, accuracyFigure, openMisconceptions, retentionFigure, type RetentionFigure } from "./figures";
import { nextStep, type NextStep } from "./next-step";
import { selectAttemptStats, selectModuleExerciseSlugs, selectReviewGroups } from "./readiness-queries";

const DAY_MS = 86_400_000;

export type ExerciseReadiness = {
  slug: string;
  title: string;
  href: string | null;
  accuracy: number | null;
  recent: number;
  attempts: number;
  lastAttemptAt: string | null;
  /** The learner's study day of the last attempt, "YYYY-MM-DD". */
  lastAttemptDay: string | null;
};

export type MisconceptionReadiness = {
  exerciseSlug: string;
  exerciseTitle: string;
  href: string | null;
  code: string;
  message: string | null;
  count: number;
  lastSeen: string;
  /** The learner's study day it was last seen, "YYYY-MM-DD". */
  lastSeenDay: string;
};

export type ModuleReadiness = {
  module: ModuleRef;
  checklist: ChecklistView;
  retention: RetentionFigure & { windowDays: number };
  exercises: ExerciseReadiness[];
  misconceptions: MisconceptionReadiness[];
  next: NextStep;
  asOf: string;
};

/** The exercises a module uses: its exercise cards' slugs, then its evidence rules' slugs, without repeats. */
function usedExercises(cardSlugs: readonly string[], checklist: ChecklistView): string[] {
  const evidence = checklist.sections.flatMap((s) => s.items.flatMap((i) => (i.evidence ? [i.evidence.exerciseSlug] : [])));
  return [...new Set([...cardSlugs, ...evidence])];
}

/** What readiness needs of the learner whatever the module: their clock and every misconception they have made. */
type LearnerFacts = { clock: StudyClock; seen: MisconceptionCount[] };

async function selectLearnerFacts(db: Db, userId: string): Promise<LearnerFacts> {
  const [clock, seen] = await Promise.all([selectStudyClock(db, userId), countMisconceptions(db, userId)]);
  return { clock, seen };
}

/** Readiness of `module` for `userId` at `now`; `learner` is read once for all modules of a listing. */
async function readinessOf(db: Db, catalogue: Catalogue, userId: string, module: ModuleRef, now: Date, learner: LearnerFacts): Promise<ModuleReadiness> {
  const { clock, seen } = learner;
  const entry = (slug: string) => exerciseEntry(catalogue, slug);
  const checklist = await loadChecklist(db, userId, module.id, now);
  const [cardSlugs, groups] = await Promise.all([
    selectModuleExerciseSlugs(db, module.id),
    selectReviewGroups(db, userId, module.id, new Date(now.getTime() - RETENTION_WINDOW_DAYS * DAY_MS), now),
  ]);
  const slugs = usedExercises(cardSlugs, checklist);
  const stats = await selectAttemptStats(db, userId, slugs, RECENT_ATTEMPTS, now);
  const dayOf = (at: Date) => studyDayKey(at, clock.timeZone, clock.dayStartHour);
  const accuracy = slugs.map((slug) => {
    const s = stats.get(slug);
    return accuracyFigure(slug, s?.latest ?? [], s?.attempts ?? 0);
  });
  const lastCorrect = new Map(
    slugs.flatMap((slug) => {
      const at = stats.get(slug)?.lastCorrectAt;
      return at ? [[slug, at] as const] : [];
    }),
  );
  const open = openMisconceptions(
    seen.filter((m) => slugs.includes(m.exerciseSlug)),
    lastCorrect,
  );
  const retention = retentionFigure(groups);
  const pendingEvidence = checklist.sections.flatMap((s) =>
    s.items.flatMap((i) =>
      i.evidence && !i.checked ? [{ text: i.text, exerciseSlug: i.evidence.exerciseSlug, days: i.evidence.days, needed: i.evidence.needed }] : [],
    ),
  );
  const next = nextStep({
    checklist,
    pendingEvidence,
    retention,
    accuracy,
    open,
    exercise: entry,
    todayKey: dayOf(now),
  });
  return {
    module,
    checklist,
    retention: { ...retention, windowDays: RETENTION_WINDOW_DAYS },
    exercises: accuracy.map((a) => {
      const e = entry(a.exerciseSlug);
      return {
        slug: a.exerciseSlug,
        title: e.title,
        href: e.href,
        accuracy: a.accuracy,
        recent: a.recent,
        attempts: a.attempts,
        lastAttemptAt: a.lastAttemptAt?.toISOString() ?? null,
        lastAttemptDay: a.lastAttemptAt ? dayOf(a.lastAttemptAt) : null,
      };
    }),
    misconceptions: open.map((m) => {
      const e = entry(m.exerciseSlug);
      return {
        exerciseSlug: m.exerciseSlug,
        exerciseTitle: e.title,
        href: e.href,
        code: m.code,
        message: e.messages.get(m.code) ?? null,
        count: m.count,
        lastSeen: m.lastSeen.toISOString(),
        lastSeenDay: dayOf(m.lastSeen),
      };
    }),
    next,
    asOf: now.toISOString(),
  };
}

/** Readiness of the module `slug` (public or the user's own), exercises named from `catalogue`; NOT_FOUND otherwise. */
export async function getModuleReadiness(db: Db, catalogue: Catalogue, userId: string, slug: string, now: Date): Promise<ModuleReadiness> {
  const module = await selectVisibleModule(db, userId, slug);
  return readinessOf(db, catalogue, userId, module, now, await selectLearnerFacts(db, userId));
}

/** Readiness of every module the user is enrolled in, in enrolment order, exercises named from `catalogue`. */
export async function listModuleReadiness(db: Db, catalogue: Catalogue, userId: string, now: Date): Promise<ModuleReadiness[]> {
  const [modules, learner] = await Promise.all([selectEnrolledModules(db, userId), selectLearnerFacts(db, userId)]);
  const result: ModuleReadiness[] = [];
  for (const module of modules) result.push(await readinessOf(db, catalogue, userId, module, now, learner));
  return result;
}
