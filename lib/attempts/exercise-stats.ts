// An exercise's (or drawing prompt's) figures across every learner, for the
// people who write and fix the course: attempts, first-try accuracy, the
// mistakes named most often and the hardest step. Anonymised: no row names a
// learner, and nothing but the fact that too few have tried is shown until
// MIN_COHORT learners have attempted it, so no single learner's work can be
// read off the figures. One SQL statement over the per-learner tallies
// (lib/data/exercise-tally.ts) computes all of it.
import { z } from "zod";
import type { Catalogue } from "../catalogue/catalogue";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { CountColumn, queryRows } from "../db/rows";
import { notFound } from "../errors/app-error";
import { quoteInput } from "../errors/quote-input";
import { misconceptionName } from "../grading/misconception-name";
import * as float64 from "../reference/float64";

/** Learners who must have attempted an exercise before any figure about it is shown. */
export const MIN_COHORT = 5;
/** Named mistakes listed, most frequent first. */
export const TOP_MISTAKES = 5;
/** Items listed for a drawing (its cells or wires are many): the hardest first. */
export const DRAWING_ITEMS_SHOWN = 8;

export type StatsStep = {
  step: string;
  label: string;
  /** Attempts made before a reveal that graded this step (or drawing item). */
  tried: number;
  right: number;
  /** right / tried, 0..1 to 4 decimals; null before any attempt. */
  accuracy: number | null;
};

export type StatsMistake = { code: string; name: string; attempts: number; learners: number };

export type ExerciseFigures = {
  learners: number;
  attempts: number;
  /** Attempts made once the variant's answers were shown (practice, no credit). */
  afterReveal: number;
  /** The first attempt at each learner's variant, made before its answers were shown, and how many of those passed. */
  firstTry: { variants: number; passed: number; accuracy: number | null };
  mistakes: StatsMistake[];
  /** Numeric exercises: every step in the exercise's order. Drawings: the DRAWING_ITEMS_SHOWN hardest items. */
  steps: StatsStep[];
  /** The step with the lowest accuracy (ties: the earlier step), or null before any graded step. */
  hardestStep: StatsStep | null;
};

export type ExerciseStats = {
  exercise: string;
  title: string;
  kind: "exercise" | "drawing";
  minimumLearners: number;
  /** True when at least MIN_COHORT learners have attempted it; otherwise `figures` is null and `message` says why. */
  shown: boolean;
  message: string;
  figures: ExerciseFigures | null;
};

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;
const ratio = (right: number, tried: number): number | null => (tried === 0 ? null : round4(right / tried));

const StatsRow = z.object({
  learners: CountColumn,
  attempts: CountColumn,
  afterReveal: CountColumn,
  firstTries: CountColumn,
  firstTryPasses: CountColumn,
  mistakes: z.array(z.object({ code: z.string(), attempts: z.number().int(), learners: z.number().int() })),
  steps: z.array(z.object({ step: z.string(), label: z.string().nullable(), tried: z.number().int(), right: z.number().int() })),
});

/**
 * The one statement behind the figures; exported so a test can EXPLAIN it.
 * It reads the per-learner tallies kept as attempts are stored
 * (lib/data/exercise-tally.ts): one row per learner at `slug`, plus their
 * step and mistake rows, whatever the number of attempts.
 */
export function exerciseStatsSql(slug: string): Prisma.Sql {
  // Mistake codes are ordered byte-wise (COLLATE "C"), as they always were: ties list in the same order.
  return Prisma.sql`
    SELECT
      count(*) AS learners,
      coalesce(sum(t.attempts), 0) AS attempts,
      coalesce(sum(t."afterReveal"), 0) AS "afterReveal",
      coalesce(sum(t."firstTries"), 0) AS "firstTries",
      coalesce(sum(t."firstTryPasses"), 0) AS "firstTryPasses",
      (SELECT coalesce(jsonb_agg(jsonb_build_object('code', code, 'attempts', attempts, 'learners', learners) ORDER BY attempts DESC, code COLLATE "C"), '[]'::jsonb)
        FROM (SELECT code, sum(attempts)::int AS attempts, count(*)::int AS learners FROM exercise_mistake_tally WHERE "exerciseSlug" = ${slug} GROUP BY code) m
      ) AS mistakes,
      (SELECT coalesce(jsonb_agg(jsonb_build_object('step', step, 'label', label, 'tried', tried, 'right', "right") ORDER BY step), '[]'::jsonb)
        FROM (SELECT step, max(label) AS label, sum(tried)::int AS tried, sum("right")::int AS "right" FROM exercise_step_tally WHERE "exerciseSlug" = ${slug} GROUP BY step) s
      ) AS steps
    FROM exercise_tally t WHERE t."exerciseSlug" = ${slug}`;
}

type Authored = { title: string; kind: ExerciseStats["kind"]; steps: { key: string; label: string }[] | null; messages: Map<string, string> };

function authored(catalogue: Catalogue, slug: string): Authored {
  const exercise = catalogue.findExercise(slug);
  if (exercise) {
    // Misconception messages do not depend on the numbers; any seed's wrong methods carry them.
    const messages = new Map(exercise.wrongMethods(0, float64).map((m) => [m.code, m.message] as const));
    return { title: exercise.title, kind: "exercise", steps: exercise.steps.map((s) => ({ key: s.key, label: s.label })), messages };
  }
  const drawing = catalogue.findDrawingPrompt(slug);
  if (drawing) return { title: drawing.title, kind: "drawing", steps: null, messages: new Map(drawing.misconceptions.map((m) => [m.code, m.message])) };
  throw notFound(`Exercise ${quoteInput(slug)}`);
}

/** Lowest accuracy first; ties keep the order given. */
function hardest(steps: readonly StatsStep[]): StatsStep | null {
  let worst: StatsStep | null = null;
  for (const s of steps) if (s.accuracy !== null && (worst?.accuracy == null || s.accuracy < worst.accuracy)) worst = s;
  return worst;
}

/**
 * Every learner's attempts at `slug` (a numeric exercise or a drawing prompt),
 * aggregated; figures only once MIN_COHORT learners have attempted it.
 * Throws NOT_FOUND for a slug the catalogue lacks.
 */
export async function loadExerciseStats(db: Db, catalogue: Catalogue, slug: string): Promise<ExerciseStats> {
  const info = authored(catalogue, slug);
  const [row] = await queryRows(db, StatsRow, exerciseStatsSql(slug), "exerciseStats");
  if (!row) throw new Error("exerciseStats: the aggregate returned no row");
  const base = { exercise: slug, title: info.title, kind: info.kind, minimumLearners: MIN_COHORT };
  if (row.learners < MIN_COHORT) {
    return {
      ...base,
      shown: false,
      message: `Figures appear once ${MIN_COHORT} learners have attempted this ${info.kind}; fewer have so far, and figures from so few could point to one person.`,
      figures: null,
    };
  }
  const byStep = new Map(row.steps.map((s) => [s.step, s]));
  const stepOf = (key: string, label: string): StatsStep => {
    const r = byStep.get(key);
    return { step: key, label, tried: r?.tried ?? 0, right: r?.right ?? 0, accuracy: ratio(r?.right ?? 0, r?.tried ?? 0) };
  };
  const steps = info.steps
    ? info.steps.map((s) => stepOf(s.key, s.label))
    : row.steps
        .map((s) => stepOf(s.step, s.label ?? s.step))
        .sort((x, y) => (x.accuracy ?? 1) - (y.accuracy ?? 1))
        .slice(0, DRAWING_ITEMS_SHOWN);
  return {
    ...base,
    shown: true,
    message: `${row.learners} learners, ${row.attempts} attempts.`,
    figures: {
      learners: row.learners,
      attempts: row.attempts,
      afterReveal: row.afterReveal,
      firstTry: { variants: row.firstTries, passed: row.firstTryPasses, accuracy: ratio(row.firstTryPasses, row.firstTries) },
      mistakes: row.mistakes
        .slice(0, TOP_MISTAKES)
        .map((m) => ({ code: m.code, name: misconceptionName(m.code, info.messages.get(m.code)), attempts: m.attempts, learners: m.learners })),
      steps,
      hardestStep: hardest(steps),
    },
  };
}
